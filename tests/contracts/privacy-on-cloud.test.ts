import type { Lead } from '../../domain/lead/lead.schema';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { createCostHarness, inquiry, storedLead, type CostHarness } from '../support/cloud-cost';

/**
 * Personal-data requests and the retention timer through wx-server-sdk over the strict fake: every query served by
 * a declared index (`privacy_requests.*`, `leads.by_district_retention`), every write accepted, as on WeChat Cloud.
 */
const INVESTOR = 'demo-openid-investor-a';
const ADMIN = 'demo-openid-admin';

describe('personal data rights on WeChat Cloud (strict fake)', () => {
  let h: CostHarness;
  beforeAll(async () => {
    h = await createCostHarness();
  });
  afterAll(() => h.close());
  const indexed = () => expect(h.backend.unindexedQueries).toEqual([]);

  it('requests, the office list and answer, and the retention tick run on declared indexes', async () => {
    const { data: first } = await h.measureOk<{ leadId: string }>('lead.submit', inquiry(), INVESTOR);
    const { data: second } = await h.measureOk<{ leadId: string }>('lead.submit', inquiry({ contact: { name: '王女士', company: '星河生物', phone: '13900139001' } }), INVESTOR);
    await h.measureOk('privacy.request', { kind: 'withdraw_consent', leadId: first.leadId }, INVESTOR);
    const { data: asked } = await h.measureOk<{ requests: Array<{ id: string }> }>('privacy.request', { kind: 'erase', leadId: second.leadId }, INVESTOR);
    await h.measureOk('privacy.mine', {}, INVESTOR);
    indexed();
    const { data: list } = await h.measureOk<{ items: unknown[] }>('admin.privacy.list', {}, ADMIN);
    expect(list.items).toHaveLength(2);
    const { data: answered } = await h.measureOk<{ anonymised: number }>('admin.privacy.answer', { requestId: asked.requests[0].id, decision: 'done', note: '' }, ADMIN);
    expect(answered.anonymised).toBe(1);
    expect(storedLead(h, second.leadId).contact.name).toBe('已匿名');
    indexed();

    // A closed inquiry three years old: the timer anonymises it.
    const old = storedLead(h, first.leadId);
    h.seed(COLLECTIONS.leads.name, [{ ...old, status: 'invalid', updatedAt: '2023-11-01T00:00:00.000Z' } satisfies Lead]);
    const { report } = await h.measureSlaTick();
    expect(report.retentionAnonymised).toBe(1);
    expect(storedLead(h, first.leadId).privacy?.anonymisedFor).toBe('retention');
    indexed();
  });
});
