/**
 * Canary for the SDK internals the fake TCB backend and WxStore depend on. When wx-server-sdk (or what it pins)
 * changes, these fail first and say what to re-check, instead of the fake silently drifting from the real SDK.
 */
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { dirname, join } from 'node:path';
import { WX_DOC_NOT_FOUND, WX_DUPLICATE_KEY, type WxDatabase } from '../../cloudfunctions/_lib/store/wx-store';
import {
  FAKE_ACTIONS,
  PINNED_VERSIONS,
  createTestWxDatabase,
  installFakeTcbBackend,
  installNetworkGuard,
  loadRequesterModule,
  type FakeTcbBackend,
  type NetworkGuard,
} from '../support/fake-tcb-backend';

const RECHECK =
  'Re-read node_modules/@cloudbase/node-sdk/dist/database/index.js (newDb sets Db.reqClass), dist/utils/tcbdbapirequester.js ' +
  '(send(api, data, opts)), dist/utils/utils.js (processReturn) and the action names and reply shapes in ' +
  '@cloudbase/database/dist/commonjs/{query,document,collection,transaction/index}.js, then update ' +
  'tests/support/fake-tcb-backend.ts (PINNED_VERSIONS, FAKE_ACTIONS, handlers) and the error patterns in cloudfunctions/_lib/store/wx-store.ts.';

const packageVersion = (name: string, fromDir: string): { version: string; dir: string } => {
  const file = require.resolve(`${name}/package.json`, { paths: [fromDir] });
  return { version: (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version, dir: dirname(file) };
};

const expectPinned = (name: keyof typeof PINNED_VERSIONS, actual: string): void => {
  if (actual !== PINNED_VERSIONS[name]) {
    throw new Error(`${name} is ${actual} but the fake TCB backend was written against ${PINNED_VERSIONS[name]}. ${RECHECK}`);
  }
};

describe('installed SDK versions', () => {
  test('wx-server-sdk, the @cloudbase/node-sdk it loads and that one\'s @cloudbase/database are the pinned ones', () => {
    const root = join(__dirname, '..', '..');
    const wx = packageVersion('wx-server-sdk', root);
    const nodeSdk = packageVersion('@cloudbase/node-sdk', wx.dir);
    const database = packageVersion('@cloudbase/database', nodeSdk.dir);
    expectPinned('wx-server-sdk', wx.version);
    expectPinned('@cloudbase/node-sdk', nodeSdk.version);
    expectPinned('@cloudbase/database', database.version);
    const declared = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies?: Record<string, string>; dependencies?: Record<string, string> });
    const range = declared.dependencies?.['wx-server-sdk'] ?? declared.devDependencies?.['wx-server-sdk'];
    if (range !== PINNED_VERSIONS['wx-server-sdk']) throw new Error(`package.json must pin wx-server-sdk exactly to ${PINNED_VERSIONS['wx-server-sdk']} (found ${String(range)}). ${RECHECK}`);
  });
});

describe('the transport the fake replaces', () => {
  test('TcbDBApiHttpRequester.prototype.send(api, data, opts) exists and is async', () => {
    const mod = loadRequesterModule();
    const cls: unknown = mod.TcbDBApiHttpRequester;
    if (typeof cls !== 'function') throw new Error(`@cloudbase/node-sdk no longer exports TcbDBApiHttpRequester from dist/utils/tcbdbapirequester. ${RECHECK}`);
    const send: unknown = mod.TcbDBApiHttpRequester.prototype.send;
    if (typeof send !== 'function' || send.length !== 3 || send.constructor.name !== 'AsyncFunction') {
      throw new Error(`TcbDBApiHttpRequester.prototype.send is no longer an async (api, data, opts) method. ${RECHECK}`);
    }
  });
});

