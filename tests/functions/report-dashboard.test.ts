import type { Lead } from '../../domain/lead/lead.schema';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { createTestBackend, leadInput, OPENID, type TestBackend } from '../support/test-backend';

type Figures = {
  inquiries: number;
  byUnit: Array<{ key: string; label: string; count: number }>;
  byChannel: Array<{ key: string; label: string; count: number }>;
  byIndustry: Array<{ key: string; count: number }>;
  byOrigin: Array<{ key: string; label: string; count: number }>;
  funnel: Array<{ stage: string; count: number }>;
  respondedInTime: number;
  promisesKeptPct: number | null;
  responseMedianMinutes: number | null;
  confirmedSigned: number;
};
type Dashboard = { scopeLabel: string; period: { key: string; label: string }; previous: { key: string }; figures: Figures; previousFigures: Figures; overdueNow: number };

const period = (kind: string, key?: string) => ({ kind, ...(key ? { key } : {}) });

describe('report.dashboard and report.leads', () => {
  let b: TestBackend;
  const ids: Record<string, string> = {};

  /** Inquiries at instants either side of China-time boundaries (UTC+8): 旬, month and quarter. */
  const submitAt = async (name: string, at: string, cardId: string, channel: string, industry: string) => {
    b.clock.set(at);
    const input = leadInput({ contact: { name: '测试', company: `${name}有限公司`, phone: `1390013${String(Object.keys(ids).length).padStart(4, '0')}` }, need: { industry, scale: 'undecided' }, source: { channel, cardId } });
    ids[name] = (await b.ok<{ leadId: string }>('lead.submit', input, OPENID.investorA)).leadId;
  };
  const dash = (openid: string, input: Record<string, unknown>) => b.ok<Dashboard>('report.dashboard', input, openid);
  const rev = async (id: string) => (await b.store.get<Lead>(COLLECTIONS.leads.name, id))?._rev ?? -1;

  beforeEach(async () => {
    b = await createTestBackend({ now: '2026-09-30T01:00:00.000Z' });
    b.deps.intakeLimits = { perInvestorPer10Min: 100, perInvestorPerDay: 100, perDistrictPerMinute: 100 };
    await submitAt('q3', '2026-09-30T15:59:00.000Z', 'card-staff-park', 'poster', '新能源'); // 9-30 23:59 → Q3
    await submitAt('q4', '2026-09-30T16:00:00.000Z', 'card-staff-park', 'qr', '新能源'); // 10-01 00:00 → Q4
    await submitAt('nov', '2026-11-30T15:59:59.000Z', 'card-staff-head', 'chat', '人工智能'); // 11-30, 下旬
    await submitAt('x1', '2026-12-10T15:59:59.000Z', 'card-staff-head', 'chat', '人工智能'); // 12-10 23:59:59 → 上旬
    await submitAt('x2', '2026-12-10T16:00:00.000Z', 'card-staff-tech', 'moments', '生物医药'); // 12-11 00:00 → 中旬
  });
  afterEach(() => b.close());

  it('puts each inquiry in its 旬, month and quarter in China time, each against the one before', async () => {
    let d = await dash(OPENID.admin, { scope: 'district', period: period('xun', '2026-12-X1') });
    expect(d).toMatchObject({ scopeLabel: '全区', period: { key: '2026-12-X1', label: '2026年12月上旬' }, previous: { key: '2026-11-X3' } });
    expect([d.figures.inquiries, d.previousFigures.inquiries]).toEqual([1, 1]);
    d = await dash(OPENID.admin, { scope: 'district', period: period('xun', '2026-12-X2') });
    expect([d.figures.inquiries, d.previousFigures.inquiries]).toEqual([1, 1]);
    d = await dash(OPENID.admin, { scope: 'district', period: period('month', '2026-12') });
    expect([d.figures.inquiries, d.previousFigures.inquiries]).toEqual([2, 1]);
    expect(d.figures.byUnit.map((u) => [u.label, u.count])).toEqual([['临江区投资促进局', 1], ['临江区科学技术局', 1]]);
    expect(d.figures.byChannel.map((c) => [c.key, c.label, c.count])).toEqual([['chat', '微信好友', 1], ['moments', '朋友圈', 1]]);
    d = await dash(OPENID.admin, { scope: 'district', period: period('quarter', '2026-Q4') });
    expect([d.figures.inquiries, d.previousFigures.inquiries]).toEqual([4, 1]);
    d = await dash(OPENID.admin, { scope: 'district', period: { kind: 'range', from: '2026-12-10', to: '2026-12-11' } });
    expect([d.figures.inquiries, d.previous.key, d.previousFigures.inquiries]).toEqual([2, 'range:2026-12-08..2026-12-09', 0]);
    // Without a key: the period containing today (2026-12-11 in China now).
    d = await dash(OPENID.admin, { scope: 'district', period: period('xun') });
    expect(d.period.key).toBe('2026-12-X2');
  });

  it('counts responses, promises kept, the funnel, confirmed signings and what is overdue now', async () => {
    b.clock.set('2026-12-10T16:50:00.000Z');
    await b.ok('lead.reply', { leadId: ids.x2, text: '您好，已收到。' }, OPENID.tech);
    for (const to of ['contacted', 'negotiating', 'signed']) await b.ok('lead.transition', { leadId: ids.x1, to, rev: await rev(ids.x1) }, OPENID.head);
    await b.ok('lead.setFacts', { leadId: ids.x1, creditCode: '91330106MA2B3C4D5D', investmentWan: 20_000, rev: await rev(ids.x1) }, OPENID.head);
    await b.ok('lead.confirmStage', { leadId: ids.x1, stage: 'signed', note: '协议已签', date: '2026-12-11', rev: await rev(ids.x1) }, OPENID.investLeader);
    b.clock.set('2026-12-20T02:00:00.000Z');
    const d = await dash(OPENID.admin, { scope: 'district', period: period('month', '2026-12') });
    expect(d.figures.funnel.find((f) => f.stage === 'contacted')?.count).toBe(2 - 1); // x1 moved on; x2 only answered
    expect(d.figures.funnel.find((f) => f.stage === 'signed')?.count).toBe(1);
    expect(d.figures).toMatchObject({ respondedInTime: 2, promisesKeptPct: 100, responseMedianMinutes: 60, confirmedSigned: 1 });
    expect(d.figures.byOrigin.map((o) => [o.key, o.label, o.count])).toEqual([['-', '未知', 1], ['330000', '浙江', 1]]);
    // Unanswered past the promise now: q3, q4 (产业园) and nov (林致远).
    expect(d.overdueNow).toBe(3);
    const unit = await dash(OPENID.investLeader, { scope: 'unit', period: period('month', '2026-11') });
    expect([unit.scopeLabel, unit.figures.inquiries, unit.overdueNow]).toEqual(['临江区投资促进局', 1, 1]);
  });

  it('«overdue now» leaves out leads whose answer is moot: withdrawn consent, closed as invalid, erased', async () => {
    b.clock.set('2026-12-20T02:00:00.000Z');
    const overdue = async () => (await dash(OPENID.admin, { scope: 'district', period: period('month', '2026-12') })).overdueNow;
    const parkOverdue = async () => (await dash(OPENID.admin, { scope: 'unit', unitId: 'unit-park', period: period('month', '2026-12') })).overdueNow;
    // Unanswered past the promise: q3, q4 (产业园), nov (林致远), x1 (林致远), x2 (王书恒).
    expect([await overdue(), await parkOverdue()]).toEqual([5, 2]);
    // The investor withdraws consent on q4: nobody may contact them, so no answer is owed.
    await b.ok('privacy.request', { kind: 'withdraw_consent', leadId: ids.q4 }, OPENID.investorA);
    expect([await overdue(), await parkOverdue()]).toEqual([4, 1]);
    // An unanswered lead closed as invalid (a record from before closing counted as an answer) and an erased one.
    await b.store.update(COLLECTIONS.leads.name, ids.q3, { set: { status: 'invalid', invalidReason: '重复咨询' } });
    await b.store.update(COLLECTIONS.leads.name, ids.nov, { set: { 'privacy.anonymisedAt': '2026-12-19T02:00:00.000Z', 'privacy.anonymisedFor': 'request' } });
    expect([await overdue(), await parkOverdue()]).toEqual([2, 0]);
    // The staff's own inbox marks them the same way.
    const mine = await b.ok<{ items: Array<{ id: string; overdue: boolean }> }>('lead.inbox', { tab: 'unit' }, OPENID.park);
    expect(mine.items.map((i) => i.id)).toEqual(expect.arrayContaining([ids.q3, ids.q4]));
    expect(mine.items.filter((i) => i.overdue)).toEqual([]);
  });

  it('each role reads only its own numbers', async () => {
    const p = period('month', '2026-12');
    const refused = async (openid: string, input: Record<string, unknown>) => {
      const r = await b.call('report.dashboard', { period: p, ...input }, openid);
      return r.ok ? 'ok' : r.error.code;
    };
    // Staff: own and own unit.
    expect(await refused(OPENID.commissioner, { scope: 'person' })).toBe('ok');
    expect(await refused(OPENID.commissioner, { scope: 'unit' })).toBe('ok');
    expect(await refused(OPENID.commissioner, { scope: 'unit', unitId: 'unit-tech' })).toBe('AUTH.FORBIDDEN');
    expect(await refused(OPENID.commissioner, { scope: 'person', staffId: 'staff-head' })).toBe('AUTH.FORBIDDEN');
    expect(await refused(OPENID.commissioner, { scope: 'district' })).toBe('AUTH.FORBIDDEN');
    // Unit leader: the people of the unit, not another unit's, not the district.
    expect(await refused(OPENID.investLeader, { scope: 'person', staffId: 'staff-head' })).toBe('ok');
    expect(await refused(OPENID.investLeader, { scope: 'person', staffId: 'staff-tech' })).toBe('AUTH.FORBIDDEN');
    expect(await refused(OPENID.investLeader, { scope: 'district' })).toBe('AUTH.FORBIDDEN');
    // Admin: any unit of the district; not a unit that is not.
    expect(await refused(OPENID.admin, { scope: 'unit', unitId: 'unit-tech' })).toBe('ok');
    expect(await refused(OPENID.admin, { scope: 'unit', unitId: 'other-unit' })).toBe('AUTH.FORBIDDEN');
    expect(await refused(OPENID.investorA, { scope: 'person' })).toBe('AUTH.FORBIDDEN');
  });

  it('refuses periods that make no sense', async () => {
    const code = async (periodInput: Record<string, unknown>) => {
      const r = await b.call('report.dashboard', { scope: 'district', period: periodInput }, OPENID.admin);
      return r.ok ? 'ok' : r.error.code;
    };
    expect(await code({ kind: 'month', key: '2026-Q4' })).toBe('REPORT.PERIOD_INVALID');
    expect(await code({ kind: 'month', key: '2026-13' })).toBe('REPORT.PERIOD_INVALID');
    expect(await code({ kind: 'range', from: '2026-12-11', to: '2026-12-10' })).toBe('REPORT.PERIOD_INVALID');
    expect(await code({ kind: 'range', from: '2025-01-01', to: '2026-12-10' })).toBe('REPORT.PERIOD_INVALID');
    expect(await code({ kind: 'range', from: '2026-12-01' })).toBe('REPORT.PERIOD_INVALID');
    expect(await code({ kind: 'xun', from: '2026-12-01', to: '2026-12-02' })).toBe('REPORT.PERIOD_INVALID');
    expect(await code({ kind: 'month', key: '2026-12' })).toBe('ok');
  });

  it('a tapped bar opens the leads it counted, as far as the viewer may see them', async () => {
    const p = period('month', '2026-12');
    const admin = await b.ok<{ items: Array<{ id: string }>; hidden: number }>('report.leads', { scope: 'district', period: p, filter: 'channel', value: 'moments' }, OPENID.admin);
    expect(admin.items.map((i) => i.id)).toEqual([ids.x2]);
    const all = await b.ok<{ items: Array<{ id: string }> }>('report.leads', { scope: 'district', period: p, filter: 'all' }, OPENID.admin);
    expect(all.items.map((i) => i.id)).toEqual([ids.x1, ids.x2]);
    const unit = await b.ok<{ items: Array<{ id: string }>; hidden: number }>('report.leads', { scope: 'unit', period: p, filter: 'all' }, OPENID.commissioner);
    expect(unit).toMatchObject({ items: [expect.objectContaining({ id: ids.x1 })], hidden: 0 });
    expect(unit.items[0]).toMatchObject({ contactName: '测试', phoneMasked: expect.stringContaining('****') });
    // The head hands x1 on to 商务局: it still counts for 投资促进局 (credit), and 周若岚 now sees it as the
    // referring unit does: the company and the outcome, not the person.
    await b.ok('lead.assign', { leadId: ids.x1, toUnitId: 'unit-commerce', toStaffId: 'staff-commerce', note: '', rev: await rev(ids.x1) }, OPENID.head);
    const after = await b.ok<{ items: Array<Record<string, unknown>>; hidden: number }>('report.leads', { scope: 'unit', period: p, filter: 'all' }, OPENID.commissioner);
    expect(after).toMatchObject({ items: [expect.objectContaining({ id: ids.x1, contactName: null, phoneMasked: null, handlerUnitName: '临江区商务局' })], hidden: 0 });
    expect(await b.call('report.leads', { scope: 'unit', unitId: 'unit-tech', period: p, filter: 'all' }, OPENID.commissioner)).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
  });
});
