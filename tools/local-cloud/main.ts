import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runSlaTick } from '../../cloudfunctions/sla-timer/run-sla-tick';
import { sendDueVacancyReminders } from '../../cloudfunctions/admin/vacancy-reminders';
import { DEFAULT_INTAKE_LIMITS } from '../../cloudfunctions/_lib/deps';
import { seedIfEmpty } from '../seed/seed-store';
import { hashPlainInviteCodes } from '../../cloudfunctions/admin/invite-hash-migration';
import { ALL_ACTIONS } from './all-actions';
import { buildH5, isH5BuildStale } from './h5-build';
import { loadOrCreateAnalyticsSecret } from './analytics-secret-file';
import { createLocalDeps } from './local-deps';
import { runMonthlyBulletins } from '../../cloudfunctions/reports/monthly-bulletins';
import { runRollupMigration } from '../../cloudfunctions/reports/heatmap-rollup-recount';
import { startLocalCloud } from './server';
import { openSqliteStore } from './sqlite-store';

/**
 * `npm start`: build the H5 app if needed, open (and seed) the SQLite database, serve app + actions on
 * 127.0.0.1. Environment: PORT (default 8787), INVESTCARD_DATA_DIR (default ./.data),
 * INVESTCARD_SKIP_H5_BUILD=1 to serve whatever dist-h5 holds, INVESTCARD_LOG=1 for request logs,
 * INVESTCARD_DISTRICT_BURST_PER_MIN to raise the district-wide intake budget for load tests,
 * INVESTCARD_WEB_BASE_URL for the address share links and QR codes point to, INVESTCARD_H5_DIR to serve
 * another H5 output folder (built with TARO_OUTPUT_ROOT).
 */
const main = async () => {
  const root = resolve(__dirname, '../..');
  const port = Number(process.env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${process.env.PORT}`);
  const dataDir = resolve(process.env.INVESTCARD_DATA_DIR ?? join(root, '.data'));
  const h5Dir = resolve(root, process.env.INVESTCARD_H5_DIR ?? 'dist-h5');

  if (process.env.INVESTCARD_SKIP_H5_BUILD !== '1' && isH5BuildStale(root, h5Dir)) buildH5(root, h5Dir);

  mkdirSync(dataDir, { recursive: true });
  const store = openSqliteStore(join(dataDir, 'investcard.sqlite'));
  const burst = Number(process.env.INVESTCARD_DISTRICT_BURST_PER_MIN ?? DEFAULT_INTAKE_LIMITS.perDistrictPerMinute);
  const deps = createLocalDeps(store, {
    quiet: process.env.INVESTCARD_LOG !== '1',
    analyticsSecret: loadOrCreateAnalyticsSecret(dataDir),
    filesDir: join(dataDir, 'files'),
    intakeLimits: { ...DEFAULT_INTAKE_LIMITS, perDistrictPerMinute: Number.isFinite(burst) && burst > 0 ? burst : DEFAULT_INTAKE_LIMITS.perDistrictPerMinute },
  });
  const seeded = await seedIfEmpty(store, deps.clock());
  // The seed's invite code (DEMO2026) is plain text, as the cloud's imported seed is: hash it as the console step does there.
  await hashPlainInviteCodes(deps);
  const cloud = await startLocalCloud({ deps, actions: ALL_ACTIONS, port, staticDir: h5Dir });
  // Share links and plain QR codes point at this server unless a public address is given (e.g. a LAN IP for a phone).
  deps.webBaseUrl = (process.env.INVESTCARD_WEB_BASE_URL ?? cloud.url).replace(/\/+$/, '');

  // The cloud runs the SLA ladder from a timer trigger; locally an interval does the same use case.
  const slaEveryMs = Number(process.env.INVESTCARD_SLA_INTERVAL_MS ?? 60_000);
  // One tick at a time, as the cloud's timer runs them: a long backlog tick is not joined by a second one.
  let ticking = false;
  const slaTimer = setInterval(() => {
    if (ticking) return;
    ticking = true;
    runSlaTick(deps)
      .then(() => sendDueVacancyReminders(deps))
      // 每月一通报: the cloud runs it from the reports function's daily trigger; idempotent per district × month.
      .then(() => runMonthlyBulletins(deps))
      // The roll-up migration: the cloud's `rollup-recount` trigger; one read once the roll-ups are current.
      .then(() => runRollupMigration(deps))
      .catch((error: unknown) => console.error('[investcard] SLA tick failed:', error instanceof Error ? error.message : error))
      .finally(() => {
        ticking = false;
      });
  }, slaEveryMs);
  slaTimer.unref();

  console.log(`[investcard] ${seeded ? 'seeded the fictional demo district (演示数据) into' : 'using'} ${join(dataDir, 'investcard.sqlite')}`);
  console.log(`[investcard] local cloud ready: ${cloud.url}`);
  console.log('[investcard] press Ctrl-C to stop');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[investcard] ${signal}: stopping…`);
    clearInterval(slaTimer);
    await cloud.close();
    await store.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
};

main().catch((error: unknown) => {
  if ((error as { code?: string }).code === 'EADDRINUSE') {
    console.error(`[investcard] port ${process.env.PORT ?? 8787} is already in use (another npm start?). Stop it, or run: PORT=8788 npm start`);
    process.exit(1);
  }
  console.error('[investcard] failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
