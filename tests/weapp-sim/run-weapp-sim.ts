import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { ensureBuilds } from './support/sim-builds';

/**
 * `npm run test:weapp-sim [-- <jest args>]`: builds the weapp and the function bundles if a source changed,
 * then runs the simulated mini-program runtime suite (tests/weapp-sim/*.test.ts) with its own jest config.
 */
const ROOT = resolve(__dirname, '../..');

const main = async (): Promise<number> => {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 20) {
    // npm puts node_modules/.bin first on PATH: a package that ships a `node` binary there shadows the system one.
    console.error(`[weapp-sim] needs Node ≥ 20 (package.json engines); this is Node ${process.versions.node} at ${process.execPath}.`);
    return 1;
  }
  await ensureBuilds(ROOT);
  const jest = spawnSync(process.execPath, [join(ROOT, 'node_modules/jest/bin/jest.js'), '--config', join(ROOT, 'tests/weapp-sim/jest.config.js'), ...process.argv.slice(2)], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  return jest.status ?? 1;
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
