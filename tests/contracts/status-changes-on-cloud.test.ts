import { listStatusChangesUpTo } from '../../cloudfunctions/_lib/repositories/arena.repository';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { createCostHarness, type CostHarness } from '../support/cloud-cost';

/**
 * A late snapshot's 首报 reads the competing reports' status changes up to the lock moment: through wx-server-sdk
 * over the strict fake, by the declared index, batched 20 leads a query and paged so a batch is never cut off.
 */
describe('status changes up to a moment on WeChat Cloud (strict fake)', () => {
  let h: CostHarness;
  beforeAll(async () => {
    h = await createCostHarness();
  });
  afterAll(() => h.close());

  it('reads every status change up to the moment, per lead, oldest first, however many', async () => {
    const at = (minute: number) => new Date(Date.UTC(2026, 9, 1) + minute * 60_000).toISOString();
    const event = (leadId: string, n: number, minute: number, type = 'status_changed') => ({
      _id: `ev-${leadId}-${n.toString().padStart(5, '0')}`,
      leadId,
      districtId: 'demo-linjiang',
      type,
      actor: { kind: 'staff', staffId: 'staff-head', name: '测' },
      data: { from: 'new', to: n % 2 ? 'invalid' : 'contacted' },
      at: at(minute),
    });
    // 25 leads (two batches); lead-00 with 1 200 changes (a batch spans two pages), notes that do not count, and
    // changes after the moment that must not come back.
    const ids = Array.from({ length: 25 }, (_, i) => `lead-${i.toString().padStart(2, '0')}`);
    const docs = ids.flatMap((id, i) => [
      ...Array.from({ length: i === 0 ? 1_200 : 3 }, (_, n) => event(id, n, n)),
      event(id, 9_000, 5, 'note'),
      event(id, 9_001, 5_000),
    ]);
    h.seed(COLLECTIONS.leadEvents.name, docs);
    h.backend.beginTrace();
    const byLead = await listStatusChangesUpTo(h.deps.store, [...ids, 'lead-missing'], at(4_000));
    expect(byLead.get('lead-00')?.length).toBe(1_200);
    expect(byLead.get('lead-00')?.map((e) => e._id)).toEqual(Array.from({ length: 1_200 }, (_, n) => `ev-lead-00-${n.toString().padStart(5, '0')}`));
    for (const id of ids.slice(1)) expect(byLead.get(id)?.map((e) => e.at)).toEqual([at(0), at(1), at(2)]);
    expect(byLead.get('lead-missing')).toEqual([]);
    // Two batches; the first needs a second page.
    expect(h.backend.requests.filter((r) => r.collection === COLLECTIONS.leadEvents.name)).toHaveLength(3);
    expect(h.backend.unindexedQueries).toEqual([]);
  });
});
