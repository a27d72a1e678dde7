import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { buildH5, isH5BuildStale } from '../../tools/local-cloud/h5-build';
import { ROOT } from '../../tools/local-cloud/local-cloud-process';
import { CHROMIUM_ARGS, chooseChromium, countBrowserTests, noBrowserOutcome, type ChromiumChoice } from './support/chromium-choice';

/**
 * `npm run test:e2e`: picks a Chromium (Debian's, else the packaged one), builds the H5 app when stale, then
 * runs every tests/e2e/*.e2e.ts with node's test runner (each suite starts its own local cloud on a free port
 * with a fresh database). With no Chromium that starts, it ends with a count of the browser tests not run.
 */
const files = readdirSync(__dirname)
  .filter((f) => f.endsWith('.e2e.ts'))
  .sort()
  .map((f) => join(__dirname, f));

/** A browser that is found but cannot start (missing libraries, no /tmp) counts as none. */
const startable = async (choice: ChromiumChoice): Promise<ChromiumChoice> => {
  if (choice.kind === 'none') return choice;
  try {
    const browser = await chromium.launch({ executablePath: choice.executablePath, headless: true, args: CHROMIUM_ARGS });
    await browser.close();
    return choice;
  } catch (error) {
    return { kind: 'none', reason: `${choice.executablePath} did not start: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}` };
  }
};

const main = async (): Promise<number> => {
  const choice = await startable(await chooseChromium());
  if (choice.kind === 'none') {
    const outcome = noBrowserOutcome(choice.reason, countBrowserTests(files), process.env);
    for (const line of outcome.lines) console.log(line);
    return outcome.exitCode;
  }
  console.log(`e2e in ${choice.kind === 'system' ? 'Chromium' : 'the packaged Chromium (@sparticuz/chromium)'} at ${choice.executablePath}`);
  // INVESTCARD_H5_DIR: test another H5 output (parallel work); the local cloud processes serve the same folder.
  const h5Dir = resolve(ROOT, process.env.INVESTCARD_H5_DIR ?? 'dist-h5');
  if (isH5BuildStale(ROOT, h5Dir)) buildH5(ROOT, h5Dir);
  // The suites choose the same browser again (cheap once extracted); forcing it keeps them on this one.
  const env = { ...process.env, INVESTCARD_CHROMIUM: choice.kind === 'system' ? 'system' : 'sparticuz', ...(choice.kind === 'system' ? { CHROMIUM_PATH: choice.executablePath } : {}) };
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), '--test', '--test-concurrency=1', ...files], { cwd: ROOT, stdio: 'inherit', env });
  return r.status ?? 1;
};

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