describe('the SDK driven through the fake', () => {
  let guard: NetworkGuard;
  let backend: FakeTcbBackend;
  let db: WxDatabase;
  beforeAll(() => {
    guard = installNetworkGuard();
    backend = installFakeTcbBackend({ collections: [{ name: 'canary', indexes: 'unchecked' }] });
    db = createTestWxDatabase();
  });
  afterAll(() => {
    backend.uninstall();
    guard.uninstall();
  });
  beforeEach(() => backend.reset());

  /** The untyped SDK surface these checks poke at, as a test would write it by hand. */
  const sdk = (): {
    collection(name: string): {
      add(o: { data: object }): Promise<unknown>;
      where(c: object): { get(): Promise<unknown>; count(): Promise<unknown>; update(o: { data: object }): Promise<unknown> };
      doc(id: string): { get(): Promise<{ data: unknown }>; update(o: { data: object }): Promise<unknown>; remove(): Promise<unknown> };
    };
    runTransaction(work: (t: { collection(name: string): { doc(id: string): { get(): Promise<unknown>; update(o: { data: object }): Promise<unknown> } } }) => Promise<unknown>, retries?: number): Promise<unknown>;
  } => db as unknown as ReturnType<typeof sdk>;

  test('database() routes every request through the patched class (Db.reqClass)', async () => {
    const { dir } = packageVersion('@cloudbase/node-sdk', dirname(require.resolve('wx-server-sdk/package.json')));
    const databaseEntry = require.resolve('@cloudbase/database', { paths: [dir] });
    const { Db } = jest.requireActual<{ Db: { reqClass: unknown } }>(databaseEntry);
    if (Db.reqClass !== loadRequesterModule().TcbDBApiHttpRequester) {
      throw new Error(`@cloudbase/database's Db.reqClass is not TcbDBApiHttpRequester after cloud.database(). ${RECHECK}`);
    }
    await sdk().collection('canary').where({ a: 1 }).get();
    expect(backend.requests.map((r) => r.action)).toEqual(['database.getDocument']);
  });

  test('everything WxStore does uses only actions the fake implements', async () => {
    const c = sdk().collection('canary');
    await c.add({ data: { _id: 'x', n: 1 } });
    await c.where({ n: 1 }).get();
    await c.where({ n: 1 }).count();
    await c.where({ _id: 'x' }).update({ data: { n: 2 } });
    await c.doc('x').update({ data: { n: 3 } });
    await c.doc('x').get();
    await sdk().runTransaction(async (t) => {
      await t.collection('canary').doc('x').get();
      await t.collection('canary').doc('x').update({ data: { n: 4 } });
    }, 0);
    await expect(sdk().runTransaction(async () => Promise.reject(new Error('abort')), 0)).rejects.toThrow('abort');
    await c.doc('x').remove();
    const sent = new Set(backend.requests.map((r) => r.action));
    const unknown = [...sent].filter((a) => !(FAKE_ACTIONS as readonly string[]).includes(a));
    if (unknown.length > 0) throw new Error(`the SDK now sends ${unknown.join(', ')}, which the fake does not implement. ${RECHECK}`);
    expect([...sent].sort()).toEqual([...FAKE_ACTIONS].filter((a) => a !== 'database.addCollection').sort());
  });

  test('a missing document still rejects with the message WxStore maps to null', async () => {
    const outside = await sdk().collection('canary').doc('missing').get().then(() => null, (e: unknown) => e);
    const inside = await sdk()
      .runTransaction(async (t) => t.collection('canary').doc('missing').get(), 0)
      .then(() => null, (e: unknown) => e);
    for (const e of [outside, inside]) {
      const msg = String((e as { errMsg?: unknown } | null)?.errMsg ?? e);
      if (!WX_DOC_NOT_FOUND.test(msg)) throw new Error(`doc(id).get() on a missing document now fails with "${msg}", not ${String(WX_DOC_NOT_FOUND)}. ${RECHECK}`);
    }
  });

  test('a backend error reaches the caller as the SDK error WxStore parses (errCode + errMsg)', async () => {
    await sdk().collection('canary').add({ data: { _id: 'dup' } });
    const e = (await sdk().collection('canary').add({ data: { _id: 'dup' } }).then(() => null, (err: unknown) => err)) as { errCode?: unknown; errMsg?: unknown } | null;
    if (!e || e.errCode !== -502001 || typeof e.errMsg !== 'string' || !WX_DUPLICATE_KEY.test(e.errMsg)) {
      throw new Error(`a duplicate _id now surfaces as ${JSON.stringify(e)}, not errCode -502001 with E11000 in errMsg. ${RECHECK}`);
    }
  });

  test('runTransaction(work, 0) does not retry by itself (WxStore runs its own retry loop)', async () => {
    await sdk().collection('canary').add({ data: { _id: 'x', n: 0 } });
    backend.failNext('database.commitTransaction', { code: 'DATABASE_TRANSACTION_CONFLICT', message: 'conflict' });
    let runs = 0;
    const result = await sdk()
      .runTransaction(async (t) => {
        runs += 1;
        await t.collection('canary').doc('x').update({ data: { n: runs } });
      }, 0)
      .then(() => 'committed', (e: unknown) => (e as { code?: unknown }).code);
    if (runs !== 1 || result !== 'DATABASE_TRANSACTION_CONFLICT') {
      throw new Error(`runTransaction(work, 0) ran work ${runs}× and ended with ${String(result)}; WxStore's retry loop assumes one run and the raw conflict. ${RECHECK}`);
    }
    expect(backend.openTransactions()).toBe(0);
  });
});

describe('the network guard', () => {
  test('refuses and records a connection', () => {
    const guard = installNetworkGuard();
    try {
      expect(() => net.connect(9, '127.0.0.1')).toThrow(/network access attempted/);
      expect(guard.attempts).toEqual(['connect 127.0.0.1:9']);
    } finally {
      guard.uninstall();
    }
  });

  test('catches the real SDK reaching out: without TENCENTCLOUD=true, init() probes metadata.tencentyun.com', async () => {
    const guard = installNetworkGuard();
    const saved = process.env.TENCENTCLOUD;
    delete process.env.TENCENTCLOUD;
    try {
      await jest.isolateModulesAsync(async () => {
        const cloud = jest.requireActual<{ init(c: { env: string }): void }>('wx-server-sdk');
        cloud.init({ env: 'canary-env' });
        for (let i = 0; i < 100 && guard.attempts.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
      });
      // If this stops happening, the SDK changed how it detects its platform: re-check why the fake sets TENCENTCLOUD.
      expect(guard.attempts.join('\n')).toMatch(/metadata\.tencentyun\.com/);
    } finally {
      if (saved === undefined) delete process.env.TENCENTCLOUD;
      else process.env.TENCENTCLOUD = saved;
      guard.uninstall();
    }
  });
});
