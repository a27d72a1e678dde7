import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FUNCTION_NAMES } from '../../domain/api/contract';
import { CONTRACTS } from '../../domain/api/registry';
import { SLA_TIMER_TIMEOUT_SECONDS } from '../../cloudfunctions/sla-timer/sla-tick-budget';
import { ERROR_MESSAGES } from '../../domain/common/error-codes';
import { buildFunctions, type BuiltFunction, openapiPermissionsOf, WX_SERVER_SDK_VERSION } from '../../tools/build-functions';

const ROOT = resolve(__dirname, '../..');
// Inside the repo so the bundles resolve wx-server-sdk from node_modules, as WeChat's "云端安装依赖" would.
const OUT = join(ROOT, 'build', 'test-bundles');

/**
 * Runs a snippet in a fresh Node process (not jest's module system), as the cloud would load it, with every
 * network attempt refused and reported. TENCENTCLOUD=true stops the SDK's platform probe (a metadata host).
 */
const ANALYTICS_SALT = 'bundle-test-secret-0123456789abcdef0123456789';

const inNodeWithLogs = (script: string, env: Record<string, string> = { ANALYTICS_SALT }): { stdout: string; stderr: string } => {
  // The developer's own ANALYTICS_SALT must not leak into a test that checks what happens without one.
  const parent = { ...process.env };
  delete parent.ANALYTICS_SALT;
  const r = spawnSync(process.execPath, ['-r', join(ROOT, 'tests/support/no-network-preload.cjs'), '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...parent, TENCENTCLOUD: 'true', TENCENTCLOUD_SECRETID: 'fake', TENCENTCLOUD_SECRETKEY: 'fake', ...env },
  });
  expect(r.stderr).not.toContain('NETWORK-ATTEMPT');
  if (r.status !== 0) throw new Error(`node exited ${r.status}: ${r.stderr}`);
  return { stdout: r.stdout, stderr: r.stderr };
};
const inNode = (script: string, env?: Record<string, string>): string => inNodeWithLogs(script, env).stdout;

