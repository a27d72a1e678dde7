import type { Carrier } from '../../domain/carrier/carrier.schema';
import type { OutboxEntry } from '../../cloudfunctions/_lib/notifications';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { createTestBackend, OPENID, type TestBackend } from '../support/test-backend';

const EDIT = {
  type: 'factory',
  name: '临江新港标准厂房',
  street: '金湾街道',
  address: '云川市临江区金湾路 88 号',
  totalArea: 12000,
  vacantArea: 3000,
  floors: null,
  priceMin: 20,
  priceMax: 28,
  priceUnit: 'yuan_per_sqm_month',
  facilities: ['行车 10 吨'],
  suitedIndustries: ['先进制造'],
  policies: [],
  managerName: '钱经理',
  managerPhone: '13800138030',
  managerStaffId: null,
  unitId: null,
  location: { lat: 31.25, lng: 120.6 },
  photos: ['/assets/carriers/factory-0.svg'],
};

type Remind = { page: string; webUrl: string; delivery: 'manager' | 'forward'; expiresAt: string };
const tokenOf = (r: Remind) => /[?&]t=([A-Za-z0-9]{24})$/.exec(r.page)![1];

describe('district office: carriers and vacancy that stays true', () => {
  let b: TestBackend;
  beforeEach(async () => {
    b = await createTestBackend();
  });
  afterEach(() => b.close());

  const search = async (keyword: string) =>
    (await b.ok<{ items: Array<{ id: string }> }>('carrier.search', { districtId: 'demo-linjiang', keyword }, null)).items.map((c) => c.id);

  it('creates a carrier the public finds at once, edits it, takes it off the market and restores it — each step audited', async () => {
    const { carrierId } = await b.ok<{ carrierId: string }>('admin.carrier.save', { carrier: EDIT }, OPENID.admin);
    expect(await search('新港标准厂房')).toEqual([carrierId]);
    const detail = await b.ok<{ vacantArea: number; lastVerifiedAt: string }>('carrier.get', { carrierId }, null);
    expect(detail).toMatchObject({ vacantArea: 3000, lastVerifiedAt: b.clock.now.toISOString() });

    b.clock.advanceHours(24);
    await b.ok('admin.carrier.save', { carrierId, carrier: { ...EDIT, priceMax: 30 } }, OPENID.admin);
    // A price edit does not pretend the vacancy was checked.
    expect((await b.ok<{ lastVerifiedAt: string; priceMax: number }>('carrier.get', { carrierId }, null))).toMatchObject({ priceMax: 30, lastVerifiedAt: '2026-11-30T02:00:00.000Z' });

    await b.ok('admin.carrier.setListed', { carrierId, listed: false }, OPENID.admin);
    expect(await search('新港标准厂房')).toEqual([]);
    expect(await b.call('carrier.get', { carrierId }, null)).toMatchObject({ ok: false, error: { code: 'CARRIER.NOT_FOUND' } });
    const list = await b.ok<{ withdrawn: Array<{ id: string }> }>('admin.carrier.list', {}, OPENID.admin);
    expect(list.withdrawn.map((c) => c.id)).toEqual([carrierId]);
    await b.ok('admin.carrier.setListed', { carrierId, listed: true }, OPENID.admin);
    expect(await search('新港标准厂房')).toEqual([carrierId]);
    const actions = (await b.store.find<{ _id: string; action: string }>(COLLECTIONS.audit.name, { where: { districtId: 'demo-linjiang' }, orderBy: [{ field: 'at', direction: 'asc' }, { field: '_id', direction: 'asc' }], limit: 10 })).map((a) => a.action);
    expect(actions).toEqual(['carrier.create', 'carrier.update', 'carrier.withdraw', 'carrier.restore']);
  });

  it('checks figures and references, and writes nothing when refused', async () => {
    const before = await b.store.count(COLLECTIONS.carriers.name);
    expect(await b.call('admin.carrier.save', { carrier: { ...EDIT, vacantArea: 20000 } }, OPENID.admin)).toMatchObject({ ok: false, error: { code: 'ADMIN.INVALID_VALUE', fields: ['vacantArea'] } });
    expect(await b.call('admin.carrier.save', { carrier: { ...EDIT, managerStaffId: 'ws-staff-head' } }, OPENID.admin)).toMatchObject({ ok: false, error: { code: 'STAFF.NOT_FOUND' } });
    expect(await b.call('admin.carrier.save', { carrier: { ...EDIT, unitId: 'ws-unit-park' } }, OPENID.admin)).toMatchObject({ ok: false, error: { code: 'UNIT.NOT_FOUND' } });
    expect(await b.call('admin.carrier.save', { carrier: { ...EDIT, photos: ['http://evil.example/x.png'] } }, OPENID.admin)).toMatchObject({ ok: false, error: { code: 'VALIDATION.INVALID_INPUT' } });
    expect(await b.call('admin.carrier.save', { carrierId: 'ws-building-001', carrier: EDIT }, OPENID.admin)).toMatchObject({ ok: false, error: { code: 'CARRIER.NOT_FOUND' } });
    expect(await b.call('admin.carrier.setListed', { carrierId: 'building-001', listed: false }, OPENID.wangshanAdmin)).toMatchObject({ ok: false, error: { code: 'CARRIER.NOT_FOUND' } });
    expect(await b.call('admin.carrier.save', { carrier: EDIT }, OPENID.cityAdmin)).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    expect(await b.store.count(COLLECTIONS.carriers.name)).toBe(before);
    expect(await b.store.count(COLLECTIONS.audit.name)).toBe(0);
  });

  it('unit leaders edit their unit’s carriers and staff managers their own; neither reaches others', async () => {
    const { carrierId } = await b.ok<{ carrierId: string }>('admin.carrier.save', { carrier: { ...EDIT, unitId: 'unit-invest', managerStaffId: 'staff-park' } }, OPENID.admin);
    await b.ok('admin.carrier.save', { carrierId, carrier: { ...EDIT, unitId: 'unit-invest', managerStaffId: 'staff-park', name: '局长改名' } }, OPENID.investLeader);
    expect(await b.call('admin.carrier.save', { carrierId, carrier: { ...EDIT, unitId: 'unit-tech', managerStaffId: 'staff-park' } }, OPENID.investLeader)).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    expect(await b.call('admin.carrier.save', { carrierId: 'building-001', carrier: EDIT }, OPENID.investLeader)).toMatchObject({ ok: false, error: { code: 'CARRIER.NOT_FOUND' } });
    // 郑嘉木 manages it once he holds the manager role.
    expect(await b.call('admin.carrier.save', { carrierId, carrier: { ...EDIT, unitId: 'unit-invest', managerStaffId: 'staff-park' } }, OPENID.park)).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    await b.ok('admin.staff.setRoles', { staffId: 'staff-park', roles: ['commissioner', 'staff', 'carrier_manager'] }, OPENID.admin);
    await b.ok('admin.carrier.save', { carrierId, carrier: { ...EDIT, unitId: 'unit-invest', managerStaffId: 'staff-park', vacantArea: 2500 } }, OPENID.park);
    expect(await b.call('admin.carrier.save', { carrier: EDIT }, OPENID.park)).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    const rows = (await b.ok<{ items: Array<{ id: string; canEdit: boolean }> }>('admin.carrier.list', { limit: 100 }, OPENID.park)).items;
    expect(rows.filter((r) => r.canEdit).map((r) => r.id)).toEqual([carrierId]);
  });

  it('a staff manager gets the reminder, confirms «仍有 N ㎡ 空置» in one tap, and the card’s freshness restarts', async () => {
    await b.ok('admin.staff.setRoles', { staffId: 'staff-park', roles: ['commissioner', 'staff', 'carrier_manager'] }, OPENID.admin);
    const { carrierId } = await b.ok<{ carrierId: string }>('admin.carrier.save', { carrier: { ...EDIT, managerStaffId: 'staff-park' } }, OPENID.admin);
    b.clock.advanceHours(31 * 24);
    const due = await b.ok<{ items: Array<{ id: string; vacancyDue: boolean }>; managers: Array<{ staffId: string | null; due: number }> }>('admin.carrier.list', { limit: 100 }, OPENID.admin);
    expect(due.items.find((c) => c.id === carrierId)?.vacancyDue).toBe(true);
    expect(due.managers.find((m) => m.staffId === 'staff-park')?.due).toBe(1);

    const remind = await b.ok<Remind>('admin.carrier.remindVacancy', { carrierId }, OPENID.admin);
    expect(remind.delivery).toBe('manager');
    const outbox = await b.store.find<OutboxEntry>(COLLECTIONS.outbox.name, { limit: 10 });
    expect(outbox.map((o) => [o.message.kind, o.message.toOpenid, o.message.page])).toEqual([['vacancy_confirm', OPENID.park, remind.page]]);
    const token = tokenOf(remind);
    // The token itself is stored nowhere.
    expect(JSON.stringify(await b.store.find(COLLECTIONS.vacancyTokens.name, { limit: 10 }))).not.toContain(token);

    expect(await b.ok('vacancy.peek', { token }, null)).toMatchObject({ question: '仍有 3,000 ㎡ 空置', used: false, carrierName: EDIT.name });
    b.clock.advanceHours(48);
    expect(await b.ok('vacancy.confirm', { token }, OPENID.park)).toMatchObject({ vacantArea: 3000, lastVerifiedAt: b.clock.now.toISOString() });
    const card = await b.ok<{ lastVerifiedAt: string }>('carrier.get', { carrierId }, null);
    expect(card.lastVerifiedAt).toBe(b.clock.now.toISOString());
    expect(await b.call('vacancy.confirm', { token, vacantArea: 10 }, OPENID.park)).toMatchObject({ ok: false, error: { code: 'VACANCY.LINK_INVALID' } });
    const after = await b.ok<{ managers: Array<{ staffId: string | null; medianConfirmDays: number | null }> }>('admin.carrier.list', { limit: 100 }, OPENID.admin);
    expect(after.managers.find((m) => m.staffId === 'staff-park')).toBeUndefined();
  });

  it('an external manager confirms a new figure through the forwarded link, without an account; expired links do nothing', async () => {
    const { carrierId } = await b.ok<{ carrierId: string }>('admin.carrier.save', { carrier: EDIT }, OPENID.admin);
    const remind = await b.ok<Remind>('admin.carrier.remindVacancy', { carrierId }, OPENID.admin);
    expect(remind.delivery).toBe('forward');
    expect(remind.webUrl).toContain(`#/${remind.page}`);
    expect(await b.store.count(COLLECTIONS.outbox.name)).toBe(0);
    expect(await b.call('vacancy.confirm', { token: tokenOf(remind), vacantArea: 99999 }, null)).toMatchObject({ ok: false, error: { code: 'ADMIN.INVALID_VALUE' } });
    expect(await b.ok('vacancy.confirm', { token: tokenOf(remind), vacantArea: 1200 }, null)).toMatchObject({ vacantArea: 1200 });
    expect(await b.ok('carrier.get', { carrierId }, null)).toMatchObject({ vacantArea: 1200, hasVacancy: true });
    const [audit] = await b.store.find<{ _id: string; action: string; actorName: string }>(COLLECTIONS.audit.name, { where: { districtId: 'demo-linjiang' }, orderBy: [{ field: 'at', direction: 'desc' }, { field: '_id', direction: 'desc' }], limit: 1 });
    expect(audit).toMatchObject({ action: 'carrier.vacancy_confirm', actorName: '钱经理（外部管理人）' });

    const late = await b.ok<Remind>('admin.carrier.remindVacancy', { carrierId }, OPENID.admin);
    b.clock.advanceHours(15 * 24);
    expect(await b.call('vacancy.peek', { token: tokenOf(late) }, null)).toMatchObject({ ok: false, error: { code: 'VACANCY.LINK_INVALID' } });
    expect(await b.call('vacancy.confirm', { token: 'A'.repeat(24) }, null)).toMatchObject({ ok: false, error: { code: 'VACANCY.LINK_INVALID' } });
  });

  it('the audit log reads newest first, by pages, for the district admin only', async () => {
    for (let i = 0; i < 3; i += 1) {
      await b.ok('admin.carrier.save', { carrier: { ...EDIT, name: `厂房 ${i}` } }, OPENID.admin);
      b.clock.advanceHours(1);
    }
    const first = await b.ok<{ items: Array<{ after: { name: string } }>; nextCursor: string | null }>('admin.audit.list', { limit: 2 }, OPENID.admin);
    expect(first.items.map((i) => i.after.name)).toEqual(['厂房 2', '厂房 1']);
    const second = await b.ok<{ items: Array<{ after: { name: string } }>; nextCursor: string | null }>('admin.audit.list', { limit: 2, cursor: first.nextCursor }, OPENID.admin);
    expect(second).toMatchObject({ items: [{ after: { name: '厂房 0' } }], nextCursor: null });
    expect(await b.call('admin.audit.list', {}, OPENID.investLeader)).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    expect((await b.ok<{ items: unknown[] }>('admin.audit.list', {}, OPENID.wangshanAdmin)).items).toEqual([]);
  });

  it('the timer sweep messages each due staff manager once per cycle and leaves fresh carriers alone', async () => {
    await b.ok('admin.staff.setRoles', { staffId: 'staff-park', roles: ['commissioner', 'staff', 'carrier_manager'] }, OPENID.admin);
    const { carrierId } = await b.ok<{ carrierId: string }>('admin.carrier.save', { carrier: { ...EDIT, managerStaffId: 'staff-park' } }, OPENID.admin);
    const { sendDueVacancyReminders } = await import('../../cloudfunctions/admin/vacancy-reminders');
    const toPark = async () => (await b.store.find<OutboxEntry>(COLLECTIONS.outbox.name, { limit: 50 })).filter((o) => o.message.toOpenid === OPENID.park && o.message.kind === 'vacancy_confirm');
    await sendDueVacancyReminders(b.deps);
    expect(await toPark()).toHaveLength(0);
    b.clock.advanceHours(30 * 24 + 1);
    await sendDueVacancyReminders(b.deps);
    await sendDueVacancyReminders(b.deps);
    const sent = await toPark();
    expect(sent).toHaveLength(1);
    const token = /t=([A-Za-z0-9]{24})$/.exec(sent[0].message.page)![1];
    await b.ok('vacancy.confirm', { token }, OPENID.park);
    expect((await b.store.get<Carrier>(COLLECTIONS.carriers.name, carrierId))?.vacancyRemindedAt).toBeNull();
    // The district's own cycle setting decides: 60 days now, so 31 days later nothing is due.
    b.clock.advanceHours(31 * 24);
    const profile = (await b.ok<{ profile: Record<string, unknown> }>('admin.district.get', {}, OPENID.admin)).profile;
    await b.ok('admin.district.update', { ...profile, vacancyConfirmDays: 60 }, OPENID.admin);
    await sendDueVacancyReminders(b.deps);
    expect(await toPark()).toHaveLength(1);
  });
});
