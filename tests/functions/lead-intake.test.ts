import type { Lead } from '../../domain/lead/lead.schema';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { createTestBackend, leadInput, OPENID, type TestBackend } from '../support/test-backend';

type Submitted = { leadId: string; promiseHours: number; firstResponseDueAt: string; duplicate: boolean };

describe('lead.submit', () => {
  let b: TestBackend;
  beforeEach(async () => {
    b = await createTestBackend();
  });
  afterEach(() => b.close());

  const leads = () => b.store.find<Lead>(COLLECTIONS.leads.name, { limit: 1000 });
  const count = (c: string) => b.store.count(c);

  it('stores a lead from the head’s card, normalised, routed to him with credit, SLA set, handler notified', async () => {
    const r = await b.ok<Submitted>('lead.submit', leadInput(), OPENID.investorA);
    expect(r).toMatchObject({ promiseHours: 8, duplicate: false });
    // Monday 10:00 CST + 8 working hours = Tuesday 10:00 CST.
    expect(r.firstResponseDueAt).toBe('2026-12-01T02:00:00.000Z');
    const [lead] = await leads();
    expect(lead).toMatchObject({
      status: 'new',
      contact: { phone: '13900139000' },
      credit: { staffId: 'staff-head', unitId: 'unit-invest' },
      handling: { staffId: 'staff-head', unitId: 'unit-invest' },
      submitter: { openid: OPENID.investorA },
      consent: { noticeVersion: '2026-11' },
    });
    const outbox = await b.store.find<{ _id: string; message: { toOpenid: string; kind: string; fields: Record<string, string> } }>(COLLECTIONS.outbox.name, { limit: 10 });
    expect(outbox.map((o) => o.message.toOpenid)).toContain(OPENID.head);
    expect(JSON.stringify(outbox)).not.toContain('13900139000');
  });

  it('a leader card with an on-duty commissioner routes handling there and keeps the credit', async () => {
    await b.ok('lead.submit', leadInput({ source: { channel: 'moments', cardId: 'card-staff-edu-head' } }), OPENID.investorA);
    const [lead] = await leads();
    expect(lead.credit).toMatchObject({ staffId: 'staff-edu-head', unitId: 'unit-edu' });
    expect(lead.handling).toEqual({ unitId: 'unit-invest', staffId: 'staff-commissioner' });
  });

  it('a non-economic unit’s card without on-duty goes to the bureau pool; the referrer keeps credit', async () => {
    await b.store.update(COLLECTIONS.cards.name, 'card-staff-edu-head', { set: { onDutyStaffId: null } });
    const card = await b.store.get<{ _id: string } & Record<string, unknown>>(COLLECTIONS.cards.name, 'card-staff-edu-head');
    expect(card?.onDutyStaffId ?? null).toBeNull();
    await b.ok('lead.submit', leadInput({ source: { channel: 'qr', cardId: 'card-staff-edu-head' } }), OPENID.investorA);
    const [lead] = await leads();
    expect(lead.handling).toEqual({ unitId: 'unit-invest', staffId: null });
    expect(lead.credit.unitId).toBe('unit-edu');
  });

  it('an economic department’s card routes to its own staff', async () => {
    await b.ok('lead.submit', leadInput({ source: { channel: 'chat', cardId: 'card-staff-tech', carrierId: 'incubator-003' } }), OPENID.investorB);
    const [lead] = await leads();
    expect(lead.handling).toEqual({ unitId: 'unit-tech', staffId: 'staff-tech' });
    expect(lead.source.carrierId).toBe('incubator-003');
  });

  describe('exactly once', () => {
    it('a retry with the same key returns the same lead', async () => {
      const input = leadInput();
      const first = await b.ok<Submitted>('lead.submit', input, OPENID.investorA);
      const again = await b.ok<Submitted>('lead.submit', input, OPENID.investorA);
      expect(again).toEqual({ ...first, duplicate: true });
      expect(await count(COLLECTIONS.leads.name)).toBe(1);
    });

    it('100 parallel submissions with one key make one lead and one created event', async () => {
      const input = leadInput();
      const results = await Promise.all(Array.from({ length: 100 }, () => b.call<Submitted>('lead.submit', input, OPENID.investorA)));
      expect(results.every((r) => r.ok)).toBe(true);
      expect(results.filter((r) => r.ok && !r.data.duplicate)).toHaveLength(1);
      expect(await count(COLLECTIONS.leads.name)).toBe(1);
      expect(await count(COLLECTIONS.leadEvents.name)).toBe(1);
    });

    it('the same key with a different payload, or from someone else, is refused', async () => {
      const input = leadInput();
      await b.ok('lead.submit', input, OPENID.investorA);
      expect(await b.call('lead.submit', { ...input, message: '换了内容' }, OPENID.investorA)).toMatchObject({ ok: false, error: { code: 'LEAD.IDEMPOTENCY_CONFLICT' } });
      expect(await b.call('lead.submit', input, OPENID.investorB)).toMatchObject({ ok: false, error: { code: 'LEAD.IDEMPOTENCY_CONFLICT' } });
      expect(await count(COLLECTIONS.leads.name)).toBe(1);
    });
  });

  describe('refusals write nothing', () => {
    const expectNothingWritten = async () => {
      expect(await count(COLLECTIONS.leads.name)).toBe(0);
      expect(await count(COLLECTIONS.leadEvents.name)).toBe(0);
      expect(await count(COLLECTIONS.outbox.name)).toBe(0);
      expect(await count(COLLECTIONS.rateCounters.name)).toBe(0);
    };

    it.each([
      ['anonymous caller (Moments / web)', leadInput(), null, 'AUTH.SIGN_IN_REQUIRED'],
      ['no consent', leadInput({ consent: { agreed: false, noticeVersion: '2026-11' } }), OPENID.investorA, 'VALIDATION.INVALID_INPUT'],
      ['an outdated privacy notice', leadInput({ consent: { agreed: true, noticeVersion: '2025-01' } }), OPENID.investorA, 'LEAD.CONSENT_REQUIRED'],
      ['an impossible phone', leadInput({ contact: { name: '李', company: '', phone: '12345' } }), OPENID.investorA, 'LEAD.INVALID_PHONE'],
      ['area min above max', leadInput({ need: { industry: '人工智能', scale: 'undecided', areaMin: 900, areaMax: 100 } }), OPENID.investorA, 'VALIDATION.INVALID_INPUT'],
      ['an unknown card', leadInput({ source: { channel: 'chat', cardId: 'card-ghost' } }), OPENID.investorA, 'CARD.NOT_FOUND'],
      ['risky content', leadInput({ message: '高价回收发票，代开发票' }), OPENID.investorA, 'CONTENT.REJECTED'],
      ['an operator object as phone', leadInput({ contact: { name: '李', company: '', phone: { $gt: '' } } }), OPENID.investorA, 'VALIDATION.INVALID_INPUT'],
      ['a forged submitter', { ...leadInput(), submitter: { openid: OPENID.investorB } }, OPENID.investorA, 'VALIDATION.INVALID_INPUT'],
    ])('%s', async (_label, input, openid, code) => {
      expect(await b.call('lead.submit', input, openid)).toMatchObject({ ok: false, error: { code } });
      await expectNothingWritten();
    });

    it('a filled honeypot looks like success but stores and routes nothing', async () => {
      const r = await b.call<Submitted>('lead.submit', leadInput({ website: 'http://spam.example' }), OPENID.investorA);
      expect(r.ok).toBe(true);
      await expectNothingWritten();
    });
  });

  it('rate-limits one investor after 5 inquiries in 10 minutes, then lets them in again later', async () => {
    for (let i = 0; i < 5; i += 1) await b.ok('lead.submit', leadInput(), OPENID.investorA);
    const sixth = await b.call('lead.submit', leadInput(), OPENID.investorA);
    expect(sixth).toMatchObject({ ok: false, error: { code: 'RATE.LIMITED', message: '提交过于频繁，请稍后再试' } });
    expect(await count(COLLECTIONS.leads.name)).toBe(5);
    await b.ok('lead.submit', leadInput(), OPENID.investorB);
    b.clock.advanceHours(0.25);
    await b.ok('lead.submit', leadInput(), OPENID.investorA);
  });

  it('lead.mine shows only the caller’s own leads', async () => {
    await b.ok('lead.submit', leadInput(), OPENID.investorA);
    await b.ok('lead.submit', leadInput({ message: 'B 的咨询' }), OPENID.investorB);
    const mine = await b.ok<{ items: Array<{ message: string; promiseKept: boolean | null; replies: unknown[] }> }>('lead.mine', {}, OPENID.investorA);
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({ promiseKept: null, replies: [] });
    expect(await b.call('lead.mine', {}, null)).toMatchObject({ ok: false, error: { code: 'AUTH.SIGN_IN_REQUIRED' } });
  });

  it('lead.mine names the carrier asked about in the page’s language, a Chinese-only name named in fallbackZh', async () => {
    await b.ok('lead.submit', leadInput({ source: { channel: 'chat', carrierId: 'building-001' } }), OPENID.investorA);
    await b.ok('lead.submit', leadInput({ source: { channel: 'chat', carrierId: 'factory-002' } }), OPENID.investorA);
    type Mine = { items: Array<{ carrierName: string | null; fallbackZh?: string[] }> };
    const zh = await b.ok<Mine>('lead.mine', {}, OPENID.investorA);
    const en = await b.ok<Mine>('lead.mine', { lang: 'en' }, OPENID.investorA);
    const named = (r: Mine) => r.items.filter((i) => i.carrierName).map(({ carrierName, fallbackZh }) => ({ carrierName, fallbackZh }));
    expect(named(zh)).toEqual([{ carrierName: expect.stringMatching(/[\u4e00-\u9fff]/), fallbackZh: undefined }, { carrierName: expect.stringMatching(/[\u4e00-\u9fff]/), fallbackZh: undefined }]);
    // The handler's name is a staff record's, Chinese only: named too.
    expect(named(en)).toEqual([
      { carrierName: named(zh)[0].carrierName, fallbackZh: expect.arrayContaining(['carrierName']) },
      { carrierName: 'Linjiang Financial Centre', fallbackZh: expect.not.arrayContaining(['carrierName']) },
    ]);
  });

  it('lead.privacyNotice gives the version the form must agree to', async () => {
    const n = await b.ok<{ version: string; body: string }>('lead.privacyNotice', {}, null);
    expect(n.version).toBe('2026-11');
    expect(n.body).toContain('保存期限');
  });
});