describe('deployable cloud function bundles', () => {
  let built: BuiltFunction[];
  beforeAll(async () => {
    built = await buildFunctions(ROOT, OUT);
  }, 120_000);

  it('builds one folder per deployed function with index.js, package.json and config.json', () => {
    expect(built.map((f) => f.name).sort()).toEqual([...FUNCTION_NAMES].sort());
    for (const f of built) {
      for (const file of ['index.js', 'package.json', 'config.json']) expect(existsSync(join(f.dir, file))).toBe(true);
      const pkg = JSON.parse(readFileSync(join(f.dir, 'package.json'), 'utf8'));
      expect(pkg.dependencies).toEqual({ 'wx-server-sdk': WX_SERVER_SDK_VERSION });
      const bundle = readFileSync(join(f.dir, 'index.js'), 'utf8');
      expect(bundle).not.toMatch(/better-sqlite3/);
      expect(bundle).toMatch(/require\("wx-server-sdk"\)/);
    }
  });

  it('declares exactly the openapi permissions each bundle calls', () => {
    for (const f of built) {
      const config = JSON.parse(readFileSync(join(f.dir, 'config.json'), 'utf8'));
      const bundle = readFileSync(join(f.dir, 'index.js'), 'utf8');
      expect(config.permissions.openapi).toEqual(f.openapi);
      for (const api of f.openapi) expect(bundle).toContain(`openapi.${api}`);
    }
    const timer = JSON.parse(readFileSync(join(OUT, 'cloudfunctions', 'sla-timer', 'config.json'), 'utf8'));
    expect(timer.triggers).toEqual([expect.objectContaining({ type: 'timer' })]);
    expect(timer.timeout).toBe(SLA_TIMER_TIMEOUT_SECONDS);
    // reports: the daily bulletin step, and the roll-up migration that runs by itself after a schema change.
    const reports = JSON.parse(readFileSync(join(OUT, 'cloudfunctions', 'reports', 'config.json'), 'utf8'));
    expect(reports.triggers.map((t: { name: string; type: string }) => [t.name, t.type])).toEqual([
      ['monthly-bulletin', 'timer'],
      ['rollup-recount', 'timer'],
    ]);
    // A spreadsheet import is validated and applied within one call: the office gets WeChat's longest timeout.
    expect(JSON.parse(readFileSync(join(OUT, 'cloudfunctions', 'admin', 'config.json'), 'utf8')).timeout).toBe(60);
  });

  it("declares only the open APIs each function's own code calls, not every adapter it carries", () => {
    const declared = Object.fromEntries(built.map((f) => [f.name, JSON.parse(readFileSync(join(f.dir, 'config.json'), 'utf8')).permissions.openapi]));
    expect(declared).toEqual({
      // The office: content check of district texts, vacancy reminders.
      admin: ['security.mediaCheckAsync', 'security.msgSecCheck', 'subscribeMessage.send'],
      'public-read': [],
      'lead-intake': ['security.msgSecCheck', 'subscribeMessage.send'],
      workspace: ['security.msgSecCheck', 'subscribeMessage.send'],
      sharing: ['security.msgSecCheck', 'wxacode.getUnlimited'],
      // The ladder's reminders; a carrier photo whose verdict never came is sent to the image check once more.
      'sla-timer': ['security.mediaCheckAsync', 'subscribeMessage.send'],
      // 每月一通报 tells the leaders.
      reports: ['subscribeMessage.send'],
    });
  });

  it('every contract is served by the function it names', () => {
    const names = new Set<string>(FUNCTION_NAMES);
    for (const c of CONTRACTS) expect(names.has(c.fn)).toBe(true);
  });

  it.each(['public-read', 'lead-intake', 'workspace', 'sharing', 'reports'])('%s loads with the real SDK, exports main, and answers bad envelopes with typed errors offline', (name) => {
    const file = join(OUT, 'cloudfunctions', name, 'index.js');
    const out = inNode(`
      const m = require(${JSON.stringify(file)});
      if (typeof m.main !== 'function') throw new Error('main is not exported');
      Promise.all([m.main({ action: 'no.such.action' }), m.main(null), m.main({ action: ${JSON.stringify(CONTRACTS.find((c) => c.fn === name)?.name)}, input: { $where: '1' } })])
        .then((r) => { console.log(JSON.stringify(r)); process.exit(0); });
    `);
    const [unknown, empty, invalid] = JSON.parse(out.trim().split('\n').pop() as string);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'ACTION.UNKNOWN' } });
    expect(empty).toMatchObject({ ok: false, error: { code: 'ACTION.UNKNOWN' } });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'VALIDATION.INVALID_INPUT' } });
  });

  it.each([
    ['unset', {}],
    ['too short to be a secret', { ANALYTICS_SALT: 'short-salt' }],
  ])('public-read and sharing refuse to start when ANALYTICS_SALT is %s: one log line, a typed error on every call', (_, env) => {
    for (const name of ['public-read', 'sharing']) {
      const file = join(OUT, 'cloudfunctions', name, 'index.js');
      const { stdout, stderr } = inNodeWithLogs(
        `
        const m = require(${JSON.stringify(file)});
        const action = ${JSON.stringify(CONTRACTS.find((c) => c.fn === name)?.name)};
        Promise.all([m.main({ action, input: {} }), m.main({ action: 'share.visit', input: {} }), m.main(null)])
          .then((r) => { console.log(JSON.stringify(r)); process.exit(0); });
      `,
        env,
      );
      const answers = JSON.parse(stdout.trim().split('\n').pop() as string) as unknown[];
      expect(answers).toHaveLength(3);
      for (const a of answers) expect(a).toEqual({ ok: false, error: { code: 'CONFIG.ANALYTICS_SECRET_MISSING', message: ERROR_MESSAGES['CONFIG.ANALYTICS_SECRET_MISSING'] } });
      const lines = stderr.split('\n').filter((l) => l.includes('config.analytics_secret_missing'));
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0])).toMatchObject({ level: 'error', function: name });
    }
  });

  it('functions that hash no visitor start without ANALYTICS_SALT', () => {
    for (const name of ['lead-intake', 'workspace']) {
      const file = join(OUT, 'cloudfunctions', name, 'index.js');
      const out = inNode(`require(${JSON.stringify(file)}).main({ action: 'no.such.action' }).then((r) => { console.log(JSON.stringify(r)); process.exit(0); });`, {});
      expect(JSON.parse(out.trim())).toMatchObject({ ok: false, error: { code: 'ACTION.UNKNOWN' } });
    }
  });

  it('sla-timer loads and exports main', () => {
    const file = join(OUT, 'cloudfunctions', 'sla-timer', 'index.js');
    expect(inNode(`console.log(typeof require(${JSON.stringify(file)}).main)`).trim()).toBe('function');
  });

  it('writes the console artefacts: indexes and seed JSON-lines per collection', () => {
    const indexes = JSON.parse(readFileSync(join(OUT, 'cloud-db', 'indexes.json'), 'utf8'));
    expect(indexes.map((c: { name: string }) => c.name)).toContain('leads');
    const carriers = readFileSync(join(OUT, 'cloud-db', 'seed', 'carriers.json'), 'utf8').trim().split('\n');
    expect(carriers.length).toBeGreaterThanOrEqual(40);
    expect(JSON.parse(carriers[0])).toHaveProperty('_id');
  });
});

