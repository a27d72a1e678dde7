import { join, resolve } from 'node:path';
import { buildFunctions } from '../../tools/build-functions';
import { buildDemoDistrict } from '../../tools/seed/demo-district';
import { WxStore } from '../../cloudfunctions/_lib/store/wx-store';
import { createTestWxDatabase, installFakeTcbBackend, installNetworkGuard, type FakeTcbBackend, type NetworkGuard } from '../support/fake-tcb-backend';

/**
 * The deployed path, end to end and offline: the esbuild bundle WeChat would run → the real wx-server-sdk 4.0.2
 * → its database transport replaced by the in-process fake. Identity comes from the same environment
 * variables WeChat's runtime sets (WX_CONTEXT_KEYS / WX_OPENID).
 */
const ROOT = resolve(__dirname, '../..');
const OUT = join(ROOT, 'build', 'test-bundles-fake');

type Main = (event: unknown) => Promise<{ ok: boolean; data?: Record<string, unknown>; error?: { code: string } }>;

describe('bundled functions on the real SDK against the fake cloud database', () => {
  let backend: FakeTcbBackend;
  let guard: NetworkGuard;
  let publicRead: Main;
  let leadIntake: Main;
  let workspace: Main;
  let sharing: Main;
  let slaTimer: () => Promise<Record<string, number>>;
  const savedSalt = process.env.ANALYTICS_SALT;

  const as = (openid: string | null) => {
    if (openid) {
      process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID';
      process.env.WX_OPENID = openid;
      process.env.WX_APPID = 'wx-test-app';
    } else {
      delete process.env.WX_CONTEXT_KEYS;
      delete process.env.WX_OPENID;
    }
  };

  beforeAll(async () => {
    await buildFunctions(ROOT, OUT);
    guard = installNetworkGuard();
    backend = installFakeTcbBackend();
    const store = new WxStore(createTestWxDatabase());
    // Open APIs (content check, subscription messages, mini-program codes) are HTTP calls to WeChat: doubles here.
    const sdk = jest.requireActual<Record<string, unknown>>('wx-server-sdk');
    Object.defineProperty(sdk, 'openapi', {
      configurable: true,
      value: {
        security: { msgSecCheck: async () => ({ result: { suggest: 'pass' } }) },
        subscribeMessage: { send: async () => ({ errCode: 0 }) },
        wxacode: { getUnlimited: async () => ({ buffer: Buffer.from('') }) },
      },
    });
    for (const [collection, docs] of Object.entries(buildDemoDistrict(new Date()))) for (const doc of docs) await store.insert(collection, doc);
    // Read at cold start, as WeChat's function configuration would set it.
    process.env.ANALYTICS_SALT = 'fake-cloud-analytics-secret-0123456789abcdef';
    // Required after the transport is replaced, through jest's registry, so the bundle shares the patched SDK.
    publicRead = (require(join(OUT, 'cloudfunctions', 'public-read', 'index.js')) as { main: Main }).main;
    leadIntake = (require(join(OUT, 'cloudfunctions', 'lead-intake', 'index.js')) as { main: Main }).main;
    workspace = (require(join(OUT, 'cloudfunctions', 'workspace', 'index.js')) as { main: Main }).main;
    sharing = (require(join(OUT, 'cloudfunctions', 'sharing', 'index.js')) as { main: Main }).main;
    slaTimer = (require(join(OUT, 'cloudfunctions', 'sla-timer', 'index.js')) as { main: typeof slaTimer }).main;
  }, 120_000);

  afterAll(() => {
    as(null);
    if (savedSalt === undefined) delete process.env.ANALYTICS_SALT;
    else process.env.ANALYTICS_SALT = savedSalt;
    backend.uninstall();
    guard.uninstall();
  });

  it('serves the card to a Moments visitor with no OPENID', async () => {
    as(null);
    const r = await publicRead({ action: 'card.get', input: {} });
    expect(r).toMatchObject({ ok: true, data: { cardId: 'card-staff-head', owner: { name: '林致远' } } });
  });

  it('takes a lead from a mini-program user and shows it in the handler’s inbox', async () => {
    as('demo-openid-investor-a');
    const submitted = await leadIntake({
      action: 'lead.submit',
      input: {
        idempotencyKey: 'bundle-fake-cloud-0001',
        contact: { name: '李先生', company: '云帆科技', phone: '13900139000' },
        need: { industry: '人工智能', scale: 'undecided' },
        message: '想了解孵化器',
        source: { channel: 'chat', cardId: 'card-staff-head' },
        consent: { agreed: true, noticeVersion: '2026-11' },
        // Identity in the body is not accepted: the envelope is validated strictly.
      },
      userInfo: { openId: 'forged' },
    });
    expect(submitted).toMatchObject({ ok: true, data: { duplicate: false } });
    as('demo-openid-head');
    const inbox = await workspace({ action: 'lead.inbox', input: { tab: 'mine' } });
    expect(inbox).toMatchObject({ ok: true, data: { counts: { mine: 1 } } });
    as('demo-openid-tech');
    expect(await workspace({ action: 'lead.inbox', input: { tab: 'mine' } })).toMatchObject({ ok: true, data: { counts: { mine: 0 } } });
  });

  it('refuses writes without an OPENID and staff actions for investors', async () => {
    as(null);
    expect(await leadIntake({ action: 'lead.mine', input: {} })).toMatchObject({ ok: false, error: { code: 'AUTH.SIGN_IN_REQUIRED' } });
    as('demo-openid-investor-a');
    expect(await workspace({ action: 'lead.inbox', input: { tab: 'mine' } })).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
  });

  it('shares a card, counts the visit it brings and shows it in the owner’s stats', async () => {
    as('demo-openid-tech');
    const share = await sharing({ action: 'share.create', input: { cardId: 'card-staff-tech', channel: 'moments' } });
    expect(share).toMatchObject({ ok: true, data: { depth: 0 } });
    const code = (share.data as { code: string }).code;
    as(null);
    const visit = { action: 'share.visit', input: { cardId: 'card-staff-tech', shareCode: code, channel: 'moments', visitorKey: 'fake-cloud-visitor-0001' } };
    expect(await publicRead(visit)).toEqual({ ok: true, data: { counted: true } });
    expect(await publicRead(visit)).toEqual({ ok: true, data: { counted: false } });
    as('demo-openid-investor-b');
    expect(await publicRead({ action: 'share.visit', input: { cardId: 'card-staff-tech', channel: 'chat', visitorKey: 'fake-cloud-visitor-0002' } })).toEqual({ ok: true, data: { counted: true } });
    as('demo-openid-tech');
    const stats = await sharing({ action: 'card.stats', input: {} });
    expect(stats).toMatchObject({ ok: true, data: { cardId: 'card-staff-tech', views: 2, uniqueVisitors: 2, shares: 1, viewsByChannel: { moments: 1, chat: 1 } } });
    expect((stats.data as { weeks: Array<{ views: number }> }).weeks.at(-1)).toMatchObject({ views: 2 });
  });

  it('runs the SLA timer against the fake cloud', async () => {
    as(null);
    // No subscription templates are configured here: the retried notifications log their failure, as in the cloud.
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const report = await slaTimer().finally(() => quiet.mockRestore());
    expect(report).toMatchObject({ scanned: expect.any(Number), viewMarksDropped: 0 });
    expect(report.scanned).toBeGreaterThanOrEqual(1);
  });

  it('never touched the network', () => {
    expect(guard.attempts).toEqual([]);
  });
});
