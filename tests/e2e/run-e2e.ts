import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
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
// INVESTCARD_H5_DIR: test another H5 output (parallel work); the local cloud processes serve the same folder.
const h5Dir = resolve(ROOT, process.env.INVESTCARD_H5_DIR ?? 'dist-h5');
if (isH5BuildStale(ROOT, h5Dir)) buildH5(ROOT, h5Dir);

const files = readdirSync(__dirname)
  .filter((f) => f.endsWith('.e2e.ts'))
  .sort()
  .map((f) => join(__dirname, f));
const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), '--test', '--test-concurrency=1', ...files], { cwd: ROOT, stdio: 'inherit' });
process.exit(r.status ?? 1);
