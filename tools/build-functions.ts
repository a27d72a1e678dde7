import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FUNCTION_NAMES } from '../domain/api/contract';
import { ALL_COLLECTIONS } from '../cloudfunctions/_lib/store/collections';
import { RESVG_WASM_FILE } from '../cloudfunctions/reports/bulletin-image';
import { SLA_TIMER_TIMEOUT_SECONDS } from '../cloudfunctions/sla-timer/sla-tick-budget';
import { buildDemoDistrict } from './seed/demo-district';
import { validateSeed } from './seed/seed-store';

/**
 * `npm run build:functions`: WeChat uploads a function's folder as it is and compiles no TypeScript, so each
 * function is bundled with its share of domain/ and _lib/ into build/cloudfunctions/<name>/:
 *   index.js      the bundle (wx-server-sdk left external: installed by "云端安装依赖")
 *   package.json  pins wx-server-sdk 4.0.2
 *   config.json   the openapi permissions the function's own code calls (openapiPermissionsOf), plus timer triggers
 *   resvg.wasm    (reports only) resvg's WebAssembly, which esbuild cannot bundle: the bulletin's share image
 * and writes build/cloud-db/ (indexes to create in the console, seed JSON-lines to import).
 */

export const WX_SERVER_SDK_VERSION = '4.0.2';

/** Timer triggers per function (cron: second minute hour day month week year). */
const TRIGGERS: Partial<Record<(typeof FUNCTION_NAMES)[number], Array<{ name: string; type: 'timer'; config: string }>>> = {
  // Every 10 minutes on the hour's tens; the ladder is idempotent, so a missed run only delays a rung.
  'sla-timer': [{ name: 'sla-tick', type: 'timer', config: '0 */10 * * * * *' }],
  // 每月一通报: daily at 07:30 China time; the step makes last month's bulletins from the month's first working day.
  // rollup-recount: one read when the roll-ups are current; after a roll-up schema change, ~2 000 leads per tick.
  reports: [
    { name: 'monthly-bulletin', type: 'timer', config: '0 30 7 * * * *' },
    { name: 'rollup-recount', type: 'timer', config: '0 */10 * * * * *' },
  ],
};

/**
 * Timeouts (seconds) where the 3 s default is too short: the SLA tick budgets its work against its own; the office
 * validates and applies a spreadsheet import in one call (chunks of the upload arrive in calls of their own).
 */
const FUNCTION_TIMEOUTS: Partial<Record<(typeof FUNCTION_NAMES)[number], number>> = { 'sla-timer': SLA_TIMER_TIMEOUT_SECONDS, admin: 60, reports: 60 };

/** Files a bundle reads beside itself at run time (not JavaScript, so esbuild cannot inline them): source → name. */
const ASSETS: Partial<Record<(typeof FUNCTION_NAMES)[number], Array<{ from: string; to: string }>>> = {
  reports: [{ from: 'node_modules/@resvg/resvg-wasm/index_bg.wasm', to: RESVG_WASM_FILE }],
};

/**
 * The open APIs behind each dependency port (cloudfunctions/_lib/wx-openapi.ts). Every function's deps carry all
 * three adapters, so their `openapi.*` calls are in every bundle; what a function really calls is which port its
 * own code uses.
 */
export const OPENAPI_BY_PORT: Record<string, string> = {
  'contentCheck.check': 'security.msgSecCheck',
  'notifier.send': 'subscribeMessage.send',
  'qr.forShare': 'wxacode.getUnlimited',
  'mediaCheck.submit': 'security.mediaCheckAsync',
};
/** The WeChat adapter modules: the only code that calls `cloud.openapi` on a port's behalf. */
const ADAPTER_MODULE = /^cloudfunctions\/_lib\/wx-[\w-]+\.ts$/;
const OPENAPI_CALL = /\bopenapi\.([a-zA-Z]+)\.([a-zA-Z]+)\b/g;

/** esbuild's unminified bundle, cut at its `// <source path>` module comments. */
export const bundleModules = (bundle: string): Array<{ path: string; code: string }> => {
  const parts = bundle.split(/^\/\/ ((?:cloudfunctions|domain|node_modules)\/\S+)$/m);
  const modules: Array<{ path: string; code: string }> = [];
  for (let i = 1; i < parts.length; i += 2) modules.push({ path: parts[i] as string, code: parts[i + 1] ?? '' });
  return modules;
};

