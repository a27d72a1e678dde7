import { createCostHarness, DEMO, inquiry, storedLead, type CostHarness } from '../support/cloud-cost';

/**
 * 首报 and its disputes through wx-server-sdk over the strict fake: the project lookups (by credit code, by the
 * confirmed name and phone), the admin's dispute list and the board's 首报 check are all served by declared indexes.
 */
const ADMIN = 'demo-openid-admin';
const CODE = '91330106MA2B3C4D5D';

describe('首报 on WeChat Cloud (strict fake)', () => {
  let h: CostHarness;
  beforeAll(async () => {
    h = await createCostHarness();
  });
  afterAll(() => h.close());

  const ok = async (action: string, input: unknown, openid: string) => {
    const { result } = await h.measure(action, input, openid);
    expect({ action, result: result.ok ? 'ok' : result.error.code, unindexed: h.backend.unindexedQueries }).toEqual({ action, result: 'ok', unindexed: [] });
    return result.ok ? (result.data as Record<string, unknown>) : {};
  };

  it('finds the holder by code and by name + phone, lists and decides disputes, scores the board', async () => {
    const first = (await ok('lead.submit', inquiry(), DEMO.investorA)).leadId as string;
    await ok('lead.setFacts', { leadId: first, creditCode: CODE, rev: storedLead(h, first)._rev }, DEMO.head);
    const later = (await ok('lead.submit', inquiry({ source: { channel: 'chat', cardId: 'card-staff-tech' } }), DEMO.investorB)).leadId as string;
    await ok('lead.setFacts', { leadId: later, creditCode: CODE, rev: storedLead(h, later)._rev }, DEMO.tech);
    expect(await ok('lead.firstReport', { leadId: later }, DEMO.tech)).toMatchObject({ known: true, reports: 2, canDispute: true });
    await ok('lead.raiseDispute', { leadId: later, reason: '科技局先对接', rev: storedLead(h, later)._rev }, DEMO.tech);
    expect(await ok('report.disputes', { status: 'open' }, ADMIN)).toMatchObject({ items: [expect.objectContaining({ leadId: later })] });
    await ok('report.decideDispute', { leadId: later, decision: 'rejected', reason: '证据不足', rev: storedLead(h, later)._rev }, ADMIN);

    const byName = (await ok('lead.submit', inquiry({ contact: { name: '王先生', company: '江海新材料有限公司', phone: '13900139055' } }), DEMO.investorB)).leadId as string;
    await ok('lead.setFacts', { leadId: byName, companyName: '江海新材料有限公司', rev: storedLead(h, byName)._rev }, DEMO.head);
    expect(await ok('lead.firstReport', { leadId: byName }, DEMO.head)).toMatchObject({ known: true, reports: 1, holder: { isThisLead: true } });
    // A lead invalid after it was reported as real: the board's penalty query and its events.
    for (const to of ['contacted', 'negotiating', 'invalid']) await ok('lead.transition', { leadId: byName, to, rev: storedLead(h, byName)._rev, ...(to === 'invalid' ? { reason: '企业放弃' } : {}) }, DEMO.head);
    const board = await ok('report.arena', { kind: 'quarter' }, DEMO.head);
    expect((board.own as { items: Array<{ kind: string }> }).items.map((i) => i.kind)).toContain('penalty');
    await ok('report.weights', {}, ADMIN);
  });
});
