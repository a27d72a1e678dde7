import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { FUNCTION_NAMES } from '../../../domain/api/contract';
import { buildFunctions } from '../../../tools/build-functions';

/**
 * The two builds the simulated runtime runs, rebuilt only when a source is newer than the output:
 * - the weapp build, into its own output root (build/weapp-sim/dist: the same config as `npm run build:weapp`,
 *   so the shippable dist/ is never overwritten with a simulation's environment id);
 * - the function bundles (`npm run build:functions` → build/cloudfunctions/<name>/index.js).
 */
export const simDist = (root: string): string => process.env.WEAPP_SIM_DIST ?? join(root, 'build', 'weapp-sim', 'dist');

const WEAPP_SOURCES = ['src', 'domain', 'config', 'babel.config.js', 'package.json', 'project.config.json'];
const FUNCTION_SOURCES = ['cloudfunctions', 'domain', 'tools/build-functions.ts', 'tools/seed', 'package.json'];

const newestMtime = (path: string): number => {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
};

const olderThanSources = (root: string, outputs: string[], sources: string[]): boolean => {
  if (outputs.some((o) => !existsSync(o))) return true;
  const built = Math.min(...outputs.map((o) => statSync(o).mtimeMs));
  return sources.some((s) => newestMtime(join(root, s)) > built);
};

export const isWeappStale = (root: string, dist = simDist(root)): boolean => olderThanSources(root, [join(dist, 'app.js'), join(dist, 'app.json')], WEAPP_SOURCES);

export const areFunctionsStale = (root: string): boolean =>
  olderThanSources(
    root,
    FUNCTION_NAMES.map((name) => join(root, 'build', 'cloudfunctions', name, 'index.js')),
    FUNCTION_SOURCES,
  );

/** `taro build --type weapp` into the simulation's output root, with an environment id if none is given. */
export const buildWeapp = (root: string, dist = simDist(root)): void => {
  console.log(`[weapp-sim] building the weapp into ${relative(root, dist)} (about 20–40 s)…`);
  const r = spawnSync(process.execPath, [join(root, 'node_modules/@tarojs/cli/bin/taro'), 'build', '--type', 'weapp'], {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      NODE_ENV: 'production',
      TARO_OUTPUT_ROOT: relative(root, dist),
      // A weapp build must name its cloud environment; the simulated cloud answers any.
      TARO_APP_CLOUD_ENV: process.env.TARO_APP_CLOUD_ENV || 'weapp-sim-env',
    },
  });
  if (r.status !== 0) throw new Error('[weapp-sim] the weapp build failed; see the output above.');
};

export const ensureBuilds = async (root: string): Promise<void> => {
  if (isWeappStale(root)) buildWeapp(root);
  else console.log('[weapp-sim] weapp build is up to date');
  if (areFunctionsStale(root)) {
    console.log('[weapp-sim] bundling the cloud functions…');
    await buildFunctions(root);
  } else console.log('[weapp-sim] function bundles are up to date');
};
