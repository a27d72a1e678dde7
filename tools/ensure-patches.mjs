// Install scripts are off (.npmrc), so patch-package's usual postinstall never runs: the fixes in patches/ are
// applied here: by every Taro build (config/node-modules-patches.ts) and before `npm test`. Applying is idempotent —
// a patch already in place is only checked — and a patch that no longer fits its package stops the run.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';

const require = createRequire(import.meta.url);
const bin = join(dirname(require.resolve('patch-package/package.json')), 'index.js');
const r = spawnSync(process.execPath, [bin, '--error-on-fail'], { cwd: join(dirname(new URL(import.meta.url).pathname), '..'), encoding: 'utf8' });
if (r.status !== 0) {
  process.stdout.write(r.stdout ?? '');
  process.stderr.write(r.stderr ?? '');
  console.error('[investcard] a patch in patches/ did not apply to node_modules (see above): update it for the installed version.');
  process.exit(1);
}
