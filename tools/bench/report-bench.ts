import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isOverdueNow } from '../../domain/lead/awaiting-response.rules';
import type { Lead } from '../../domain/lead/lead.schema';
import type { LeadStatus } from '../../domain/lead/lead-status.rules';
import { chinaDayOf } from '../../domain/lead/stage-confirmation.rules';
import { summariseRollups, type RollupRow } from '../../domain/report/dashboard.rules';
import { leadContribution, sumContributions } from '../../domain/report/lead-rollup.rules';
import { periodFromKey } from '../../domain/report/period.rules';
import { runAction } from '../../cloudfunctions/_lib/action-runner';
import { silentLogger } from '../../cloudfunctions/_lib/deps';
import { AWAITING_RESPONSE_WHERE } from '../../cloudfunctions/_lib/repositories/lead.repository';
import { listRollups, rollupId } from '../../cloudfunctions/_lib/repositories/rollup.repository';
import { getRollupMigration, saveRollupMigration } from '../../cloudfunctions/_lib/repositories/migration.repository';
import { ROLLUP_LEADS_PER_TICK, runRollupMigration } from '../../cloudfunctions/reports/heatmap-rollup-recount';
import { ROLLUP_SCHEMA_VERSION } from '../../domain/report/lead-rollup.rules';
import { getDistrict } from '../../cloudfunctions/_lib/repositories/org.repository';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import type { DocumentStore } from '../../cloudfunctions/_lib/store/store-port';
import { reportsActions } from '../../cloudfunctions/reports/actions';
import { districtShareInput } from '../../domain/report/bulletin-share-image.rules';
import { bulletinFontPath } from '../../cloudfunctions/reports/bulletin-font';
import { renderShareImage } from '../../cloudfunctions/reports/bulletin-image';
import { renderBulletinPdf } from '../../cloudfunctions/reports/bulletin-pdf';
import { bulletinContentFor, makeBulletin } from '../../cloudfunctions/reports/monthly-bulletins';
import { createLocalDeps } from '../local-cloud/local-deps';
import { openSqliteStore } from '../local-cloud/sqlite-store';
import { DEMO_DISTRICT_ID } from '../seed/demo-district';
import { SECOND_DISTRICT_ID } from '../seed/second-district';
import { seedIfEmpty } from '../seed/seed-store';
import { fmt, percentile, timeAsync } from './stats';

export interface ReportBenchFigures {
  leads: number;
  rollupRows: number;
  reads: Array<{ name: string; p50: number; p99: number; requests: number; recountMs: number; recountRequests: number; equal: boolean }>;
  bulletinMs: number;
  bulletinPdfBytes: number;
  /** The same month's content laid out again on its own: the PDF, then the share image (resvg-wasm, 1080×1350). */
  pdfRenderMs: number;
  imageRenderMs: number;
  bulletinPngBytes: number;
  /** «当前超时未回复» for the district alone: the count on by_district_unanswered_due, its plan, checked against the generated leads. */
  overdue: { p50: number; p99: number; count: number; scanCount: number; plan: string };
  /** The `rollup-recount` migration over every roll-up row (all zeroed first: the worst case, every row rewritten). */
  recount: { perTick: number; ticks: number; maxTickMs: number; totalMs: number; maxTickRequests: number; equal: boolean };
}

const UNITS = ['unit-invest', 'unit-tech', 'unit-commerce', 'unit-park', 'unit-street-jinwan', 'unit-edu'];
const CHANNELS = ['chat', 'moments', 'poster', 'qr', 'web_link', 'direct'] as const;
const INDUSTRIES = ['人工智能', '生物医药', '新能源', '先进制造', '数字经济', '现代商贸'];
/**
 * How far the generated leads get: a funnel out of every 20 (6 new, 5 contacted, 3 site visits, 2 negotiating,
 * 1 signed, 1 landed, 2 invalid).
 */
const FUNNEL_OF_20: readonly LeadStatus[] = [
  ...Array<LeadStatus>(6).fill('new'),
  ...Array<LeadStatus>(5).fill('contacted'),
  ...Array<LeadStatus>(3).fill('site_visit'),
  ...Array<LeadStatus>(2).fill('negotiating'),
  'signed',
  'landed',
  ...Array<LeadStatus>(2).fill('invalid'),
];
/**
 * The generated lead `i`'s status. Leads come in rounds of one per unit (and channel, industry); each round takes
 * the next stage 7 steps on (7 and 20 coprime: every stage), so every unit meets the whole funnel, in proportion.
 */