describe('openapi permissions of a bundle', () => {
  const adapters = [
    '// cloudfunctions/_lib/wx-openapi.ts',
    'var wxContentCheck = (cloud) => ({ check: () => cloud.openapi.security.msgSecCheck({}) });',
    'var wxNotifier = (cloud) => ({ send: () => cloud.openapi.subscribeMessage.send({}) });',
    'var wxQr = (cloud) => ({ forShare: () => cloud.openapi.wxacode.getUnlimited({}) });',
  ].join('\n');
  const bundle = (...modules: string[]) => [adapters, ...modules].join('\n');

  it('reads the ports the own code calls, and open APIs it calls directly', () => {
    expect(openapiPermissionsOf(bundle('// cloudfunctions/public-read/get-card.ts', 'const card = await deps.store.get("cards", id);'))).toEqual([]);
    expect(openapiPermissionsOf(bundle('// cloudfunctions/sharing/share-qr.ts', 'const qr = await deps.qr.forShare(share._id, url);'))).toEqual(['wxacode.getUnlimited']);
    expect(openapiPermissionsOf(bundle('// cloudfunctions/admin/carrier-photo.ts', 'const verdict = await deps.mediaCheck.submit(fileId, url, ctx.openid);'))).toEqual(['security.mediaCheckAsync']);
    expect(openapiPermissionsOf(bundle('// cloudfunctions/_lib/notifications.ts', 'result = await deps.notifier.send(entry.message);', '// cloudfunctions/workspace/ping.ts', 'await cloud.openapi.customerServiceMessage.send({});'))).toEqual([
      'customerServiceMessage.send',
      'subscribeMessage.send',
    ]);
  });

  it('refuses an adapter calling an open API no port names, and a bundle it cannot read', () => {
    expect(() => openapiPermissionsOf(bundle('// cloudfunctions/_lib/wx-extra.ts', 'cloud.openapi.urlscheme.generate({});'))).toThrow(/wx-extra\.ts calls openapi\.urlscheme\.generate/);
    expect(() => openapiPermissionsOf('var a=cloud.openapi.wxacode.getUnlimited({})')).toThrow(/no module comments/);
  });
});
