import { createCostHarness, type CostHarness } from '../support/cloud-cost';
import { leadInput, OPENID } from '../support/test-backend';

/**
 * Carrier managers on a lead through wx-server-sdk over the strict fake: «我参与的» queries an array field (`has`
 * on `participantStaffIds`), which must be served by a declared index as on WeChat Cloud, and the participant
 * changes run as real transactions.
 */
describe('lead participants on WeChat Cloud (strict fake)', () => {
  let h: CostHarness;
  beforeAll(async () => {
    h = await createCostHarness();
  });
  afterAll(() => h.close());

  it('a carrier-page inquiry brings the manager in; the handler shares; «我参与的» lists it; every query indexed', async () => {
    const sent = await h.measure('lead.submit', leadInput({ source: { channel: 'direct', carrierId: 'factory-002' } }), OPENID.investorA);
    expect(sent.result.ok).toBe(true);
    const leadId = sent.result.ok ? (sent.result.data as { leadId: string }).leadId : '';
    const inbox = await h.measure('lead.inbox', { tab: 'participating' }, OPENID.carrierManager);
    expect(inbox.result).toMatchObject({ ok: true, data: { items: [{ id: leadId, phoneMasked: null }], counts: { participating: 1 } } });

    const detail = await h.measure('lead.detail', { leadId }, OPENID.investLeader);
    expect(detail.result).toMatchObject({ ok: true, data: { participants: [{ staffId: 'staff-carrier-manager', contactShared: false }] } });
    const shared = await h.measure('lead.shareParticipantContact', { leadId, staffId: 'staff-carrier-manager', shared: true }, OPENID.investLeader);
    expect(shared.result).toMatchObject({ ok: true, data: { participants: [{ contactShared: true }] } });
    const revealed = await h.measure('lead.revealContact', { leadId }, OPENID.carrierManager);
    expect(revealed.result).toMatchObject({ ok: true, data: { phone: '13900139000' } });
    const removed = await h.measure('lead.removeParticipant', { leadId, staffId: 'staff-carrier-manager' }, OPENID.investLeader);
    expect(removed.result).toMatchObject({ ok: true, data: { participants: [] } });
    const after = await h.measure('lead.inbox', { tab: 'participating' }, OPENID.carrierManager);
    expect(after.result).toMatchObject({ ok: true, data: { items: [], counts: { participating: 0 } } });
    expect(h.backend.unindexedQueries).toEqual([]);
  });
});