export const benchStatusOf = (i: number): LeadStatus => FUNNEL_OF_20[(Math.floor(i / UNITS.length) * 7) % FUNNEL_OF_20.length] as LeadStatus;
/** Who is credited with (and handles) each unit's generated leads, so team reads have members' rows to sum. */
const CREDITED: Record<string, string | null> = { 'unit-invest': 'staff-head', 'unit-tech': 'staff-tech', 'unit-commerce': 'staff-commerce', 'unit-park': 'staff-park' };
/** 招商小组's members in the demo seed (team-invest-squad). */
const SQUAD = new Set(['staff-invest-leader', 'staff-head', 'staff-commissioner']);

/** Counts the store's requests (each a billed round trip in the cloud). */
const counting = (store: DocumentStore) => {
  const counter = { n: 0 };
  const wrapped = new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (prop === 'find' || prop === 'get' || prop === 'count') counter.n += 1;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store: wrapped as DocumentStore, counter };
};

/**
 * Dashboard and ranking reads at `n` leads over three years (generated straight into SQLite with their roll-ups,
 * no intake: fast), each beside a full recount of the same figures from the leads; then one bulletin.
 */
export const benchReports = async (n = 100_000, samples = 30): Promise<ReportBenchFigures> => {
  const dir = mkdtempSync(join(tmpdir(), 'investcard-report-bench-'));
  const raw = openSqliteStore(join(dir, 'bench.sqlite'));
  try {
    const now = new Date('2026-12-02T02:00:00.000Z');
    await seedIfEmpty(raw, now);
    const start = Date.parse('2023-12-01T00:00:00.000Z');
    const span = now.getTime() - start;
    const leads: Lead[] = [];
    for (let i = 0; i < n; i += 1) {
      const createdAt = new Date(start + Math.floor((i / n) * span)).toISOString();
      const unitId = UNITS[i % UNITS.length] as string;
      const status = benchStatusOf(i);
      // Every status change counts as an answer, so only 新线索 can still be unanswered (a third of them).
      const answered = status !== 'new' || i % 3 !== 0;
      const respondedAt = answered ? new Date(Date.parse(createdAt) + ((i % 50) + 1) * 600_000).toISOString() : null;
      // 签约 / 落地 confirmed by the bureau a month after the inquiry (not after the run's day): the ranking scores them.
      const confirmedAt = new Date(Math.min(Date.parse(createdAt) + 30 * 24 * 3600_000, now.getTime() - 3600_000));
      const confirmation = { staffId: 'staff-invest-leader', staffName: '陈启航', note: '已核验', date: chinaDayOf(confirmedAt), at: confirmedAt.toISOString() };
      const confirmations = status === 'signed' ? { signed: confirmation } : status === 'landed' ? { signed: confirmation, landed: confirmation } : undefined;
      leads.push({
        _id: `ld_bench_${String(i).padStart(7, '0')}`, districtId: DEMO_DISTRICT_ID, status, contact: { name: '测试', company: `企业${i}`, phone: '13800000000' },
        need: { industry: INDUSTRIES[i % INDUSTRIES.length] as string, scale: 'undecided' }, message: '', source: { channel: CHANNELS[i % CHANNELS.length] as Lead['source']['channel'] },
        credit: { staffId: CREDITED[unitId] ?? null, unitId, shareChain: [], hops: 0 }, handling: { unitId, staffId: CREDITED[unitId] ?? null }, submitter: { openid: null, key: `k${i}` },
        consent: { noticeVersion: '2026-11', agreedAt: createdAt },
        sla: { firstResponseDueAt: new Date(Date.parse(createdAt) + 8 * 3600_000).toISOString(), firstRespondedAt: respondedAt, escalation: 0 },
        ...(confirmations ? { confirmations } : {}),
        fingerprint: `f${i}`, createdAt, updatedAt: createdAt, _rev: 0,
      } as unknown as Lead);
    }
    const rows = [...sumContributions(leads.flatMap(leadContribution)).values()];
    await raw.transaction(async (tx) => {
      for (const lead of leads) await tx.insert(COLLECTIONS.leads.name, lead);
      for (const r of rows) await tx.insert(COLLECTIONS.rollups.name, { _id: rollupId(r.key), ...r.key, c: { ...r.counters } });
    });

    const { store, counter } = counting(raw);
    const deps = createLocalDeps(store, { clock: () => now, log: silentLogger });
    const ctxOf = (openid: string) => ({ openid, appid: null, origin: 'test' as const, requestId: 'bench' });
    const reads: ReportBenchFigures['reads'] = [];
    type Case = { name: string; action: string; input: Record<string, unknown>; key: string; openid?: string; districts?: string[]; keep?: (lead: Lead) => boolean };
    const cases: Case[] = [
      { name: 'dashboard month', action: 'report.dashboard', input: { scope: 'district', period: { kind: 'month', key: '2026-11' } }, key: '2026-11' },
      { name: 'dashboard year', action: 'report.dashboard', input: { scope: 'district', period: { kind: 'year', key: '2026' } }, key: '2026' },
      { name: 'ranking quarter', action: 'report.arena', input: { kind: 'quarter', key: '2026-Q4' }, key: '2026-Q4' },
      // A team is its members' person rows; the city every district's rows, in one query each period.
      { name: 'team year', action: 'report.dashboard', input: { scope: 'team', teamId: 'team-invest-squad', period: { kind: 'year', key: '2026' } }, key: '2026', openid: 'demo-openid-head', keep: (l) => SQUAD.has(l.credit.staffId ?? '') },
      { name: 'city year', action: 'report.dashboard', input: { scope: 'city', period: { kind: 'year', key: '2026' } }, key: '2026', openid: 'demo-openid-city-admin', districts: [DEMO_DISTRICT_ID, SECOND_DISTRICT_ID] },
    ];
    for (const c of cases) {
      const ctx = ctxOf(c.openid ?? 'demo-openid-admin');
      const times: number[] = [];
      let requests = 0;
      let answer: unknown = null;
      for (let s = 0; s < samples; s += 1) {
        counter.n = 0;
        const [r, ms] = await timeAsync(() => runAction(reportsActions, deps, ctx, { action: c.action, input: c.input }));
        if (!r.ok) throw new Error(`${c.action}: ${r.error.code}`);
        answer = r.data;
        times.push(ms);
        requests = counter.n;
      }
      // The same figures from every lead of the period, paged as the cloud would have to.
      const period = periodFromKey(c.key);
      if (!period) throw new Error(c.key);
      counter.n = 0;
      const [recount, recountMs] = await timeAsync(async () => {
        const found: Lead[] = [];
        for (const districtId of c.districts ?? [DEMO_DISTRICT_ID]) {
          let after: Lead | null = null;
          for (;;) {
            const page: Lead[] = await store.find<Lead>(COLLECTIONS.leads.name, {
              where: { districtId, createdAt: { gte: period.start.toISOString(), lt: period.end.toISOString() } },
              ...(after ? { anyOf: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, _id: { gt: after._id } }] } : {}),
              orderBy: [{ field: 'createdAt', direction: 'asc' }, { field: '_id', direction: 'asc' }],
              limit: 1000,
            });
            found.push(...page);
            if (page.length < 1000) break;
            after = page[page.length - 1] as Lead;
          }
        }
        const kept = c.keep ? found.filter(c.keep) : found;
        return summariseRollups([...sumContributions(kept.flatMap(leadContribution)).values()].map((r) => ({ ...r.key, c: r.counters }) as RollupRow), new Map());
      });
      const figures = (answer as { figures?: { inquiries: number } }).figures;
      reads.push({ name: c.name, p50: percentile(times, 50), p99: percentile(times, 99), requests, recountMs, recountRequests: counter.n, equal: figures ? figures.inquiries === recount.inquiries : true });
    }
    // «当前超时未回复»: the indexed count (its plan printed: the due time is searched in the index), checked against the leads.
    const overdueWhere = { districtId: DEMO_DISTRICT_ID, ...AWAITING_RESPONSE_WHERE, 'sla.firstResponseDueAt': { lt: now.toISOString() } };
    const overdueTimes: number[] = [];
    let overdueCount = 0;
    for (let s = 0; s < samples; s += 1) {
      const [n, ms] = await timeAsync(() => raw.count(COLLECTIONS.leads.name, overdueWhere));
      overdueCount = n;
      overdueTimes.push(ms);
    }
    const scanCount = leads.filter((l) => isOverdueNow(l, now)).length;
    const plan = raw.explainFind(COLLECTIONS.leads.name, { where: overdueWhere, limit: 1 }).join('; ');
    const overdue = { p50: percentile(overdueTimes, 50), p99: percentile(overdueTimes, 99), count: overdueCount, scanCount, plan };
    const district = await getDistrict(raw, DEMO_DISTRICT_ID);
    const month = periodFromKey('2026-11');
    if (!district || !month) throw new Error('no demo district');
    const rawDeps = createLocalDeps(raw, { clock: () => now, log: silentLogger });
    const [bulletin, bulletinMs] = await timeAsync(() => makeBulletin(rawDeps, district, month));
    // Each file's own cost, from the content already read (the wasm is initialised by the bulletin above).
    const content = await bulletinContentFor(rawDeps, district, month);
    const font = await bulletinFontPath(rawDeps.files);
    const [, pdfRenderMs] = await timeAsync(() => renderBulletinPdf(content, font, now));
    const [image, imageRenderMs] = await timeAsync(() => renderShareImage(districtShareInput(content), font));
    // The roll-up migration after a schema change, tick by tick (a tick is one timer run: ≤ 60 s on the cloud).
    await raw.transaction(async (tx) => {
      for (const r of rows) await tx.update(COLLECTIONS.rollups.name, rollupId(r.key), { set: { c: {} } });
    });
    await saveRollupMigration(raw, { ...(await getRollupMigration(raw)), version: ROLLUP_SCHEMA_VERSION - 1 });
    const tickTimes: number[] = [];
    let maxTickRequests = 0;
    for (;;) {
      counter.n = 0;
      const [tick, ms] = await timeAsync(() => runRollupMigration(deps));
      if (tick.state === 'current') break;
      tickTimes.push(ms);
      maxTickRequests = Math.max(maxTickRequests, counter.n);
      if (tick.state === 'finished' || tickTimes.length > 10_000) break;
    }
    const after = new Map((await listRollups(raw, DEMO_DISTRICT_ID, '0000-01-01', '9999-12-31')).map((d) => [d._id, JSON.stringify(Object.entries(d.c).sort())]));
    // Against a full recount of every lead of the district (the seed's own leads too).
    const all: Lead[] = [];
    for (let last: Lead | null = null; ; ) {
      const cursor: Lead | null = last;
      const page: Lead[] = await raw.find<Lead>(COLLECTIONS.leads.name, {
        where: { districtId: DEMO_DISTRICT_ID },
        ...(cursor ? { anyOf: [{ createdAt: { gt: cursor.createdAt } }, { createdAt: cursor.createdAt, _id: { gt: cursor._id } }] } : {}),
        orderBy: [{ field: 'createdAt', direction: 'asc' }, { field: '_id', direction: 'asc' }],
        limit: 1000,
      });
      all.push(...page);
      if (page.length < 1000) break;
      last = page[page.length - 1] as Lead;
    }
    const full = [...sumContributions(all.flatMap(leadContribution)).values()];
    const nonZero = new Map([...after].filter(([, c]) => c !== '[]'));
    const recountEqual = full.length === nonZero.size && full.every((r) => nonZero.get(rollupId(r.key)) === JSON.stringify(Object.entries(r.counters).sort()));
    const recount = { perTick: ROLLUP_LEADS_PER_TICK, ticks: tickTimes.length, maxTickMs: Math.max(...tickTimes), totalMs: tickTimes.reduce((a, b) => a + b, 0), maxTickRequests, equal: recountEqual };
    return { leads: n, rollupRows: rows.length, reads, bulletinMs, bulletinPdfBytes: bulletin?.pdfBytes ?? 0, pdfRenderMs, imageRenderMs, bulletinPngBytes: image.png.byteLength, overdue, recount };
  } finally {
    await raw.close();
    rmSync(dir, { recursive: true, force: true });
  }
};

