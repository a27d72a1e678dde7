import type { AdminAuditEntry } from '../../domain/audit/audit.schema';
import type { District } from '../../domain/org/district.schema';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { onDutyStaffIdAt } from '../../cloudfunctions/_lib/repositories/duty-rota.repository';
import { createTestBackend, leadInput, OPENID, type TestBackend } from '../support/test-backend';

type Profile = {
  name: string; slogan: string; intro: string; keyIndustries: string[]; headlineFigures: Array<{ label: string; value: string }>;
  policies: Array<{ title: string; summary: string; fileId?: string | null }>; coverImage: string | null; defaultCardId: string | null; vacancyConfirmDays: number;
};

const audits = (b: TestBackend) => b.store.find<AdminAuditEntry>(COLLECTIONS.audit.name, { where: { districtId: 'demo-linjiang' }, orderBy: [{ field: 'at', direction: 'asc' }, { field: '_id', direction: 'asc' }], limit: 100 });

describe('district office: profile, units, teams, rota', () => {
  let b: TestBackend;
  beforeEach(async () => {
    b = await createTestBackend();
  });
  afterEach(() => b.close());

  const profile = async (openid: string = OPENID.admin): Promise<Profile> => (await b.ok<{ profile: Profile }>('admin.district.get', {}, openid)).profile;

  it('an admin edits the intro and the public card shows it on the next read, audited with before and after', async () => {
    const before = await profile();
    expect(before.policies.length).toBeGreaterThan(0);
    const edited = { ...before, intro: '临江区全新介绍：一个工作日内专人回复。', policies: [{ title: '首年租金减免', summary: '最长三年', fileId: 'cloud://env-1/policies/rent.pdf' }] };
    await b.ok('admin.district.update', edited, OPENID.admin);
    const card = await b.ok<{ district: { intro: string; policyHighlights: string[] } }>('card.get', { cardId: 'card-staff-head' }, null);
    expect(card.district.intro).toBe('临江区全新介绍：一个工作日内专人回复。');
    expect(card.district.policyHighlights).toEqual(['首年租金减免']);
    expect((await profile()).policies[0].fileId).toBe('cloud://env-1/policies/rent.pdf');
    const [entry] = await audits(b);
    expect(entry).toMatchObject({ action: 'district.update', staffId: 'staff-admin', target: { kind: 'district', id: 'demo-linjiang' }, at: b.clock.now.toISOString() });
    expect((entry.before as Profile).intro).toBe(before.intro);
    expect((entry.after as Profile).intro).toBe(edited.intro);
  });

  it('refuses the unit leader, the city admin and another district’s card as default, writing nothing', async () => {
    const p = await profile();
    const snapshot = JSON.stringify(await b.store.get<District>(COLLECTIONS.districts.name, 'demo-linjiang'));
    expect(await b.call('admin.district.update', { ...p, intro: 'x' }, OPENID.investLeader)).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    expect(await b.call('admin.district.update', { ...p, intro: 'x' }, OPENID.cityAdmin)).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    expect(await b.call('admin.district.update', { ...p, defaultCardId: 'card-ws-staff-head' }, OPENID.admin)).toMatchObject({ ok: false, error: { code: 'CARD.NOT_FOUND' } });
    expect(await b.call('admin.district.update', { ...p, keyIndustries: ['数字经济', '数字经济'] }, OPENID.admin)).toMatchObject({ ok: false, error: { code: 'ADMIN.INVALID_VALUE' } });
    expect(await b.call('admin.district.update', { ...p, intro: 'x' }, OPENID.commissioner)).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    expect(JSON.stringify(await b.store.get<District>(COLLECTIONS.districts.name, 'demo-linjiang'))).toBe(snapshot);
    expect(await audits(b)).toEqual([]);
  });

  it('the second district’s admin edits only their own district; the city admin reads both', async () => {
    const own = await profile(OPENID.wangshanAdmin);
    expect(own.name).toBe('云川市望山区（演示）');
    await b.ok('admin.district.update', { ...own, slogan: '望山新口号' }, OPENID.wangshanAdmin);
    expect((await profile()).slogan).toBe('临江而立，投资正当时');
    expect(await b.call('admin.district.get', { districtId: 'demo-linjiang' }, OPENID.wangshanAdmin)).toMatchObject({ ok: false, error: { code: 'DISTRICT.NOT_FOUND' } });
    const read = await b.ok<{ profile: Profile; canEdit: boolean }>('admin.district.get', { districtId: 'demo-linjiang' }, OPENID.cityAdmin);
    expect(read).toMatchObject({ canEdit: false, profile: { name: '云川市临江区（演示）' } });
    const home = await b.ok<{ scope: string; districts: Array<{ id: string }> }>('admin.home', {}, OPENID.cityAdmin);
    expect(home.scope).toBe('city');
    expect(home.districts.map((d) => d.id).sort()).toEqual(['demo-linjiang', 'demo-wangshan']);
    const wsHome = await b.ok<{ districts: Array<{ id: string }>; counts: { carriers: number } }>('admin.home', {}, OPENID.wangshanAdmin);
    expect(wsHome.districts.map((d) => d.id)).toEqual(['demo-wangshan']);
    expect(wsHome.counts.carriers).toBe(12);
  });

  it('builds a unit tree and refuses a cycle; teams take only people of the district', async () => {
    const { unitId } = await b.ok<{ unitId: string }>('admin.unit.save', { name: '临江区招商服务中心', kind: 'economic_department', isEconomic: true, leaderStaffId: null, parentUnitId: 'unit-invest' }, OPENID.admin);
    const { unitId: child } = await b.ok<{ unitId: string }>('admin.unit.save', { name: '服务中心一科', kind: 'economic_department', isEconomic: true, leaderStaffId: null, parentUnitId: unitId }, OPENID.admin);
    expect(await b.call('admin.unit.save', { unitId, name: '临江区招商服务中心', kind: 'economic_department', isEconomic: true, leaderStaffId: null, parentUnitId: child }, OPENID.admin)).toMatchObject({ ok: false, error: { code: 'ADMIN.INVALID_VALUE' } });
    expect(await b.call('admin.unit.save', { unitId: 'ws-unit-park', name: '改名', kind: 'park', isEconomic: true, leaderStaffId: null, parentUnitId: null }, OPENID.admin)).toMatchObject({ ok: false, error: { code: 'UNIT.NOT_FOUND' } });
    const org = await b.ok<{ units: Array<{ id: string; parentUnitId: string | null }>; teams: Array<{ name: string; memberStaffIds: string[] }> }>('admin.org.get', {}, OPENID.admin);
    expect(org.units.find((u) => u.id === child)?.parentUnitId).toBe(unitId);
    expect(org.teams.map((t) => t.name).sort()).toEqual(['产业招商组', '招商小组']);
    expect(await b.call('admin.team.save', { name: '跨区小组', leaderStaffId: null, memberStaffIds: ['staff-tech', 'ws-staff-head'] }, OPENID.admin)).toMatchObject({ ok: false, error: { code: 'STAFF.NOT_FOUND' } });
    const { teamId } = await b.ok<{ teamId: string }>('admin.team.save', { name: '数字经济专班', leaderStaffId: 'staff-head', memberStaffIds: ['staff-tech'] }, OPENID.admin);
    const after = await b.ok<{ teams: Array<{ id: string; memberStaffIds: string[] }> }>('admin.org.get', {}, OPENID.admin);
    expect(after.teams.find((t) => t.id === teamId)?.memberStaffIds).toEqual(['staff-tech', 'staff-head']);
    expect((await audits(b)).map((a) => a.action)).toEqual(['unit.create', 'unit.create', 'team.create']);
  });

  it('the rota answers for its day: SLA reassignment and pool notifications go to that day’s commissioner', async () => {
    const district = (await b.store.get<District>(COLLECTIONS.districts.name, 'demo-linjiang'))!;
    expect(await onDutyStaffIdAt(b.store, district, b.clock.now)).toBe('staff-commissioner');
    // Monday 2026-11-30 China time; Tuesday gets 王书恒.
    await b.ok('admin.rota.set', { day: '2026-12-01', staffId: 'staff-tech' }, OPENID.admin);
    expect(await b.call('admin.rota.set', { day: '2026-12-02', staffId: 'staff-edu-head-missing' }, OPENID.admin)).toMatchObject({ ok: false, error: { code: 'STAFF.NOT_FOUND' } });
    expect(await b.call('admin.rota.set', { day: '2026-12-02', staffId: 'staff-admin' }, OPENID.admin)).toMatchObject({ ok: false, error: { code: 'ADMIN.STAFF_INACTIVE' } });
    expect(await onDutyStaffIdAt(b.store, district, new Date('2026-12-01T01:00:00.000Z'))).toBe('staff-tech');
    // 2026-11-30T20:00Z is already Tuesday in China.
    expect(await onDutyStaffIdAt(b.store, district, new Date('2026-11-30T20:00:00.000Z'))).toBe('staff-tech');
    expect(await onDutyStaffIdAt(b.store, district, new Date('2026-12-02T01:00:00.000Z'))).toBe('staff-commissioner');
    const org = await b.ok<{ rota: Array<{ day: string; staffName: string | null }> }>('admin.org.get', {}, OPENID.admin);
    expect(org.rota[1]).toEqual({ day: '2026-12-01', staffId: 'staff-tech', staffName: '王书恒' });

    // A pool lead (card-less) left unanswered reaches the reassign rung on Tuesday: it goes to the rota's person.
    const { leadId } = await b.ok<{ leadId: string }>('lead.submit', leadInput({ source: { channel: 'direct' } }), OPENID.investorA);
    b.clock.set('2026-12-03T08:30:00.000Z');
    await b.ok('admin.rota.set', { day: '2026-12-03', staffId: 'staff-tech' }, OPENID.admin);
    const { runSlaTick } = await import('../../cloudfunctions/sla-timer/run-sla-tick');
    await runSlaTick(b.deps);
    const lead = await b.store.get<{ _id: string; handling: { staffId: string | null } }>(COLLECTIONS.leads.name, leadId);
    expect(lead?.handling.staffId).toBe('staff-tech');
    await b.ok('admin.rota.set', { day: '2026-12-03', staffId: null }, OPENID.admin);
    expect(await onDutyStaffIdAt(b.store, district, b.clock.now)).toBe('staff-commissioner');
  });

  it('the audit log also shows who revealed which lead’s contact, by name', async () => {
    const { leadId } = await b.ok<{ leadId: string }>('lead.submit', leadInput(), OPENID.investorA);
    await b.ok('lead.revealContact', { leadId }, OPENID.head);
    const log = await b.ok<{ items: Array<{ action: string; targetKind: string; targetId: string; actorName: string }> }>('admin.audit.list', {}, OPENID.admin);
    expect(log.items).toEqual([expect.objectContaining({ action: 'contact_revealed', targetKind: 'lead', targetId: leadId, actorName: '林致远' })]);
  });

  it('SLA settings: the ladder must climb; the timer uses the new promise at once', async () => {
    expect(await b.call('admin.sla.update', { firstResponseHours: 8, followUpDays: 7, remindAt: 2, copyLeaderAt: 2, reassignAt: 3 }, OPENID.admin)).toMatchObject({ ok: false, error: { code: 'ADMIN.INVALID_VALUE', fields: ['copyLeaderAt'] } });
    expect(await b.call('admin.sla.update', { firstResponseHours: 0, followUpDays: 7, remindAt: 1, copyLeaderAt: 2, reassignAt: 3 }, OPENID.admin)).toMatchObject({ ok: false, error: { code: 'VALIDATION.INVALID_INPUT' } });
    expect(await b.call('admin.sla.update', { firstResponseHours: 4, followUpDays: 7, remindAt: 1, copyLeaderAt: 2, reassignAt: 3 }, OPENID.investLeader)).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    await b.ok('admin.sla.update', { firstResponseHours: 4, followUpDays: 7, remindAt: 1, copyLeaderAt: 2, reassignAt: 3 }, OPENID.admin);
    const card = await b.ok<{ district: { firstResponseHours: number } }>('card.get', { cardId: 'card-staff-head' }, null);
    expect(card.district.firstResponseHours).toBe(4);
    // A lead unanswered for 5 working hours is now past the 4-hour promise: the handler is reminded.
    const { leadId } = await b.ok<{ leadId: string }>('lead.submit', leadInput(), OPENID.investorA);
    b.clock.advanceHours(5);
    const { runSlaTick } = await import('../../cloudfunctions/sla-timer/run-sla-tick');
    await runSlaTick(b.deps);
    const lead = await b.store.get<{ _id: string; sla: { escalation: number } }>(COLLECTIONS.leads.name, leadId);
    expect(lead?.sla.escalation).toBe(1);
    expect((await audits(b)).map((a) => a.action)).toEqual(['district.sla']);
  });
});
