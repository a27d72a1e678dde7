import * as v from 'valibot';
import { StaffSchema } from '../../domain/org/staff.schema';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { DEMO_DISTRICT_ID } from '../../tools/seed/demo-district';
import { SECOND_DISTRICT_ID } from '../../tools/seed/second-district';
import { createTestBackend, leadInput, OPENID, type TestBackend } from '../support/test-backend';

type Figures = { inquiries: number; byUnit: Array<{ key: string; count: number }>; funnel: Array<{ stage: string; count: number }>; responded: number; confirmedSigned: number };
type DistrictRow = { districtId: string; name: string; inquiries: number; previousInquiries: number; overdueNow: number; responded: number };
type Dashboard = {
  scope: string;
  scopeLabel: string;
  figures: Figures;
  previousFigures: Figures;
  overdueNow: number;
  byDistrict?: DistrictRow[];
  leadsOpen: boolean;
  choices: { teams: Array<{ teamId: string; name: string }>; city: boolean };
};

const month = { kind: 'month', key: '2026-12' };
const TECH_LEADER = 'demo-openid-scopes-tech-leader';

/**
 * Team and city dashboards on SQLite: a team is the sum of its current members' person rows; the city the sum
 * of its districts; who may read them, and that nothing leaks across a district.
 */
