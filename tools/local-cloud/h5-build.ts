import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

// The first screen's build tools feed index.html too; patches/ changes what the app bundles of node_modules.
const SOURCES = ['src', 'domain', 'config', 'patches', 'tools/h5-first-screen.ts', 'tools/print-first-screen.ts', 'babel.config.js', 'package.json'];

const newestMtime = (path: string): number => {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
};

/** True when the H5 output is missing or older than any of its sources. */
export const isH5BuildStale = (root: string, outDir: string): boolean => {
  const index = join(outDir, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return SOURCES.some((s) => newestMtime(join(root, s)) > built);
};

export const buildH5 = (root: string, outDir = join(root, 'dist-h5')): void => {
  console.log('[investcard] building the H5 app (about 30 s)…');
  const r = spawnSync(process.execPath, [join(root, 'node_modules/@tarojs/cli/bin/taro'), 'build', '--type', 'h5'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', TARO_OUTPUT_ROOT: relative(root, outDir) },
  });
  if (r.status !== 0) throw new Error('H5 build failed; see the output above.');
};
