import type { ActionResult } from '../../domain/common/result';
import type { Lead } from '../../domain/lead/lead.schema';
import { formatClaimCode, solveChallenge } from '../../domain/lead/web-challenge.rules';
import { runAction } from '../../cloudfunctions/_lib/action-runner';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { ALL_ACTIONS } from '../../tools/local-cloud/all-actions';
import { createTestBackend, leadInput, OPENID, type TestBackend } from '../support/test-backend';

type Submitted = { leadId: string; duplicate: boolean; claimCode: string | null };
type Challenge = { challenge: string; bits: number; expiresAt: string };

describe('web inquiries (anonymous visitors)', () => {
  let b: TestBackend;
  let n = 0;
  beforeEach(async () => {
    b = await createTestBackend();
  });
  afterEach(() => b.close());

  const asVisitor = <T>(visitor: string, action: string, input: unknown, clientIp = '203.0.113.7') =>
    runAction(ALL_ACTIONS, b.deps, { openid: null, appid: null, origin: 'test', requestId: `w${(n += 1)}`, visitor, clientIp }, { action, input }) as Promise<ActionResult<T>>;
  const okAsVisitor = async <T>(visitor: string, action: string, input: unknown, clientIp?: string): Promise<T> => {
    const r = await asVisitor<T>(visitor, action, input, clientIp);
    if (!r.ok) throw new Error(`${action}: ${r.error.code}`);
    return r.data;
  };
  const solvedProof = async (visitor: string) => {
    const c = await okAsVisitor<Challenge>(visitor, 'lead.challenge', {});
    let start = 0;
    for (;;) {
      const step = solveChallenge(c.challenge, c.bits, start);
      if (step.nonce) return { challenge: c.challenge, nonce: step.nonce };
      start = step.next;
    }
  };
  const leads = () => b.store.find<Lead>(COLLECTIONS.leads.name, { limit: 100 });
  const webPhone = (i: number) => ({ name: '陈女士', company: '', phone: `+852 9123 45${String(i).padStart(2, '0')}` });

  it('a visitor who solved a challenge submits; the lead is theirs, with a claim code', async () => {
    const proof = await solvedProof('v1');
    const r = await okAsVisitor<Submitted>('v1', 'lead.submit', leadInput({ proof, contact: webPhone(1) }));
    expect(r.claimCode).toMatch(/^[2-9A-HJKMNP-Z]{10}$/);
    const [lead] = await leads();
    expect(lead.submitter).toMatchObject({ openid: null, visitor: 'v1' });
    expect(lead.contact.phone).toBe('+85291234501');
    const mine = await okAsVisitor<{ items: Array<{ id: string; status: string }> }>('v1', 'lead.mine', {});
    expect(mine.items.map((i) => i.id)).toEqual([r.leadId]);
    // Another browser (or a forged id) sees nothing of it.
    expect((await okAsVisitor<{ items: unknown[] }>('v2', 'lead.mine', {})).items).toEqual([]);
  });

  it('without a proof, with a wrong nonce or another visitor’s challenge, nothing is written', async () => {
    const before = await b.store.count(COLLECTIONS.leads.name);
    const none = await asVisitor('v1', 'lead.submit', leadInput({ contact: webPhone(2) }));
    expect(none.ok || none.error.code).toBe('LEAD.CHALLENGE_REQUIRED');
    const proof = await solvedProof('v1');
    const stolen = await asVisitor('v2', 'lead.submit', leadInput({ proof, contact: webPhone(2) }));
    expect(stolen.ok || stolen.error.code).toBe('LEAD.CHALLENGE_INVALID');
    const wrongNonce = await asVisitor('v1', 'lead.submit', leadInput({ proof: { ...proof, nonce: String(Number(proof.nonce) + 1) }, contact: webPhone(2) }));
    // The next nonce almost never also meets 16 bits; if it did, the check would be accepting it rightly.
    if (!wrongNonce.ok) expect(wrongNonce.error.code).toBe('LEAD.CHALLENGE_INVALID');
    const forged = await asVisitor('v1', 'lead.submit', leadInput({ proof: { ...proof, challenge: proof.challenge.replace(/\.\d+\./, '.9999999999999.') }, contact: webPhone(2) }));
    expect(forged.ok || forged.error.code).toBe('LEAD.CHALLENGE_INVALID');
    if (!wrongNonce.ok) expect(await b.store.count(COLLECTIONS.leads.name)).toBe(before);
  });

  it('an expired challenge is refused', async () => {
    const proof = await solvedProof('v1');
    b.clock.advanceHours(1);
    const r = await asVisitor('v1', 'lead.submit', leadInput({ proof, contact: webPhone(3) }));
    expect(r.ok || r.error.code).toBe('LEAD.CHALLENGE_INVALID');
  });

  it('replaying a solved challenge for a second inquiry is refused; retrying the same inquiry is not a replay', async () => {
    const proof = await solvedProof('v1');
    const input = leadInput({ proof, contact: webPhone(4) });
    const first = await okAsVisitor<Submitted>('v1', 'lead.submit', input);
    const retry = await okAsVisitor<Submitted>('v1', 'lead.submit', input);
    expect(retry).toMatchObject({ leadId: first.leadId, duplicate: true, claimCode: first.claimCode });
    const replay = await asVisitor('v1', 'lead.submit', leadInput({ proof, contact: webPhone(5) }));
    expect(replay.ok || replay.error.code).toBe('LEAD.CHALLENGE_USED');
    expect(await b.store.count(COLLECTIONS.leads.name)).toBe(1);
  });

  it('per-address and per-phone limits hold for anonymous visitors', async () => {
    for (let i = 0; i < 3; i += 1) await okAsVisitor('v-same-phone', 'lead.submit', leadInput({ proof: await solvedProof('v-same-phone'), contact: webPhone(9) }), `198.51.100.${i}`);
    const fourth = await asVisitor('v-same-phone', 'lead.submit', leadInput({ proof: await solvedProof('v-same-phone'), contact: webPhone(9) }), '198.51.100.9');
    expect(fourth.ok || fourth.error.code).toBe('RATE.LIMITED');

    b.deps.intakeLimits = { ...b.deps.intakeLimits, perWebAddressPerHour: 2 };
    for (let i = 0; i < 2; i += 1) await okAsVisitor(`v-ip-${i}`, 'lead.submit', leadInput({ proof: await solvedProof(`v-ip-${i}`), contact: webPhone(20 + i) }), '192.0.2.1');
    const third = await asVisitor('v-ip-3', 'lead.submit', leadInput({ proof: await solvedProof('v-ip-3'), contact: webPhone(23) }), '192.0.2.1');
    expect(third.ok || third.error.code).toBe('RATE.LIMITED');
  });

  it('the honeypot answers like success (with a code) and stores nothing', async () => {
    const r = await okAsVisitor<Submitted>('v1', 'lead.submit', leadInput({ website: 'http://spam', contact: webPhone(6) }));
    expect(r.claimCode).toMatch(/^[2-9A-Z]{10}$/);
    expect(await b.store.count(COLLECTIONS.leads.name)).toBe(0);
  });

  it('a WeChat user claims the inquiry once; it then shows in their 我的咨询; the code cannot be used twice', async () => {
    const r = await okAsVisitor<Submitted>('v1', 'lead.submit', leadInput({ proof: await solvedProof('v1'), contact: webPhone(7) }));
    const code = formatClaimCode(r.claimCode as string).toLowerCase();
    expect(await b.ok('lead.claim', { code }, OPENID.investorB)).toEqual({ leadId: r.leadId });
    const mine = await b.ok<{ items: Array<{ id: string }> }>('lead.mine', {}, OPENID.investorB);
    expect(mine.items.map((i) => i.id)).toEqual([r.leadId]);
    // The browser still sees it too.
    expect((await okAsVisitor<{ items: unknown[] }>('v1', 'lead.mine', {})).items).toHaveLength(1);
    const twice = await b.call('lead.claim', { code }, OPENID.investorA);
    expect(twice.ok || twice.error.code).toBe('LEAD.CLAIM_USED');
    expect((await b.ok<{ items: unknown[] }>('lead.mine', {}, OPENID.investorA)).items).toEqual([]);
  });

  it('guessed claim codes are refused and guessing is rate-limited; an anonymous caller cannot claim', async () => {
    const anonymous = await asVisitor('v1', 'lead.claim', { code: 'ABCDE-FGHJK' });
    expect(anonymous.ok || anonymous.error.code).toBe('AUTH.SIGN_IN_REQUIRED');
    const codes: string[] = [];
    for (let i = 0; i < 11; i += 1) {
      const r = await b.call('lead.claim', { code: `ABCDE-FGH${'23456789AB'[i % 10]}${'K'}` }, OPENID.investorA);
      codes.push(r.ok ? 'ok' : r.error.code);
    }
    expect(codes.slice(0, 10).every((c) => c === 'LEAD.CLAIM_INVALID')).toBe(true);
    expect(codes[10]).toBe('RATE.LIMITED');
    const malformed = await b.call('lead.claim', { code: 'ABCDE-FGHJ0' }, OPENID.investorA);
    expect(malformed.ok || malformed.error.code).toBe('LEAD.CLAIM_INVALID');
  });

  it('a web visitor is never staff: staff actions refuse them', async () => {
    const r = await asVisitor('v1', 'lead.inbox', { tab: 'mine' });
    expect(r.ok || r.error.code).toBe('AUTH.SIGN_IN_REQUIRED');
  });
});
