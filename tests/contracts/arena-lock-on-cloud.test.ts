import { getDistrict } from '../../cloudfunctions/_lib/repositories/org.repository';
import { lockDuePeriods } from '../../cloudfunctions/reports/monthly-bulletins';
import { createCostHarness, DEMO, type CostHarness } from '../support/cloud-cost';

/**
 * The lock, the snapshot, teams and adjustments through wx-server-sdk over the strict fake: the snapshot is read
 * and stored by id, teams by the declared index, and a locked board costs no lead query at all.
 */
const ADMIN = 'demo-openid-admin';

describe('擂台赛 lock on WeChat Cloud (strict fake)', () => {
  let h: CostHarness;
  beforeAll(async () => {
    h = await createCostHarness();
  });
  afterAll(() => h.close());

  it('locks 2026-Q3 at the first read, then answers from the snapshot; adjusts it in one transaction', async () => {
    const first = await h.measureOk<{ lock: { locked: boolean }; teams: { contestants: number } }>('report.arena', { kind: 'quarter', key: '2026-Q3' }, DEMO.head);
    expect(first.data.lock.locked).toBe(true);
    expect(first.data.teams.contestants).toBe(2);
    const again = await h.measureOk('report.arena', { kind: 'quarter', key: '2026-Q3' }, DEMO.head);
    expect(again.data).toEqual(first.data);
    // Snapshot read: staff, district, snapshot, teams — no lead, roll-up or event query once locked.
    expect(again.cost.requests).toBeLessThan(first.cost.requests);
    expect(again.cost.requests).toBeLessThanOrEqual(5);
    const adjusted = await h.measureOk<{ before: number; after: number }>('report.adjustArena', { kind: 'quarter', key: '2026-Q3', contestantKind: 'team', contestantId: 'team-industry', points: 3, reason: '补记' }, ADMIN);
    expect(adjusted.data).toMatchObject({ before: 0, after: 3 });
    const live = await h.measureOk<{ lock: { locked: boolean } }>('report.arena', { kind: 'quarter', key: '2026-Q4' }, DEMO.head);
    expect(live.data.lock.locked).toBe(false);
    const district = await getDistrict(h.deps.store, 'demo-linjiang');
    if (!district) throw new Error('the demo district is seeded');
    expect((await lockDuePeriods(h.deps, district, h.clock.now)).sort()).toEqual(['as_demo-linjiang_2026-09', 'as_demo-linjiang_2026-10', 'as_demo-linjiang_2026-Q3']);
    expect(h.backend.unindexedQueries).toEqual([]);
  });
});
