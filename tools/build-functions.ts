import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FUNCTION_NAMES } from '../domain/api/contract';
import { ALL_COLLECTIONS } from '../cloudfunctions/_lib/store/collections';
import { SLA_TIMER_TIMEOUT_SECONDS } from '../cloudfunctions/sla-timer/sla-tick-budget';
import { buildDemoDistrict } from './seed/demo-district';
import { validateSeed } from './seed/seed-store';

/**
 * `npm run build:functions`: WeChat uploads a function's folder as it is and compiles no TypeScript, so each
 * function is bundled with its share of domain/ and _lib/ into build/cloudfunctions/<name>/:
 *   index.js      the bundle (wx-server-sdk left external: installed by "云端安装依赖")
 *   package.json  pins wx-server-sdk 4.0.2
 *   config.json   openapi permissions found in the bundle, plus timer triggers
 * and writes build/cloud-db/ (indexes to create in the console, seed JSON-lines to import).
 */

export const WX_SERVER_SDK_VERSION = '4.0.2';

/** Timer triggers per function (cron: second minute hour day month week year). */
const TRIGGERS: Partial<Record<(typeof FUNCTION_NAMES)[number], Array<{ name: string; type: 'timer'; config: string }>>> = {
  // Every 10 minutes on the hour's tens; the ladder is idempotent, so a missed run only delays a rung.
  'sla-timer': [{ name: 'sla-tick', type: 'timer', config: '0 */10 * * * * *' }],
};

/** Timeouts (seconds) where the 3 s default is too short; the SLA tick budgets its work against this one. */
const TIMEOUTS: Partial<Record<(typeof FUNCTION_NAMES)[number], number>> = { 'sla-timer': SLA_TIMER_TIMEOUT_SECONDS };

export const openapiPermissionsOf = (bundle: string): string[] => {
  const found = new Set<string>();
  for (const m of bundle.matchAll(/\bopenapi\.([a-zA-Z]+)\.([a-zA-Z]+)\b/g)) found.add(`${m[1]}.${m[2]}`);
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
    if (TIMEOUTS[name]) config.timeout = TIMEOUTS[name];
    writeFileSync(join(dir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`);
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
