import type { Lead } from '../../domain/lead/lead.schema';
import * as v from 'valibot';
import { ViewCountSchema, type Share, type ViewCount } from '../../domain/share/share.schema';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { StoreError, type FindQuery } from '../../cloudfunctions/_lib/store/store-port';
import { dailyVisitorHash, hashedId } from '../../cloudfunctions/_lib/visitor-hash';
import { runSlaTick } from '../../cloudfunctions/sla-timer/run-sla-tick';
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

  type Stats = { views: number; uniqueVisitors: number; viewsByChannel: Record<string, number>; shares: number; weeks: Array<{ weekStart: string; views: number }> };
  const visit = (over: Record<string, unknown>, openid: string | null = null) => b.ok('share.visit', { cardId: 'card-staff-head', channel: 'moments', visitorKey: KEY_A, ...over }, openid);
  /**
   * What someone with the database could read about visits: every collection a visit or a share writes to,
   * except rate_counters (their ids are #10.4's to hash; they expire within minutes).
   */
  const dump = async () => {
    const all: unknown[] = [];
    for (const { name } of [COLLECTIONS.viewCounts, COLLECTIONS.viewMarks, COLLECTIONS.shares, COLLECTIONS.audit]) all.push(...(await b.store.find(name, { limit: 1000 })));
    return JSON.stringify(all);
  };

  it('counts views once per visitor per minute and unique visitors once per day, in counters only', async () => {
    const root = await b.ok<Created>('share.create', { cardId: 'card-staff-head', channel: 'moments' }, OPENID.head);
    expect(await visit({ shareCode: root.code })).toEqual({ counted: true });
    expect(await visit({ shareCode: root.code })).toEqual({ counted: false });
    b.clock.advanceHours(1);
    expect(await visit({ shareCode: root.code })).toEqual({ counted: true });
    expect(await visit({ channel: 'qr', visitorKey: KEY_B }, OPENID.investorB)).toEqual({ counted: true });
    const stats = await b.ok<Stats>('card.stats', {}, OPENID.head);
    expect(stats).toMatchObject({ views: 3, uniqueVisitors: 2, shares: 1, viewsByChannel: { moments: 2, qr: 1 } });
    expect(stats.weeks).toHaveLength(8);
    expect(stats.weeks.map((w) => w.views)).toEqual([0, 0, 0, 0, 0, 0, 0, 3]);
    // Per card: the same visitor on another card is that card's visitor, not this one's.
    await visit({ cardId: 'card-staff-tech' });
    expect(await b.ok<Stats>('card.stats', {}, OPENID.head)).toMatchObject({ views: 3, uniqueVisitors: 2 });
    expect(await b.ok<Stats>('card.stats', {}, OPENID.tech)).toMatchObject({ views: 1, uniqueVisitors: 1, viewsByChannel: { moments: 1 } });
    // No per-view rows: one day row and one all-time row per card, each a counter that passes its schema.
    const counts = await b.store.find<ViewCount>(COLLECTIONS.viewCounts.name, { where: { cardId: 'card-staff-head' }, limit: 10 });
    expect(counts.map((c) => c.day).sort()).toEqual(['2026-11-30', null].sort());
    for (const c of counts) expect(v.safeParse(ViewCountSchema, c).success).toBe(true);
    const stored = await dump();
    expect(stored).not.toContain(KEY_A);
    expect(stored).not.toContain(OPENID.investorB);
  });

  it('the same visitor gets unrelated hashes on two days, and nothing stored links the days', async () => {
    const secret = b.deps.analyticsSecret;
    const hash = (day: string, who: string) => dailyVisitorHash(secret, day, who);
    expect(hash('2026-11-30', `k:${KEY_A}`)).toBe(hash('2026-11-30', `k:${KEY_A}`));
    expect(hash('2026-11-30', `k:${KEY_A}`)).not.toBe(hash('2026-12-01', `k:${KEY_A}`));
    expect(hash('2026-11-30', `k:${KEY_A}`)).not.toBe(hash('2026-11-30', `k:${KEY_B}`));
    expect(dailyVisitorHash('another-secret-another-secret-0000', '2026-11-30', `k:${KEY_A}`)).not.toBe(hash('2026-11-30', `k:${KEY_A}`));

    // Day 1 (Monday, China time): a Moments visitor and a signed-in investor who also reshares.
    await visit({});
    await visit({ channel: 'chat' }, OPENID.investorB);
    const firstShare = await b.ok<Created>('share.create', { cardId: 'card-staff-head', channel: 'chat' }, OPENID.investorB);
    const day1 = [hash('2026-11-30', `k:${KEY_A}`), hash('2026-11-30', `o:${OPENID.investorB}`)];
    expect(await b.store.count(COLLECTIONS.viewMarks.name, { day: '2026-11-30' })).toBeGreaterThan(0);
    // Day 2: the same two come back.
    b.clock.set('2026-12-01T03:00:00.000Z');
    expect(await visit({})).toEqual({ counted: true });
    await visit({ channel: 'chat' }, OPENID.investorB);
    const secondShare = await b.ok<Created>('share.create', { cardId: 'card-staff-head', channel: 'chat' }, OPENID.investorB);
    expect(secondShare.code).not.toBe(firstShare.code);
    const day2 = [hash('2026-12-01', `k:${KEY_A}`), hash('2026-12-01', `o:${OPENID.investorB}`)];
    const report = await runSlaTick(b.deps);
    expect(report.viewMarksDropped).toBeGreaterThanOrEqual(3);
    // Day 1's unique set is gone; what stays of day 1 are counters and a share hop whose hash day 2 cannot match.
    expect(await b.store.count(COLLECTIONS.viewMarks.name, { day: '2026-11-30' })).toBe(0);
    expect(await b.store.count(COLLECTIONS.viewMarks.name, { day: '2026-12-01' })).toBeGreaterThan(0);
    const dayMark = (h: string) => hashedId('vd', 'card-staff-head', h);
    for (const h of day1) expect(await b.store.get(COLLECTIONS.viewMarks.name, dayMark(h))).toBeNull();
    for (const h of day2) expect(await b.store.get(COLLECTIONS.viewMarks.name, dayMark(h))).not.toBeNull();
    // The only visitor hashes kept are the two share hops' (one per day, unrelated); none appears twice.
    const stored = await dump();
    expect((stored.match(/(?<![0-9a-f])[0-9a-f]{32}(?![0-9a-f])/g) ?? []).sort()).toEqual([day1[1], day2[1]].sort());
    const shares = await b.store.find<Share>(COLLECTIONS.shares.name, { where: { cardId: 'card-staff-head', sharerStaffId: null }, limit: 10 });
    expect(shares.map((x) => x.sharerVisitorHash).sort()).toEqual([day1[1], day2[1]].sort());
    expect(stored).not.toContain(KEY_A);
    expect(stored).not.toContain(OPENID.investorB);
    // The stats still count: 4 views, 4 visitor-days, both days in this week.
    expect(await b.ok<Stats>('card.stats', {}, OPENID.head)).toMatchObject({ views: 4, uniqueVisitors: 4, viewsByChannel: { moments: 2, chat: 2 } });
  });

  it('puts each day’s views in its China week, and counts a returning visitor once per day', async () => {
    b.clock.set('2026-11-18T05:00:00.000Z'); // Wednesday two weeks back
    await visit({});
    b.clock.set('2026-11-29T15:30:00.000Z'); // Sunday 23:30 in China: still last week
    await visit({});
    b.clock.set('2026-11-29T16:30:00.000Z'); // Monday 00:30 in China: this week, a new day
    await visit({});
    expect(await visit({ channel: 'qr' })).toEqual({ counted: false }); // the same minute: a repeat
    b.clock.set('2026-11-29T16:33:00.000Z');
    expect(await visit({ channel: 'qr' })).toEqual({ counted: true }); // a view, but the same visitor of the day
    const stats = await b.ok<Stats>('card.stats', {}, OPENID.head);
    expect(stats.weeks.slice(-3)).toEqual([
      { weekStart: '2026-11-16', views: 1, leads: 0 },
      { weekStart: '2026-11-23', views: 1, leads: 0 },
      { weekStart: '2026-11-30', views: 2, leads: 0 },
    ]);
    expect(stats).toMatchObject({ views: 4, uniqueVisitors: 3, viewsByChannel: { moments: 3, qr: 1 } });
  });

  it('a failing clean-up of past marks is logged and leaves the SLA tick standing', async () => {
    const errors: string[] = [];
    const store = b.store;
    const busyMarks = new Proxy(store, {
      get(target, key) {
        if (key === 'find') return (collection: string, query: FindQuery) => (collection === COLLECTIONS.viewMarks.name ? Promise.reject(new StoreError('STORE.BUSY', 'busy')) : target.find(collection, query));
        const value: unknown = Reflect.get(target, key, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const deps = { ...b.deps, store: busyMarks, log: { info: () => undefined, error: (event: string) => void errors.push(event) } };
    await expect(runSlaTick(deps)).resolves.toMatchObject({ viewMarksDropped: 0 });
    expect(errors).toEqual(['views.marks_drop_failed']);
  });

  it('counts every view once when many visitors arrive at once', async () => {
    const keys = Array.from({ length: 40 }, (_, i) => `parallel-visitor-${i.toString().padStart(8, '0')}`);
    const results = await Promise.all(keys.map((visitorKey) => visit({ visitorKey })));
    expect(results.every((r) => (r as { counted: boolean }).counted)).toBe(true);
    expect(await b.ok<Stats>('card.stats', {}, OPENID.head)).toMatchObject({ views: 40, uniqueVisitors: 40, viewsByChannel: { moments: 40 } });
  });

  it('inquiries and share hops through a card are counted with them: card.stats equals a recount of the leads and shares', async () => {
    const root = await b.ok<Created>('share.create', { cardId: 'card-staff-head', channel: 'moments' }, OPENID.head);
    const child = await b.ok<Created>('share.create', { cardId: 'card-staff-head', channel: 'chat', parentCode: root.code }, OPENID.investorB);
    await b.ok<Created>('share.create', { cardId: 'card-staff-head', channel: 'chat', parentCode: child.code }, OPENID.investorA);
    const inputs = [
      leadInput({ idempotencyKey: 'card-count-key-000001', source: { channel: 'moments', cardId: 'card-staff-head', shareCode: root.code } }),
      leadInput({ idempotencyKey: 'card-count-key-000002', source: { channel: 'poster', cardId: 'card-staff-head' } }),
      leadInput({ idempotencyKey: 'card-count-key-000003', source: { channel: 'chat', cardId: 'card-staff-tech' } }),
    ];
    // The first two race for the card's new counter rows; a retry of one of them is not a second inquiry.
    await Promise.all([b.ok('lead.submit', inputs[0], OPENID.investorA), b.ok('lead.submit', inputs[1], OPENID.investorB)]);
    await b.ok('lead.submit', inputs[0], OPENID.investorA);
    await b.ok('lead.submit', inputs[2], OPENID.investorA);
    const leads = await b.store.find<Lead>(COLLECTIONS.leads.name, { where: { 'source.cardId': 'card-staff-head' }, limit: 100 });
    const shares = await b.store.find<Share>(COLLECTIONS.shares.name, { where: { cardId: 'card-staff-head' }, limit: 100 });
    const stats = await b.ok<Omit<Stats, 'weeks'> & { leads: number; maxReshareDepth: number; leadsByChannel: Record<string, number>; weeks: Array<{ leads: number }> }>('card.stats', {}, OPENID.head);
    expect(leads).toHaveLength(2);
    expect(stats).toMatchObject({ leads: 2, leadsByChannel: { moments: 1, poster: 1 }, shares: shares.length, maxReshareDepth: 2 });
    expect(shares).toHaveLength(3);
    expect(stats.weeks.map((w) => w.leads)).toEqual([0, 0, 0, 0, 0, 0, 0, 2]);
    expect(await b.ok('card.stats', {}, OPENID.tech)).toMatchObject({ leads: 1, leadsByChannel: { chat: 1 }, shares: 0 });
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

  // Drawing the PNG is CPU work: give it room on a busy two-core machine.
  it('the plain QR of the web link is made for local and web use', async () => {
    const s = await b.ok<Created>('share.create', { cardId: 'card-staff-head', channel: 'poster' }, OPENID.head);
    const qr = await b.ok<{ kind: string; image: string; scene: string }>('share.qr', { code: s.code }, OPENID.head);
    expect(qr.kind).toBe('url');
    expect(qr.image).toMatch(/^data:image\/png;base64,/);
    expect(qr.scene).toBe(s.code);
    expect(await b.call('share.qr', { code: 'AAAAAAAAAA' }, OPENID.head)).toMatchObject({ ok: false, error: { code: 'SHARE.NOT_FOUND' } });
  }, 20_000);

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

    it('every seeded person can save their own card exactly as the editor loads it', async () => {
      // The seed once featured an industry the district does not list: the owner's untouched form was refused.
      const staffOpenids = [OPENID.head, OPENID.commissioner, OPENID.investLeader, OPENID.tech, OPENID.commerce, OPENID.edu, OPENID.street, OPENID.park, OPENID.admin];
      for (const openid of staffOpenids) {
        const mine = await b.ok<{ edit: Record<string, unknown>; districtIndustries: string[] }>('card.mine', {}, openid);
        expect((mine.edit.featuredIndustries as string[]).every((x) => mine.districtIndustries.includes(x))).toBe(true);
        expect(await b.call('card.update', mine.edit, openid)).toMatchObject({ ok: true });
      }
    });

    it('an industry the district has dropped leaves the loaded form instead of blocking its save', async () => {
      await b.ok('card.update', edit({ featuredIndustries: ['人工智能', '数字经济'] }), OPENID.tech);
      const district = await b.store.get<{ _id: string; keyIndustries: string[] }>(COLLECTIONS.districts.name, 'demo-linjiang');
      await b.store.update(COLLECTIONS.districts.name, 'demo-linjiang', { set: { keyIndustries: district!.keyIndustries.filter((x) => x !== '人工智能') } });
      const mine = await b.ok<{ edit: Record<string, unknown> }>('card.mine', {}, OPENID.tech);
      expect(mine.edit.featuredIndustries).toEqual(['数字经济']);
      expect(await b.call('card.update', mine.edit, OPENID.tech)).toMatchObject({ ok: true });
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
