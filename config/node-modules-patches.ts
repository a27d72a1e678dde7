import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The fixes to node_modules in patches/ (patch-package). Every Taro build reads this config, so it is where they
 * are made sure of: whatever starts a build (npm scripts, the local cloud, the e2e, the simulated runtime, the
 * bench) builds the patched code.
 */
const root = path.resolve(__dirname, '..');

let applied = false;

/** Applies patches/ once per build process (tools/ensure-patches.mjs: idempotent; a patch that no longer fits throws). */
export const applyNodeModulesPatches = (): void => {
  if (applied) return;
  const run = spawnSync(process.execPath, [path.join(root, 'tools', 'ensure-patches.mjs')], { cwd: root, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`patches/ did not apply to node_modules:\n${run.stdout}${run.stderr}`);
  applied = true;
};

/** Webpack's cache takes a package's files as unchanged while its version is: a new or changed patch names a new cache. */
export const patchesDigest = (): string => {
  const dir = path.join(root, 'patches');
  const hash = createHash('sha1');
  if (existsSync(dir)) for (const name of readdirSync(dir).sort()) hash.update(name).update(readFileSync(path.join(dir, name)));
  return hash.digest('hex').slice(0, 8);
};