describe('report.dashboard: team and city scopes', () => {
  let b: TestBackend;
  const dash = (openid: string, input: Record<string, unknown>) => b.ok<Dashboard>('report.dashboard', { period: month, ...input }, openid);
  const code = async (action: string, openid: string, input: Record<string, unknown>) => {
    const r = await b.call(action, { period: month, ...input }, openid);
    return r.ok ? 'ok' : r.error.code;
  };
  const submit = async (cardId: string, n: number, at: string, channel = 'chat') => {
    b.clock.set(at);
    for (let i = 0; i < n; i += 1) await b.ok('lead.submit', leadInput({ source: { channel, cardId } }), i % 2 ? OPENID.investorA : OPENID.investorB);
  };

  beforeEach(async () => {
    b = await createTestBackend({ now: '2026-11-20T02:00:00.000Z' });
    b.deps.intakeLimits = { perInvestorPer10Min: 100, perInvestorPerDay: 100, perDistrictPerMinute: 100 };
    // Last month, to compare against: one for the head.
    await submit('card-staff-head', 1, '2026-11-20T02:00:00.000Z');
    await submit('card-staff-head', 2, '2026-12-02T02:00:00.000Z');
    await submit('card-staff-commissioner', 1, '2026-12-02T03:00:00.000Z', 'poster');
    await submit('card-staff-tech', 3, '2026-12-03T02:00:00.000Z');
    await submit('card-staff-park', 1, '2026-12-03T03:00:00.000Z');
    await submit('card-ws-staff-head', 2, '2026-12-04T02:00:00.000Z');
    // A unit leader of 科技局, whose 王书恒 is in 产业招商组 while he is not.
    await b.store.insert(
      COLLECTIONS.staff.name,
      v.parse(StaffSchema, { _id: 'staff-tech-leader', districtId: DEMO_DISTRICT_ID, unitId: 'unit-tech', name: '科技局局长', title: '局长', roles: ['unit_leader', 'staff'], status: 'active', phone: '13800138097', industryFocus: [], openid: TECH_LEADER, createdAt: '2026-11-01T00:00:00.000Z' }),
    );
    b.clock.set('2026-12-10T02:00:00.000Z');
  });
  afterEach(() => b.close());

  const personSum = async (staffIds: string[]) => {
    const people = await Promise.all(staffIds.map((staffId) => dash(OPENID.admin, { scope: 'person', staffId })));
    return { inquiries: people.reduce((a, p) => a + p.figures.inquiries, 0), previous: people.reduce((a, p) => a + p.previousFigures.inquiries, 0), overdue: people.reduce((a, p) => a + p.overdueNow, 0) };
  };

  it("sums a team from its current members' person rows, against the previous period", async () => {
    const squad = await dash(OPENID.head, { scope: 'team', teamId: 'team-invest-squad' });
    const members = await personSum(['staff-invest-leader', 'staff-head', 'staff-commissioner']);
    expect([squad.scope, squad.scopeLabel, squad.figures.inquiries, squad.previousFigures.inquiries]).toEqual(['team', '招商小组', 3, 1]);
    expect([squad.figures.inquiries, squad.previousFigures.inquiries, squad.overdueNow]).toEqual([members.inquiries, members.previous, members.overdue]);
    expect(squad.overdueNow).toBeGreaterThan(0);
    const industry = await dash(OPENID.tech, { scope: 'team', teamId: 'team-industry' });
    expect(industry.figures.inquiries).toBe(4);
    expect(industry.figures.inquiries).toBe((await personSum(['staff-tech', 'staff-park', 'staff-commerce'])).inquiries);
    expect(industry.figures.byUnit.map((u) => [u.key, u.count])).toEqual([['unit-tech', 3], ['unit-park', 1]]);
    expect(squad.leadsOpen).toBe(true);

    // Current members only: 周若岚 leaves the squad and takes her lead with her.
    await b.ok('admin.team.save', { teamId: 'team-invest-squad', name: '招商小组', leaderStaffId: 'staff-invest-leader', memberStaffIds: ['staff-invest-leader', 'staff-head'] }, OPENID.admin);
    expect((await dash(OPENID.head, { scope: 'team', teamId: 'team-invest-squad' })).figures.inquiries).toBe(2);
    expect(await code('report.dashboard', OPENID.commissioner, { scope: 'team', teamId: 'team-invest-squad' })).toBe('AUTH.FORBIDDEN');
  });

  it('lets a team be read by its members, its leader and the district admin only', async () => {
    const squad = { scope: 'team', teamId: 'team-invest-squad' };
    const industry = { scope: 'team', teamId: 'team-industry' };
    expect(await code('report.dashboard', OPENID.head, squad)).toBe('ok');
    expect(await code('report.dashboard', OPENID.commissioner, squad)).toBe('ok');
    expect(await code('report.dashboard', OPENID.investLeader, squad)).toBe('ok');
    expect(await code('report.dashboard', OPENID.admin, industry)).toBe('ok');
    expect(await code('report.dashboard', OPENID.park, industry)).toBe('ok');
    // Another team's member; a unit leader with a member in the team but not in it; another district; the city.
    expect(await code('report.dashboard', OPENID.tech, squad)).toBe('AUTH.FORBIDDEN');
    expect(await code('report.dashboard', TECH_LEADER, industry)).toBe('AUTH.FORBIDDEN');
    expect(await code('report.dashboard', OPENID.wangshanAdmin, industry)).toBe('AUTH.FORBIDDEN');
    expect(await code('report.dashboard', OPENID.cityAdmin, industry)).toBe('AUTH.FORBIDDEN');
    expect(await code('report.dashboard', OPENID.head, { scope: 'team', teamId: 'team-missing' })).toBe('AUTH.FORBIDDEN');
    expect(await code('report.dashboard', OPENID.head, { scope: 'team' })).toBe('VALIDATION.INVALID_INPUT');
    expect(await code('report.dashboard', OPENID.head, { ...squad, unitId: 'unit-invest' })).toBe('VALIDATION.INVALID_INPUT');
    // The picker offers what may be read.
    expect((await dash(OPENID.head, { scope: 'unit' })).choices).toEqual({ teams: [{ teamId: 'team-invest-squad', name: '招商小组' }], city: false });
    expect((await dash(OPENID.admin, { scope: 'unit' })).choices.teams.map((t) => t.teamId)).toEqual(['team-industry', 'team-invest-squad']);
    expect((await dash(TECH_LEADER, { scope: 'unit' })).choices.teams).toEqual([]);
  });

  it("opens a team's leads as far as the viewer may see them, and exports them masked", async () => {
    const seen = await b.ok<{ items: Array<{ id: string; contactName: string | null }>; hidden: number }>('report.leads', { scope: 'team', teamId: 'team-industry', period: month, filter: 'all' }, OPENID.park);
    // 郑嘉木 handles his own lead; 王书恒's three are another unit's: counted, not shown.
    expect([seen.items.length, seen.hidden]).toEqual([1, 3]);
    const all = await b.ok<{ items: unknown[]; hidden: number }>('report.leads', { scope: 'team', teamId: 'team-industry', period: month, filter: 'all' }, OPENID.admin);
    expect([all.items.length, all.hidden]).toEqual([4, 0]);
    const exported = await b.ok<{ rows: number; contactRows: number; hidden: number }>('report.export', { scope: 'team', teamId: 'team-industry', period: month, table: 'leads', format: 'csv' }, OPENID.park);
    expect(exported).toMatchObject({ rows: 1, contactRows: 1, hidden: 3 });
    expect(await code('report.export', OPENID.tech, { scope: 'team', teamId: 'team-invest-squad', table: 'dashboard', format: 'csv' })).toBe('AUTH.FORBIDDEN');
  });

  it('sums the city from its districts, with each district beside it, for the city admin only', async () => {
    const city = await dash(OPENID.cityAdmin, { scope: 'city' });
    const linjiang = await dash(OPENID.admin, { scope: 'district' });
    const wangshan = await dash(OPENID.wangshanAdmin, { scope: 'district' });
    expect([linjiang.figures.inquiries, wangshan.figures.inquiries]).toEqual([7, 2]);
    expect(city).toMatchObject({ scope: 'city', scopeLabel: '全市', leadsOpen: false, choices: { teams: [], city: true } });
    expect(city.figures.inquiries).toBe(linjiang.figures.inquiries + wangshan.figures.inquiries);
    expect(city.previousFigures.inquiries).toBe(linjiang.previousFigures.inquiries + wangshan.previousFigures.inquiries);
    expect(city.overdueNow).toBe(linjiang.overdueNow + wangshan.overdueNow);
    expect(city.figures.byUnit.find((u) => u.key === 'ws-unit-invest')?.count).toBe(2);
    expect(city.byDistrict?.map((d) => [d.districtId, d.name, d.inquiries, d.previousInquiries, d.overdueNow])).toEqual([
      [DEMO_DISTRICT_ID, '云川市临江区（演示）', 7, 1, linjiang.overdueNow],
      [SECOND_DISTRICT_ID, '云川市望山区（演示）', 2, 0, wangshan.overdueNow],
    ]);
    // Tap-through: a district's dashboard, the same figures its admin sees, read-only.
    const tapped = await dash(OPENID.cityAdmin, { scope: 'district', districtId: DEMO_DISTRICT_ID });
    expect([tapped.scopeLabel, tapped.figures, tapped.overdueNow, tapped.leadsOpen]).toEqual(['云川市临江区（演示）', linjiang.figures, linjiang.overdueNow, false]);
    expect(linjiang.leadsOpen).toBe(true);
  });

  it('keeps the city to city admins and every district to itself', async () => {
    for (const openid of [OPENID.admin, OPENID.wangshanAdmin, OPENID.head, OPENID.commissioner]) expect(await code('report.dashboard', openid, { scope: 'city' })).toBe('AUTH.FORBIDDEN');
    expect(await code('report.dashboard', OPENID.admin, { scope: 'district', districtId: SECOND_DISTRICT_ID })).toBe('AUTH.FORBIDDEN');
    expect(await code('report.dashboard', OPENID.wangshanAdmin, { scope: 'district', districtId: DEMO_DISTRICT_ID })).toBe('AUTH.FORBIDDEN');
    expect(await code('report.dashboard', OPENID.cityAdmin, { scope: 'district', districtId: 'demo-elsewhere' })).toBe('AUTH.FORBIDDEN');
    expect(await code('report.dashboard', OPENID.cityAdmin, { scope: 'city', districtId: DEMO_DISTRICT_ID })).toBe('VALIDATION.INVALID_INPUT');
    // Figures only: no leads, no lead export for the city admin, not even of the home district.
    expect(await code('report.leads', OPENID.cityAdmin, { scope: 'district', districtId: DEMO_DISTRICT_ID, filter: 'all' })).toBe('AUTH.FORBIDDEN');
    expect(await code('report.leads', OPENID.cityAdmin, { scope: 'city', filter: 'all' })).toBe('AUTH.FORBIDDEN');
    expect(await code('report.export', OPENID.cityAdmin, { scope: 'city', table: 'leads', format: 'xlsx' })).toBe('AUTH.FORBIDDEN');
    expect(await code('report.export', OPENID.cityAdmin, { scope: 'district', districtId: SECOND_DISTRICT_ID, table: 'leads', format: 'csv' })).toBe('AUTH.FORBIDDEN');
    expect(await code('report.export', OPENID.head, { scope: 'team', table: 'dashboard', format: 'csv' })).toBe('VALIDATION.INVALID_INPUT');
    // Nothing refused left a file's audit entry behind.
    const audit = await b.store.find<{ _id: string; action: string }>(COLLECTIONS.audit.name, { where: { districtId: SECOND_DISTRICT_ID }, limit: 50 });
    const ours = await b.store.find<{ _id: string; action: string }>(COLLECTIONS.audit.name, { where: { districtId: DEMO_DISTRICT_ID }, limit: 50 });
    expect([...audit, ...ours].filter((a) => a.action === 'report.export')).toEqual([]);
    // Another district's admin sees none of ours.
    expect((await dash(OPENID.wangshanAdmin, { scope: 'district' })).figures.byUnit.map((u) => u.key)).toEqual(['ws-unit-invest']);
  });

  it("exports the city's table with each district's row, audited", async () => {
    const answer = await b.ok<{ url: string; rows: number; contactRows: number }>('report.export', { scope: 'city', period: month, table: 'dashboard', format: 'csv' }, OPENID.cityAdmin);
    expect(answer.contactRows).toBe(0);
    const link = new URL(answer.url, 'http://local');
    const bytes = await b.deps.files.get(`local:${link.pathname.replace('/api/_local/files/', '')}`);
    const text = Buffer.from(bytes ?? new Uint8Array()).toString('utf8');
    expect(text).toContain('总量,咨询,9,1');
    expect(text).toContain('按区县,云川市临江区（演示）,7,1');
    expect(text).toContain('按区县,云川市望山区（演示）,2,0');
    const audit = await b.store.find<{ _id: string; action: string; staffId: string; after: Record<string, unknown> }>(COLLECTIONS.audit.name, { where: { districtId: SECOND_DISTRICT_ID }, limit: 50 });
    expect(audit.filter((a) => a.action === 'report.export').map((a) => [a.staffId, a.after.scope, a.after.table, a.after.contactLeadIds])).toEqual([['ws-staff-city', 'city', 'dashboard', []]]);
  });
});