export const printReports = (f: ReportBenchFigures): void => {
  console.log(`reports at ${f.leads} leads over 3 years (${f.rollupRows} roll-up rows):`);
  for (const r of f.reads) console.log(`  ${r.name.padEnd(16)} p50 ${fmt(r.p50)} ms  p99 ${fmt(r.p99)} ms  ${r.requests} db requests | full recount ${fmt(r.recountMs)} ms, ${r.recountRequests} requests${r.equal ? '' : '  (MISMATCH)'}`);
  console.log(`  bulletin (PDF + xlsx + share image, one district-month): ${fmt(f.bulletinMs)} ms`);
  console.log(`    PDF          render ${fmt(f.pdfRenderMs)} ms, ${(f.bulletinPdfBytes / 1024).toFixed(1)} KiB`);
  console.log(`    share image  render ${fmt(f.imageRenderMs)} ms, ${(f.bulletinPngBytes / 1024).toFixed(1)} KiB (PNG 1080×1350, resvg-wasm)`);
  const o = f.overdue;
  // The generator leaves every third 新线索 unanswered for ever (a worst case: real overdue leads are the recent few);
  // the count reads only the overdue entries of the index, so its time follows that number, not the leads'.
  console.log(`  overdue now (count)  p50 ${fmt(o.p50)} ms  p99 ${fmt(o.p99)} ms  ${o.count} leads | check: ${o.scanCount} in the generated leads${o.count === o.scanCount ? '' : '  (MISMATCH)'} | ${o.plan}`);
  const r = f.recount;
  console.log(
    `  rollup-recount (every row rewritten): ${r.ticks} ticks of ≤ ${r.perTick} leads (whole days; both districts), slowest tick ${fmt(r.maxTickMs)} ms, ${r.maxTickRequests} db requests at most, ${fmt(r.totalMs)} ms in all${r.equal ? ' | equals the full recount' : '  (MISMATCH)'}`,
  );
};

if (require.main === module) {
  const n = Number(process.argv[2] ?? 100_000);
  benchReports(n)
    .then(printReports)
    .catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
}
