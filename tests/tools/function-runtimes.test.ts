import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FUNCTION_NAMES } from '../../domain/api/contract';
import { CONTRACTS } from '../../domain/api/registry';
import { buildFunctions, type BuiltFunction } from '../../tools/build-functions';
import { CLOUD_RUNTIMES, newerBuiltinsIn, RUNTIMES_INSTALL, syntaxErrorOn, type CloudRuntime } from '../../tools/wechat/cloud-runtimes';

const ROOT = resolve(__dirname, '../..');
// Inside the repo so the bundles resolve the real wx-server-sdk from node_modules, as "云端安装依赖" would.
const OUT = join(ROOT, 'build', 'test-runtimes');
const LOCAL: CloudRuntime = { name: `local ${process.version}`, version: process.version, bin: process.execPath };
const RUNTIMES = [...CLOUD_RUNTIMES, LOCAL];

/**
 * Loads one bundle in a fresh process of `runtime` with every network attempt refused and reported, as a cloud
 * container would (TENCENTCLOUD=true stops the SDK's platform probe), and runs `script` against it.
 */
const runOn = (runtime: CloudRuntime, file: string, script: string) => {
  const r = spawnSync(runtime.bin, ['-r', join(ROOT, 'tests/support/no-network-preload.cjs'), '-e', `const m = require(${JSON.stringify(file)});\n${script}`], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 30_000,
    // ANALYTICS_SALT as an operator sets it (Deploy, step 5): without it public-read and sharing refuse every call.
    env: { ...process.env, TENCENTCLOUD: 'true', TENCENTCLOUD_SECRETID: 'fake', TENCENTCLOUD_SECRETKEY: 'fake', ANALYTICS_SALT: 'runtime-test-secret-0123456789abcdef0123456789' },
  });
  expect(r.stderr).not.toContain('NETWORK-ATTEMPT');
  if (r.status !== 0) throw new Error(`${runtime.name}: node exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop() as string);
};

describe('cloud function bundles on the Node versions WeChat Cloud runs', () => {
  let built: BuiltFunction[];
  beforeAll(async () => {
    built = await buildFunctions(ROOT, OUT);
  }, 120_000);
  afterAll(() => rmSync(OUT, { recursive: true, force: true }));

  it(`has the real runtime binaries (else: ${RUNTIMES_INSTALL})`, () => {
    for (const runtime of CLOUD_RUNTIMES) expect({ bin: runtime.bin, version: spawnSync(runtime.bin, ['--version'], { encoding: 'utf8' }).stdout?.trim() }).toEqual({ bin: runtime.bin, version: runtime.version });
    expect(built.map((f) => f.name).sort()).toEqual([...FUNCTION_NAMES].sort());
  });

  it.each(RUNTIMES.map((r) => [r.name, r] as const))('every bundle parses on %s and uses no built-in newer than Node 16.13', (_name, runtime) => {
    for (const f of built) {
      const file = join(f.dir, 'index.js');
      expect({ fn: f.name, syntaxError: syntaxErrorOn(runtime, file) }).toEqual({ fn: f.name, syntaxError: null });
      expect({ fn: f.name, newer: newerBuiltinsIn(readFileSync(file, 'utf8')) }).toEqual({ fn: f.name, newer: [] });
    }
  });

  it.each(RUNTIMES.map((r) => [r.name, r] as const))('every bundle loads on %s with the real SDK and answers a bad envelope with a typed error, offline', (_name, runtime) => {
    for (const f of built) {
      const file = join(f.dir, 'index.js');
      if (f.name === 'sla-timer') {
        // A tick reads the database; loading and exporting main is what can be shown offline.
        expect(runOn(runtime, file, 'console.log(JSON.stringify({ version: process.version, main: typeof m.main }))')).toEqual({ version: runtime.version, main: 'function' });
        continue;
      }
      const action = CONTRACTS.find((c) => c.fn === f.name)?.name;
      const out = runOn(
        runtime,
        file,
        `Promise.all([m.main({ action: 'no.such.action' }), m.main(null), m.main({ action: ${JSON.stringify(action)}, input: { $where: '1' } })])
           .then((results) => { console.log(JSON.stringify({ version: process.version, results })); process.exit(0); });`,
      );
      expect(out.version).toBe(runtime.version);
      const [unknown, empty, invalid] = out.results;
      expect({ fn: f.name, unknown, empty, invalid }).toMatchObject({
        fn: f.name,
        unknown: { ok: false, error: { code: 'ACTION.UNKNOWN', message: expect.any(String) } },
        empty: { ok: false, error: { code: 'ACTION.UNKNOWN' } },
        invalid: { ok: false, error: { code: 'VALIDATION.INVALID_INPUT' } },
      });
    }
  }, 90_000);
});

describe('the runtime checks bite', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'runtime-check-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('Node 16.13 and 18.15 refuse syntax from a newer ECMAScript that the local Node parses', () => {
    const file = join(dir, 'newer.js');
    // The RegExp `v` flag (ES2024) is a syntax error before Node 20.
    writeFileSync(file, 'module.exports = /[\\p{L}--\\p{N}]/v;\n');
    for (const runtime of CLOUD_RUNTIMES) expect(syntaxErrorOn(runtime, file)).toMatch(/SyntaxError: Invalid regular expression flags/);
    if (Number(process.versions.node.split('.')[0]) >= 20) expect(syntaxErrorOn(LOCAL, file)).toBeNull();
  });

  it('finds built-ins that parse everywhere but do not exist on Node 16.13', () => {
    expect(newerBuiltinsIn('const last = rows.findLast((r) => r.ok); const copy = structuredClone(x); await fetch(url); client.fetch(url);')).toEqual([
      'fetch: global fetch (Node ≥ 18)',
      'findLast: Array/String method from ES2023+ (Node ≥ 18/20)',
      'structuredClone: global from Node ≥ 17',
    ]);
    expect(newerBuiltinsIn('rows.find((r) => r.ok); prefetch(url);')).toEqual([]);
  });
});
