import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildH5, isH5BuildStale } from '../../tools/local-cloud/h5-build';
import { chromiumSkipReason } from './support/browser';
import { ROOT } from '../../tools/local-cloud/local-cloud-process';

/**
 * `npm run test:e2e`: builds the H5 app when stale, then runs every tests/e2e/*.e2e.ts with node's test
 * runner (each suite starts its own local cloud on a free port with a fresh database).
 */
const skip = chromiumSkipReason();
if (skip) {
  console.log(`e2e skipped: ${skip}`);
  console.log('0 passed, 0 failed, 1 skipped');
  process.exit(0);
}
if (isH5BuildStale(ROOT, join(ROOT, 'dist-h5'))) buildH5(ROOT);

const files = readdirSync(__dirname)
  .filter((f) => f.endsWith('.e2e.ts'))
  .sort()
  .map((f) => join(__dirname, f));
const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), '--test', '--test-concurrency=1', ...files], { cwd: ROOT, stdio: 'inherit' });
process.exit(r.status ?? 1);
