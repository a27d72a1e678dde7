import { createCostHarness, type CostHarness } from '../support/cloud-cost';

/**
 * The district office's reads through wx-server-sdk over the strict fake: every query must be served by a declared
 * index, as on WeChat Cloud (SQLite answers any query, so only this shows a missing index).
 */
const ADMIN = 'demo-openid-admin';

describe('the district office on WeChat Cloud (strict fake)', () => {
  let h: CostHarness;
  beforeAll(async () => {
    h = await createCostHarness();
  });
  afterAll(() => h.close());

  it.each([
    ['admin.home', {}],
    ['admin.district.get', { districtId: 'demo-linjiang' }],
    ['admin.org.get', { districtId: 'demo-linjiang' }],
    ['admin.carrier.list', { districtId: 'demo-linjiang' }],
    ['admin.audit.list', {}],
    ['admin.handover.preview', { staffId: 'staff-commissioner' }],
  ])('%s answers, every query served by a declared index', async (action, input) => {
    const { result } = await h.measure(action, input, ADMIN);
    expect({ action, result: result.ok ? 'ok' : result.error.code, unindexed: h.backend.unindexedQueries }).toEqual({ action, result: 'ok', unindexed: [] });
  });

  it('a carrier manager’s handover (the carrier and its lead participations) is served by declared indexes', async () => {
    const { result } = await h.measure('admin.handover.start', { staffId: 'staff-carrier-manager', successorStaffId: 'staff-park' }, ADMIN);
    expect({ result: result.ok ? (result.data as { status: string }).status : result.error.code, unindexed: h.backend.unindexedQueries }).toEqual({ result: 'done', unindexed: [] });
  });
});
