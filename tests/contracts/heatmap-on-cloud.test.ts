import { recountAllRollups } from '../../cloudfunctions/reports/heatmap-rollup-recount';
import { createCostHarness, DEMO, inquiry, storedLead, type CostHarness } from '../support/cloud-cost';

/**
 * 招商热力图 through wx-server-sdk over the strict fake: the map's roll-up reads, a tapped cell's leads and the
 * roll-up recount (the migration) are all served by declared indexes.
 */
const ADMIN = 'demo-openid-admin';

describe('招商热力图 on WeChat Cloud (strict fake)', () => {
  let h: CostHarness;
  beforeAll(async () => {
    h = await createCostHarness();
  });
  afterAll(() => h.close());

  it('reads the map from roll-ups, opens a cell’s leads and recounts, all on declared indexes', async () => {
    const { data } = await h.measureOk<{ leadId: string }>('lead.submit', inquiry({ source: { channel: 'chat', cardId: 'card-staff-head', carrierId: 'factory-001' } }), DEMO.investorA);
    await h.measureOk('lead.setFacts', { leadId: data.leadId, creditCode: '91330106MA2B3C4D5D', rev: storedLead(h, data.leadId)._rev }, DEMO.head);
    for (const kind of ['origin_industry', 'street_carrier']) {
      const { data: map } = await h.measureOk<{ totals: { inquiries: number } }>('report.heatmap', { scope: 'district', period: { kind: 'month' }, kind, measure: 'conversion' }, ADMIN);
      expect(map.totals.inquiries).toBe(1);
    }
    const { data: leads } = await h.measureOk<{ items: Array<{ id: string }> }>(
      'report.leads',
      { scope: 'district', period: { kind: 'month' }, filter: 'all', where: [{ filter: 'origin', values: ['330000'] }, { filter: 'carrierType', values: ['factory'] }] },
      ADMIN,
    );
    expect(leads.items.map((i) => i.id)).toEqual([data.leadId]);
    const recount = await recountAllRollups(h.deps);
    expect(recount.data.districts.find((d) => d.districtId === 'demo-linjiang')).toMatchObject({ leads: 1, zeroed: 0 });
    expect(h.backend.unindexedQueries).toEqual([]);
  });
});
