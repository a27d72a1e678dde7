import type { Lead } from '../../domain/lead/lead.schema';
import { runAction } from '../../cloudfunctions/_lib/action-runner';
import type { ActionResult } from '../../domain/common/result';
import { ALL_ACTIONS } from '../../tools/local-cloud/all-actions';
import { createCostHarness, inquiry, storedLead, type CostHarness } from '../support/cloud-cost';
import { holdCountsUntilAllArrive } from '../support/count-barrier';

/**
 * The pool limit under concurrency through wx-server-sdk over the strict fake (snapshot transactions, first writer
 * wins): two claims one person sends at once both count what they hold before either writes, and still only one
 * passes a limit of one. The claim guard is read and moved by id, so no query needs a new index.
 */
const LEADER = 'demo-openid-invest-leader';
const COMMISSIONER = 'demo-openid-commissioner';
const ADMIN = 'demo-openid-admin';

describe('claiming from the 待认领 pool on WeChat Cloud (strict fake)', () => {
  let h: CostHarness;
  beforeAll(async () => {
    h = await createCostHarness();
  });
  afterAll(() => h.close());

  const poolLead = async (): Promise<string> => {
    const { data } = await h.measureOk<{ leadId: string }>('lead.submit', inquiry(), 'demo-openid-investor-a');
    await h.measureOk('lead.assign', { leadId: data.leadId, toUnitId: 'unit-invest', note: '', rev: storedLead(h, data.leadId)._rev }, LEADER);
    return data.leadId;
  };
  let n = 0;
  const call = (action: string, input: unknown, openid: string) =>
    runAction(ALL_ACTIONS, h.deps, { openid, appid: null, origin: 'test', requestId: `race-${(n += 1)}` }, { action, input }) as Promise<ActionResult<{ held: number }>>;

  it('two claims at the same moment under a limit of one: one wins, the other is refused, one lead held', async () => {
    await h.measureOk('admin.pool.update', { maxClaimedOpen: 1, idleReturnDays: 5, warnDaysBefore: 1 }, ADMIN);
    const leads = [await poolLead(), await poolLead()];
    const barrier = holdCountsUntilAllArrive(h.deps.store, 'pool.heldBy', 2);
    h.backend.beginTrace();
    try {
      const results = await Promise.all(leads.map((leadId) => call('lead.poolClaim', { leadId }, COMMISSIONER)));
      expect(barrier.met).toBe(true);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'POOL.LIMIT_REACHED' } });
    } finally {
      barrier.release();
    }
    const held = leads.map((id) => storedLead(h, id) as Lead).filter((l) => l.handling.staffId === 'staff-commissioner');
    expect(held).toHaveLength(1);
    expect(h.backend.unindexedQueries).toEqual([]);
    expect(h.backend.openTransactions()).toBe(0);
  });
});
