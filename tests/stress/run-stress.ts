import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../tools/local-cloud/local-cloud-process';

/** `npm run test:stress`: the long-running reliability suites (each starts its own local cloud processes). */
const files = readdirSync(__dirname)
  .filter((f) => f.endsWith('.stress.ts'))
  .sort()
  .map((f) => join(__dirname, f));
const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), '--test', '--test-concurrency=1', ...files], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, INVESTCARD_SKIP_H5_BUILD: '1' },
});
process.exit(r.status ?? 1);
