import { createCostHarness, type CostHarness } from '../support/cloud-cost';

/**
 * Team and city dashboards through wx-server-sdk over the strict fake: every query (roll-ups by member or by
 * district, the overdue counts, the city's districts) served by a declared index, and reads batched — a team of
 * 100 costs what a team of 3 costs, in the same number of waves.
 */
const ADMIN = 'demo-openid-admin';
const HEAD = 'demo-openid-head';
const CITY = 'demo-openid-city-admin';
const month = { kind: 'month', key: '2026-11' };

describe('team and city dashboards on WeChat Cloud (strict fake)', () => {
  let h: CostHarness;
  beforeAll(async () => {
    h = await createCostHarness();
  });
  afterAll(() => h.close());

  it.each([
    ['team', HEAD, { scope: 'team', teamId: 'team-invest-squad' }],
    ['city', CITY, { scope: 'city' }],
    ['district by id (city admin)', CITY, { scope: 'district', districtId: 'demo-linjiang' }],
    ['district', ADMIN, { scope: 'district' }],
  ])('the %s dashboard and its export answer, every query served by a declared index', async (_name, openid, scope) => {
    const { result } = await h.measure('report.dashboard', { ...scope, period: month }, openid);
    expect({ result: result.ok ? 'ok' : result.error.code, unindexed: h.backend.unindexedQueries }).toEqual({ result: 'ok', unindexed: [] });
    const exported = await h.measure('report.export', { ...scope, period: month, table: 'dashboard', format: 'csv' }, openid);
    expect({ result: exported.result.ok ? 'ok' : exported.result.error.code, unindexed: h.backend.unindexedQueries }).toEqual({ result: 'ok', unindexed: [] });
  });

  it('reads a team in the same requests and waves at 3 members as at 100', async () => {
    const small = await h.measureOk('report.dashboard', { scope: 'team', teamId: 'team-invest-squad', period: month }, HEAD);
    const at = '2026-11-01T00:00:00.000Z';
    const members = ['staff-invest-leader', 'staff-head', 'staff-commissioner', ...Array.from({ length: 97 }, (_, i) => `staff-extra-${i}`)];
    h.seed('teams', [{ _id: 'team-large', districtId: 'demo-linjiang', name: '大组', leaderStaffId: 'staff-head', memberStaffIds: members, createdAt: at, updatedAt: at }]);
    const large = await h.measureOk('report.dashboard', { scope: 'team', teamId: 'team-large', period: month }, HEAD);
    expect([large.cost.requests, large.cost.waves]).toEqual([small.cost.requests, small.cost.waves]);
    // The caller, the team, then one wave: both periods' rows, unit names, the overdue count, the picker's teams.
    expect(large.cost.waves).toBeLessThanOrEqual(3);
    expect(large.cost.counts).toBe(1);
  });

  it('reads the city in one wave after its districts: one count per district, one query for every district’s rows', async () => {
    const { data, cost } = await h.measureOk<{ byDistrict: unknown[] }>('report.dashboard', { scope: 'city', period: month }, CITY);
    expect(data.byDistrict).toHaveLength(2);
    expect(cost.counts).toBe(2);
    expect(cost.waves).toBeLessThanOrEqual(4);
  });
});
