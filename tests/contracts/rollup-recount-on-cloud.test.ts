import type { Lead } from '../../domain/lead/lead.schema';
import { leadContribution, ROLLUP_SCHEMA_VERSION, sumContributions } from '../../domain/report/lead-rollup.rules';
import { getRollupMigration, saveRollupMigration } from '../../cloudfunctions/_lib/repositories/migration.repository';
import { listRollups, rollupId } from '../../cloudfunctions/_lib/repositories/rollup.repository';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { runRollupMigration } from '../../cloudfunctions/reports/heatmap-rollup-recount';
import { cloneLeads, createCostHarness, DEMO, inquiry, storedLead, type CostHarness } from '../support/cloud-cost';

/**
 * The `rollup-recount` migration through wx-server-sdk over the strict fake, two leads a tick: the day cursor's
 * keyset pages, the confirmed-on-these-days reads and each tick's one transaction are all on declared indexes,
 * and the rows end equal to a recount.
 */
describe('rollup-recount on WeChat Cloud (strict fake)', () => {
  let h: CostHarness;
  beforeAll(async () => {
    h = await createCostHarness();
  });
  afterAll(() => h.close());

  it('migrates over ticks on declared indexes and ends equal to a recount', async () => {
    const { data } = await h.measureOk<{ leadId: string }>('lead.submit', inquiry({ source: { channel: 'chat', cardId: 'card-staff-head', carrierId: 'factory-001' } }), DEMO.investorA);
    const template = storedLead(h, data.leadId);
    // Seven more over five earlier China days (two on some), one confirmed as signed with a later date.
    cloneLeads(h, template, 7, (lead, i) => {
      const createdAt = new Date(Date.parse(template.createdAt) - (Math.floor(i / 2) + 1) * 86_400_000 - i * 60_000).toISOString();
      const signed = { staffId: 'staff-invest-leader', staffName: '陈启航', note: '已核验', date: template.createdAt.slice(0, 10), at: template.createdAt };
      return { ...lead, createdAt, updatedAt: createdAt, ...(i === 3 ? { status: 'signed' as const, confirmations: { signed } } : {}) };
    });
    await saveRollupMigration(h.deps.store, { ...(await getRollupMigration(h.deps.store)), version: ROLLUP_SCHEMA_VERSION - 1 });
    let ticks = 0;
    for (let t = await runRollupMigration(h.deps, 2); ; t = await runRollupMigration(h.deps, 2)) {
      ticks += 1;
      if (t.state !== 'migrating' || ticks > 20) break;
    }
    expect(ticks).toBeGreaterThanOrEqual(4);
    expect(await getRollupMigration(h.deps.store)).toMatchObject({ version: ROLLUP_SCHEMA_VERSION, cursor: null });
    const leads = [...(h.backend.collections.get(COLLECTIONS.leads.name)?.values() ?? [])].filter((l) => l.districtId === 'demo-linjiang') as unknown as Lead[];
    const wanted = new Map([...sumContributions(leads.flatMap(leadContribution)).values()].map((r) => [rollupId(r.key), r.counters]));
    const rows = (await listRollups(h.deps.store, 'demo-linjiang', '0000-01-01', '9999-12-31')).filter((r) => Object.values(r.c).some((n) => n !== 0));
    expect(new Map(rows.map((r) => [r._id, r.c]))).toEqual(wanted);
    expect(h.backend.unindexedQueries).toEqual([]);
  });
});