/**
 * The openapi permissions a bundle needs: `openapi.x.y` called by its own code, plus the API behind each port its
 * own code calls (`deps.qr.forShare(…)` → wxacode.getUnlimited). Throws on an adapter call missing from
 * OPENAPI_BY_PORT, so a new open API is never left undeclared.
 */
export const openapiPermissionsOf = (bundle: string): string[] => {
  const modules = bundleModules(bundle);
  if (!modules.length) throw new Error('the bundle has no module comments: build it unminified so its openapi permissions can be read');
  const known = new Set(Object.values(OPENAPI_BY_PORT));
  const found = new Set<string>();
  for (const { path, code } of modules) {
    const calls = [...code.matchAll(OPENAPI_CALL)].map((m) => `${m[1]}.${m[2]}`);
    if (ADAPTER_MODULE.test(path)) {
      for (const api of calls) if (!known.has(api)) throw new Error(`${path} calls openapi.${api}, which no port in OPENAPI_BY_PORT (tools/build-functions.ts) names`);
      continue;
    }
    for (const api of calls) found.add(api);
    for (const [port, api] of Object.entries(OPENAPI_BY_PORT)) {
      const [name, method] = port.split('.');
      if (new RegExp(`\\.${name}\\.${method}\\(`).test(code)) found.add(api);
    }
  }
  return [...found].sort();
};

export interface BuiltFunction {
  name: string;
  dir: string;
  bytes: number;
  openapi: string[];
}

export const buildFunctions = async (root = resolve(__dirname, '..'), outRoot = join(root, 'build')): Promise<BuiltFunction[]> => {
  const fnRoot = join(outRoot, 'cloudfunctions');
  rmSync(fnRoot, { recursive: true, force: true });
  const built: BuiltFunction[] = [];
  for (const name of FUNCTION_NAMES) {
    const entry = join(root, 'cloudfunctions', name, 'index.ts');
    if (!existsSync(entry)) throw new Error(`cloudfunctions/${name}/index.ts is missing but ${name} is in FUNCTION_NAMES`);
    const dir = join(fnRoot, name);
    mkdirSync(dir, { recursive: true });
    await build({
      entryPoints: [entry],
      outfile: join(dir, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      external: ['wx-server-sdk'],
      legalComments: 'none',
      logLevel: 'error',
    });
    const bundle = readFileSync(join(dir, 'index.js'), 'utf8');
    if (/better-sqlite3|tools\/local-cloud/.test(bundle)) throw new Error(`${name}: the local store leaked into the cloud bundle`);
    const openapi = openapiPermissionsOf(bundle);
    writeFileSync(
      join(dir, 'package.json'),
      `${JSON.stringify({ name, version: '1.0.0', private: true, main: 'index.js', dependencies: { 'wx-server-sdk': WX_SERVER_SDK_VERSION } }, null, 2)}\n`,
    );
    const config: Record<string, unknown> = { permissions: { openapi } };
    if (TRIGGERS[name]) config.triggers = TRIGGERS[name];
    if (FUNCTION_TIMEOUTS[name]) config.timeout = FUNCTION_TIMEOUTS[name];
    writeFileSync(join(dir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`);
    for (const asset of ASSETS[name] ?? []) copyFileSync(join(root, asset.from), join(dir, asset.to));
    built.push({ name, dir, bytes: Buffer.byteLength(bundle), openapi });
  }

  const dbDir = join(outRoot, 'cloud-db');
  rmSync(dbDir, { recursive: true, force: true });
  mkdirSync(join(dbDir, 'seed'), { recursive: true });
  writeFileSync(join(dbDir, 'indexes.json'), `${JSON.stringify(ALL_COLLECTIONS, null, 2)}\n`);
  const seed = buildDemoDistrict(new Date());
  validateSeed(seed);
  for (const [collection, docs] of Object.entries(seed)) {
    // The console's import takes one JSON document per line.
    writeFileSync(join(dbDir, 'seed', `${collection}.json`), docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
  }
  return built;
};

if (require.main === module) {
  buildFunctions()
    .then((built) => {
      for (const f of built) console.log(`built ${f.name.padEnd(14)} ${(f.bytes / 1024).toFixed(1)} KiB  openapi: [${f.openapi.join(', ')}]  → ${f.dir}`);
      console.log('wrote build/cloud-db/indexes.json and build/cloud-db/seed/*.json');
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
