import type * as WxServerSdk from 'wx-server-sdk';
import { runAction } from '../../cloudfunctions/_lib/action-runner';
import { webVisitorOfCloudbaseCaller } from '../../cloudfunctions/_lib/web-visitor';
import { readWxContext } from '../../cloudfunctions/_lib/wx-edge';
import { solveChallenge } from '../../domain/lead/web-challenge.rules';
import { ALL_ACTIONS } from '../../tools/local-cloud/all-actions';
import { createTestBackend, leadInput, type TestBackend } from '../support/test-backend';

/** What wx-server-sdk's getWXContext gives a web SDK caller: no OPENID; CloudBase sets TCB_* for the invocation. */
const fakeCloud = (wx: Record<string, string> = {}) => ({ getWXContext: () => wx }) as unknown as typeof WxServerSdk;

const asCloudbaseCaller = <T>(uid: string | undefined, anonymous: string | undefined, run: () => T): T => {
  const saved = { uid: process.env.TCB_UUID, anon: process.env.TCB_ISANONYMOUS_USER };
  const set = (k: 'TCB_UUID' | 'TCB_ISANONYMOUS_USER', v: string | undefined) => (v === undefined ? delete process.env[k] : (process.env[k] = v));
  set('TCB_UUID', uid);
  set('TCB_ISANONYMOUS_USER', anonymous);
  try {
    return run();
  } finally {
    set('TCB_UUID', saved.uid);
    set('TCB_ISANONYMOUS_USER', saved.anon);
  }
};

describe('web visitors in the cloud: CloudBase anonymous sign-in', () => {
  it('maps an anonymous CloudBase uid to the web-visitor identity, and nothing else to one', () => {
    expect(webVisitorOfCloudbaseCaller(null, { TCB_UUID: 'a1B2c3D4e5', TCB_ISANONYMOUS_USER: 'true' })).toBe('tcb_a1B2c3D4e5');
    // A WeChat user is never a web visitor, whatever else is set.
    expect(webVisitorOfCloudbaseCaller('oWx123', { TCB_UUID: 'a1B2c3D4e5', TCB_ISANONYMOUS_USER: 'true' })).toBeNull();
    // Not anonymous (a console or custom login), missing, or not shaped like a uid: no identity.
    expect(webVisitorOfCloudbaseCaller(null, { TCB_UUID: 'a1B2c3D4e5', TCB_ISANONYMOUS_USER: 'false' })).toBeNull();
    expect(webVisitorOfCloudbaseCaller(null, { TCB_ISANONYMOUS_USER: 'true' })).toBeNull();
    expect(webVisitorOfCloudbaseCaller(null, { TCB_UUID: 'x', TCB_ISANONYMOUS_USER: 'true' })).toBeNull();
    expect(webVisitorOfCloudbaseCaller(null, { TCB_UUID: 'a1B2c3D4e5"; drop', TCB_ISANONYMOUS_USER: 'true' })).toBeNull();
    expect(webVisitorOfCloudbaseCaller(null, { TCB_UUID: 'u'.repeat(65), TCB_ISANONYMOUS_USER: 'true' })).toBeNull();
  });

  it('the function edge reads it from the invocation, with the caller’s address, and never from the body', () => {
    const ctx = asCloudbaseCaller('anonUid0001', 'true', () => readWxContext(fakeCloud({ CLIENTIP: '203.0.113.7' })));
    expect(ctx).toMatchObject({ openid: null, visitor: 'tcb_anonUid0001', clientIp: '203.0.113.7' });
    const wechat = asCloudbaseCaller('anonUid0001', 'true', () => readWxContext(fakeCloud({ OPENID: 'oWxUser1', APPID: 'wx1' })));
    expect(wechat).toMatchObject({ openid: 'oWxUser1', visitor: null });
    expect(asCloudbaseCaller(undefined, undefined, () => readWxContext(fakeCloud())).visitor).toBeNull();
  });

  describe('the same web path as the local cloud’s cookie visitor', () => {
    let b: TestBackend;
    beforeEach(async () => {
      b = await createTestBackend();
      b.deps.intakeLimits = { ...b.deps.intakeLimits, webChallengeBits: 4 };
    });
    afterEach(() => b.close());

    const as = (uid: string, action: string, input: unknown) => {
      const ctx = asCloudbaseCaller(uid, 'true', () => readWxContext(fakeCloud({ CLIENTIP: '203.0.113.7' })));
      return runAction(ALL_ACTIONS, b.deps, ctx, { action, input });
    };

    it('challenge, inquiry with its claim code, and 我的咨询 for that browser only; staff actions refused', async () => {
      const issued = await as('anonUid0001', 'lead.challenge', {});
      if (!issued.ok) throw new Error(issued.error.code);
      const { challenge, bits } = issued.data as { challenge: string; bits: number };
      const sent = await as('anonUid0001', 'lead.submit', leadInput({ source: { channel: 'web_link', cardId: 'card-staff-head' }, proof: { challenge, nonce: solveChallenge(challenge, bits).nonce } }));
      expect(sent).toMatchObject({ ok: true, data: { duplicate: false, claimCode: expect.stringMatching(/^[A-Z0-9]{10}$/) } });
      const mine = await as('anonUid0001', 'lead.mine', {});
      expect(mine.ok && (mine.data as { items: unknown[] }).items).toHaveLength(1);
      const other = await as('anonUid0002', 'lead.mine', {});
      expect(other).toEqual({ ok: true, data: { items: [] } });
      // A challenge issued to one browser does not serve another.
      const stolen = await as('anonUid0002', 'lead.submit', leadInput({ proof: { challenge, nonce: solveChallenge(challenge, bits).nonce } }));
      expect(stolen.ok).toBe(false);
      expect(await as('anonUid0001', 'lead.inbox', { tab: 'mine' })).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^AUTH\./) } });
      expect(await as('anonUid0001', 'event.submitInquiry', { eventId: 'evt_x' })).toMatchObject({ ok: false });
    });
  });
});
