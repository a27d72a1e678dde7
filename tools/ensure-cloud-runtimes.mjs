// WeChat Cloud's Node runtimes (16.13, 18.15) for tests/tools/function-runtimes.test.ts live in their own folder,
// so their `node` binary never lands on the project's PATH. Installed from the npm registry on first `npm test`;
// a no-op once present.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const folder = join(dirname(fileURLToPath(import.meta.url)), 'cloud-runtimes');
const present = () => ['node16', 'node18'].every((alias) => existsSync(join(folder, 'node_modules', alias, 'bin', 'node')));

if (!present()) {
  console.log('[investcard] installing WeChat Cloud\'s Node 16.13 and 18.15 into tools/cloud-runtimes (first run only)…');
  const r = spawnSync('npm', ['ci', '--prefix', folder, '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (r.status !== 0 || !present()) {
    console.error('[investcard] could not install tools/cloud-runtimes: check the npm registry is reachable, then run `npm ci --prefix tools/cloud-runtimes`.');
    process.exit(1);
  }
}
