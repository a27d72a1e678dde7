import type { Lead } from '../../domain/lead/lead.schema';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { createTestBackend, leadInput, OPENID, type TestBackend } from '../support/test-backend';

type Created = { code: string; depth: number; path: string; query: string; webUrl: string };
const KEY_A = 'visitor-key-aaaaaaaaaaaa';
const KEY_B = 'visitor-key-bbbbbbbbbbbb';

describe('sharing, attribution and card analytics', () => {
  let b: TestBackend;
  beforeEach(async () => {
    b = await createTestBackend();
  });
  afterEach(() => b.close());

  it('head → department → friend → investor: the lead carries the whole chain and credits the nearest staff sharer', async () => {
    const root = await b.ok<Created>('share.create', { cardId: 'card-staff-head', channel: 'moments' }, OPENID.head);
    expect(root.code).toMatch(/^[0-9A-Za-z]{10}$/);
    expect(root.path).toBe(`/pages/card/index?cardId=card-staff-head&s=${root.code}`);
    expect(root.webUrl).toContain(`/?cardId=card-staff-head&s=${root.code}`);
    const dept = await b.ok<Created>('share.create', { cardId: 'card-staff-head', channel: 'chat', parentCode: root.code }, OPENID.tech);
    const friend = await b.ok<Created>('share.create', { cardId: 'card-staff-head', channel: 'chat', parentCode: dept.code }, OPENID.investorB);
    expect([root.depth, dept.depth, friend.depth]).toEqual([0, 1, 2]);

    await b.ok('lead.submit', leadInput({ source: { channel: 'chat', cardId: 'card-staff-head', shareCode: friend.code } }), OPENID.investorA);
    const [lead] = await b.store.find<Lead>(COLLECTIONS.leads.name, { limit: 1 });
    expect(lead.credit).toEqual({ staffId: 'staff-tech', unitId: 'unit-tech', shareChain: ['staff-head', 'staff-tech'], hops: 3 });
    // Handling follows the card (the head's economic unit), not the credit.
    expect(lead.handling).toEqual({ unitId: 'unit-invest', staffId: 'staff-head' });
    const detail = await b.ok<{ shareChain: string[]; shareHops: number; districtId: string }>('lead.detail', { leadId: lead._id }, OPENID.head);
    expect(detail).toMatchObject({ shareChain: ['林致远', '王书恒'], shareHops: 3, districtId: 'demo-linjiang' });
  });

  it('sharing the same card the same way again reuses the hop instead of inflating counts', async () => {
    const first = await b.ok<Created>('share.create', { cardId: 'card-staff-head', channel: 'chat' }, OPENID.head);
    const again = await b.ok<Created>('share.create', { cardId: 'card-staff-head', channel: 'chat' }, OPENID.head);
    const moments = await b.ok<Created>('share.create', { cardId: 'card-staff-head', channel: 'moments' }, OPENID.head);
    expect(again.code).toBe(first.code);
    expect(moments.code).not.toBe(first.code);
    expect(await b.store.count(COLLECTIONS.shares.name)).toBe(2);
  });

  it('a parent code from another card starts a new chain instead of borrowing credit', async () => {
    const other = await b.ok<Created>('share.create', { cardId: 'card-staff-tech', channel: 'chat' }, OPENID.tech);
    const s = await b.ok<Created>('share.create', { cardId: 'card-staff-head', channel: 'chat', parentCode: other.code }, OPENID.investorA);
    expect(s.depth).toBe(0);
  });

  it('counts views once per visitor per minute and unique visitors by salted hash only', async () => {
    const root = await b.ok<Created>('share.create', { cardId: 'card-staff-head', channel: 'moments' }, OPENID.head);
    expect(await b.ok('share.visit', { cardId: 'card-staff-head', shareCode: root.code, channel: 'moments', visitorKey: KEY_A }, null)).toEqual({ counted: true });
    expect(await b.ok('share.visit', { cardId: 'card-staff-head', shareCode: root.code, channel: 'moments', visitorKey: KEY_A }, null)).toEqual({ counted: false });
    b.clock.advanceHours(1);
    await b.ok('share.visit', { cardId: 'card-staff-head', shareCode: root.code, channel: 'moments', visitorKey: KEY_A }, null);
    await b.ok('share.visit', { cardId: 'card-staff-head', channel: 'qr', visitorKey: KEY_B }, OPENID.investorB);
    const stats = await b.ok<{ views: number; uniqueVisitors: number; viewsByChannel: Record<string, number>; shares: number; weeks: Array<{ views: number }> }>('card.stats', {}, OPENID.head);
    expect(stats).toMatchObject({ views: 3, uniqueVisitors: 2, shares: 1, viewsByChannel: { moments: 2, qr: 1 } });
    expect(stats.weeks).toHaveLength(8);
    expect(stats.weeks[7].views).toBe(3);
    const views = await b.store.find<{ _id: string } & Record<string, unknown>>(COLLECTIONS.views.name, { limit: 10 });
    const stored = JSON.stringify(views);
    expect(stored).not.toContain(KEY_A);
    expect(stored).not.toContain(OPENID.investorB);
  });

  it('computes the owner’s median first-response time in working hours', async () => {
    const empty = await b.ok<{ medianFirstResponseHours: number | null; answeredLeads: number }>('card.stats', {}, OPENID.head);
    expect(empty).toMatchObject({ medianFirstResponseHours: null, answeredLeads: 0 });
    const ids: string[] = [];
    for (const key of ['median-key-0000000001', 'median-key-0000000002', 'median-key-0000000003']) {
      ids.push((await b.ok<{ leadId: string }>('lead.submit', leadInput({ idempotencyKey: key }), OPENID.investorA)).leadId);
    }
    // Answered after 1, 2 and 6 working hours (Monday 10:00 CST start).
    for (const [i, h] of [[0, 1], [1, 1], [2, 4]] as const) {
      b.clock.advanceHours(h);
      await b.ok('lead.reply', { leadId: ids[i], text: '您好，已收到' }, OPENID.head);
    }
    const stats = await b.ok<{ medianFirstResponseHours: number; answeredLeads: number }>('card.stats', {}, OPENID.head);
    expect(stats).toEqual(expect.objectContaining({ medianFirstResponseHours: 2, answeredLeads: 3 }));
  });

  it('card stats are the owner’s (or an admin’s of the same district) only', async () => {
    expect(await b.call('card.stats', { cardId: 'card-staff-head' }, OPENID.tech)).toMatchObject({ ok: false, error: { code: 'CARD.NOT_FOUND' } });
    expect(await b.ok('card.stats', { cardId: 'card-staff-head' }, OPENID.admin)).toMatchObject({ cardId: 'card-staff-head' });
    expect(await b.call('card.stats', {}, OPENID.investorA)).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
  });

  it('the plain QR of the web link is made for local and web use', async () => {
    const s = await b.ok<Created>('share.create', { cardId: 'card-staff-head', channel: 'poster' }, OPENID.head);
    const qr = await b.ok<{ kind: string; image: string; scene: string }>('share.qr', { code: s.code }, OPENID.head);
    expect(qr.kind).toBe('url');
    expect(qr.image).toMatch(/^data:image\/png;base64,/);
    expect(qr.scene).toBe(s.code);
    expect(await b.call('share.qr', { code: 'AAAAAAAAAA' }, OPENID.head)).toMatchObject({ ok: false, error: { code: 'SHARE.NOT_FOUND' } });
  });

  describe('personal card editor', () => {
    const edit = (over: Record<string, unknown> = {}) => ({
      greeting: '欢迎来谈',
      visibility: { phone: false, wechatId: true, wechatQr: true },
      featuredCarrierIds: ['factory-001'],
      featuredIndustries: ['人工智能'],
      onDutyStaffId: null,
      title: '科技局 产业科科长',
      wechatId: 'wang_demo01',
      wechatQr: null,
      photo: '/assets/people/staff-tech.svg',
      ...over,
    });

    it('saves the person’s own fields and the public card reflects them', async () => {
      await b.ok('card.update', edit(), OPENID.tech);
      const card = await b.ok<{ owner: { phone: string | null; wechatId: string | null }; greeting: string; highlightedCarriers: Array<{ id: string }> }>('card.get', { cardId: 'card-staff-tech' }, null);
      expect(card.owner.phone).toBeNull();
      expect(card.owner.wechatId).toBe('wang_demo01');
      expect(card.greeting).toBe('欢迎来谈');
      expect(card.highlightedCarriers.map((c) => c.id)).toEqual(['factory-001']);
    });

    it('runs the content check on what the card shows', async () => {
      expect(await b.call('card.update', edit({ greeting: '诚招博彩合作' }), OPENID.tech)).toMatchObject({ ok: false, error: { code: 'CONTENT.REJECTED' } });
    });

    it('refuses industries outside the district’s list, foreign carriers, and on-duty delegation by non-leaders', async () => {
      expect(await b.call('card.update', edit({ featuredIndustries: ['房地产炒作'] }), OPENID.tech)).toMatchObject({ ok: false, error: { code: 'VALIDATION.INVALID_INPUT', fields: ['featuredIndustries'] } });
      expect(await b.call('card.update', edit({ featuredCarrierIds: ['nope'] }), OPENID.tech)).toMatchObject({ ok: false, error: { fields: ['featuredCarrierIds'] } });
      expect(await b.call('card.update', edit({ onDutyStaffId: 'staff-commissioner' }), OPENID.tech)).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
      const before = await b.store.get(COLLECTIONS.cards.name, 'card-staff-tech');
      expect(before).toMatchObject({ greeting: '欢迎来临江投资兴业，有问题随时找我。' });
    });

    it('a leader can hand the card’s leads to an on-duty commissioner', async () => {
      await b.ok('card.update', edit({ title: '投资促进局 局长', wechatId: null, featuredIndustries: [], featuredCarrierIds: [], onDutyStaffId: 'staff-commissioner' }), OPENID.investLeader);
      await b.ok('lead.submit', leadInput({ source: { channel: 'chat', cardId: 'card-staff-invest-leader' } }), OPENID.investorA);
      const [lead] = await b.store.find<Lead>(COLLECTIONS.leads.name, { limit: 1 });
      expect(lead.handling.staffId).toBe('staff-commissioner');
      expect(lead.credit.staffId).toBe('staff-invest-leader');
    });

    it('a staff member without a card gets one on first save', async () => {
      const mine = await b.ok<{ cardId: string }>('card.mine', {}, OPENID.admin);
      expect(mine.cardId).toBe('card-staff-admin');
      expect(await b.store.get(COLLECTIONS.cards.name, 'card-staff-admin')).toBeNull();
      await b.ok('card.update', edit({ title: '信息管理员', featuredCarrierIds: [], featuredIndustries: [] }), OPENID.admin);
      expect(await b.ok('card.get', { cardId: 'card-staff-admin' }, null)).toMatchObject({ owner: { name: '许安然', title: '信息管理员' } });
    });
  });
});
