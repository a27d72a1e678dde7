import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FUNCTION_NAMES } from '../../domain/api/contract';
import { CONTRACTS } from '../../domain/api/registry';
import { buildFunctions, type BuiltFunction } from '../../tools/build-functions';
import { build } from 'esbuild';
import { CLOUD_RUNTIMES, newerBuiltinsIn, newerBuiltinsInBundle, RUNTIMES_INSTALL, syntaxErrorOn, type CloudRuntime } from '../../tools/wechat/cloud-runtimes';

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
      expect({ fn: f.name, newer: newerBuiltinsInBundle(readFileSync(file, 'utf8')) }).toEqual({ fn: f.name, newer: [] });
    }
  });

  it.each(RUNTIMES.map((r) => [r.name, r] as const))('the reports bundle carries resvg.wasm, and a bulletin share image renders from it on %s, offline (no fetch)', async (_name, runtime) => {
    const reports = built.find((f) => f.name === 'reports');
    if (!reports) throw new Error('no reports bundle');
    expect(existsSync(join(reports.dir, 'resvg.wasm'))).toBe(true);
    // A probe bundled like the function (node16, cjs) into the function's own folder: it finds the wasm beside itself.
    const probe = join(reports.dir, 'share-image-probe.js');
    if (!existsSync(probe)) {
      writeFileSync(
        join(OUT, 'share-image-probe.ts'),
        `import { renderShareImage } from '../../cloudfunctions/reports/bulletin-image';
         import { bulletinFontPath } from '../../cloudfunctions/reports/bulletin-font';
         export const run = async () => {
           const font = await bulletinFontPath({ get: async () => null } as never);
           const input = { scope: '临江区', monthLabel: '2026年11月', title: '临江区 2026年11月招商工作通报', figures: [{ label: '招商咨询（条）', value: '3' }], rankingTitle: '擂台赛排名', ranking: [{ rank: 1, name: '临江区投资促进局', value: '12 分' }], signedLine: '本月确认签约项目 1 个', footer: '数据来源：招商名片' };
           const image = await renderShareImage(input, font);
           return { width: image.width, height: image.height, signature: Buffer.from(image.png.slice(1, 4)).toString('latin1'), fetch: typeof fetch };
         };`,
      );
      await build({ entryPoints: [join(OUT, 'share-image-probe.ts')], outfile: probe, bundle: true, platform: 'node', target: 'node16', format: 'cjs', logLevel: 'error' });
      expect(newerBuiltinsInBundle(readFileSync(probe, 'utf8'))).toEqual([]);
    }
    const out = runOn(runtime, probe, 'm.run().then((r) => { console.log(JSON.stringify(r)); process.exit(0); }, (e) => { console.error(e); process.exit(1); });');
    expect(out).toMatchObject({ width: 1080, height: 1350, signature: 'PNG' });
    if (runtime.version === 'v16.13.0') expect(out.fetch).toBe('undefined');
  }, 90_000);

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

  it('excuses resvg-wasm’s dormant fetch in that module only, and nothing else there', () => {
    const bundle = (path: string, code: string) => `// cloudfunctions/reports/bulletin-image.ts\nconst a = 1;\n// ${path}\n${code}\n// domain/x.ts\nconst b = 2;\n`;
    expect(newerBuiltinsInBundle(bundle('node_modules/@resvg/resvg-wasm/index.mjs', 'input = fetch(input);'))).toEqual([]);
    expect(newerBuiltinsInBundle(bundle('../../main/node_modules/@resvg/resvg-wasm/index.mjs', 'input = fetch(input);'))).toEqual([]);
    expect(newerBuiltinsInBundle(bundle('node_modules/@resvg/resvg-wasm/index.mjs', 'input = fetch(input); const c = structuredClone(x);'))).toEqual(['structuredClone: global from Node ≥ 17']);
    expect(newerBuiltinsInBundle(bundle('node_modules/some-other/index.js', 'input = fetch(input);'))).toEqual(['fetch: global fetch (Node ≥ 18)']);
    expect(newerBuiltinsInBundle('// cloudfunctions/reports/x.ts\nawait fetch(url);\n// node_modules/@resvg/resvg-wasm/index.mjs\nconst ok = 1;\n')).toEqual(['fetch: global fetch (Node ≥ 18)']);
  });
});
