import type { Lead } from '../../domain/lead/lead.schema';
import type { LeadEvent } from '../../domain/lead/lead-event.schema';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { createTestBackend, leadInput, OPENID, type TestBackend } from '../support/test-backend';

/** The seeded carrier whose manager (沈观澜, staff-carrier-manager) is a staff member; building-001's is external. */
const MANAGED = 'factory-002';
const EXTERNAL = 'building-001';
const MANAGER = 'staff-carrier-manager';

type Detail = {
  view: string;
  lead: { contactName: string | null; phoneMasked: string | null; status: string };
  message: string | null;
  events: Array<{ type: string; text: string | null }>;
  participants?: Array<{ staffId: string; contactShared: boolean; carrierId: string; addedByName: string | null }>;
  canReveal?: boolean;
  canNote?: boolean;
  canAct: boolean;
  facts: unknown;
  rev: number;
};
type Outbox = { _id: string; message: { toOpenid: string; kind: string; page: string } };

describe('carrier managers brought into a lead (participants)', () => {
  let b: TestBackend;
  beforeEach(async () => {
    b = await createTestBackend();
  });
  afterEach(() => b.close());

  const submit = async (source: Record<string, unknown> = { channel: 'chat', cardId: 'card-staff-head' }) =>
    (await b.ok<{ leadId: string }>('lead.submit', leadInput({ source }), OPENID.investorA)).leadId;
  const lead = async (id: string) => (await b.store.get<Lead>(COLLECTIONS.leads.name, id)) as Lead;
  const events = (leadId: string) => b.store.find<LeadEvent>(COLLECTIONS.leadEvents.name, { where: { leadId }, limit: 100 });
  const managerMessages = () => b.store.find<Outbox>(COLLECTIONS.outbox.name, { where: { 'message.toOpenid': OPENID.carrierManager }, limit: 20 });
  const detailAs = (leadId: string, openid: string) => b.ok<Detail>('lead.detail', { leadId }, openid);
  const code = async (action: string, input: unknown, openid: string) => {
    const r = await b.call(action, input, openid);
    return r.ok ? 'ok' : r.error.code;
  };

  it('the handler brings a staff manager in once: one participant, one event, one notification, however often asked', async () => {
    const leadId = await submit();
    const first = await b.ok<{ added: boolean; participants: Array<{ staffId: string; name: string; carrierName: string | null; contactShared: boolean }> }>('lead.addParticipant', { leadId, carrierId: MANAGED }, OPENID.head);
    expect(first.added).toBe(true);
    expect(first.participants).toEqual([expect.objectContaining({ staffId: MANAGER, name: '沈观澜', carrierName: '南岭工业坊', contactShared: false })]);
    const again = await b.ok<{ added: boolean; participants: unknown[] }>('lead.addParticipant', { leadId, carrierId: MANAGED }, OPENID.head);
    expect(again.added).toBe(false);
    expect(again.participants).toHaveLength(1);

    const stored = await lead(leadId);
    expect(stored.participants).toEqual([{ staffId: MANAGER, carrierId: MANAGED, addedAt: b.clock.now.toISOString(), addedBy: 'staff-head', contactSharedAt: null }]);
    expect(stored.participantStaffIds).toEqual([MANAGER]);
    // Bringing someone in never makes the handler's open page stale.
    expect(stored._rev).toBe(0);
    expect((await events(leadId)).filter((e) => e.type === 'participant_added')).toHaveLength(1);
    const messages = await managerMessages();
    expect(messages).toHaveLength(1);
    expect(messages[0].message.page).toBe(`staff/lead-detail/index?id=${leadId}`);
  });

  it('the participant sees the need, the message, the stage and the replies — not the contact, the notes or the facts', async () => {
    const leadId = await submit();
    await b.ok('lead.reply', { leadId, text: '李先生您好，为您推荐南岭工业坊。' }, OPENID.head);
    await b.ok('lead.note', { leadId, text: '老板手机尾号 9000，周三下午方便' }, OPENID.head);
    await b.ok('lead.addParticipant', { leadId, carrierId: MANAGED }, OPENID.head);

    const d = await detailAs(leadId, OPENID.carrierManager);
    expect(d.view).toBe('participant');
    expect(d.lead.contactName).toBe('李**');
    expect(d.lead.phoneMasked).toBeNull();
    expect(d.message).toContain('研发中心');
    expect(d.canAct).toBe(false);
    expect(d.canReveal).toBe(false);
    expect(d.canNote).toBe(true);
    expect(d.facts).toBeNull();
    expect(d.events.map((e) => e.type)).toEqual(expect.arrayContaining(['created', 'reply', 'participant_added']));
    expect(d.events.map((e) => e.type)).not.toContain('note');
    expect(JSON.stringify(d)).not.toContain('9000');
    expect(JSON.stringify(d)).not.toContain('李先生（');
    expect(d.participants).toEqual([expect.objectContaining({ staffId: MANAGER, contactShared: false })]);
    expect(await code('lead.revealContact', { leadId }, OPENID.carrierManager)).toBe('AUTH.FORBIDDEN');
  });

  it('the participant is not told about 首报: the lead page\'s section is not sent to them, the handler still gets it', async () => {
    const leadId = await submit();
    await b.ok('lead.setFacts', { leadId, creditCode: '91330106MA2B3C4D5D', rev: (await lead(leadId))._rev }, OPENID.head);
    // The same company reported again through another unit's card: 首报 now has something to say.
    const other = await submit({ channel: 'chat', cardId: 'card-staff-tech' });
    await b.ok('lead.setFacts', { leadId: other, creditCode: '91330106MA2B3C4D5D', rev: (await lead(other))._rev }, OPENID.tech);
    await b.ok('lead.addParticipant', { leadId, carrierId: MANAGED }, OPENID.head);

    const forHandler = await b.ok<{ known: boolean; reports: number; holder: { isThisLead: boolean } | null }>('lead.firstReport', { leadId }, OPENID.head);
    expect(forHandler).toMatchObject({ known: true, reports: 2, holder: { isThisLead: true } });
    const refused = await b.call('lead.firstReport', { leadId }, OPENID.carrierManager);
    expect(refused.ok ? null : refused.error).toEqual({ code: 'AUTH.FORBIDDEN', message: expect.stringMatching(/[\u4e00-\u9fff]/) });
    // The detail they do get carries neither the facts nor the other unit's report.
    const d = await detailAs(leadId, OPENID.carrierManager);
    expect(d.view).toBe('participant');
    expect(d.facts).toBeNull();
    expect(JSON.stringify(d)).not.toContain(other);
    expect(JSON.stringify(d)).not.toContain('91330106MA2B3C4D5D');
  });

  it('the contact: hidden, shown after sharing (reveal audited), hidden again after unsharing', async () => {
    const leadId = await submit();
    await b.ok('lead.addParticipant', { leadId, carrierId: MANAGED }, OPENID.head);
    const shared = await b.ok<{ participants: Array<{ contactShared: boolean }> }>('lead.shareParticipantContact', { leadId, staffId: MANAGER, shared: true }, OPENID.head);
    expect(shared.participants[0].contactShared).toBe(true);

    const d = await detailAs(leadId, OPENID.carrierManager);
    expect(d.lead.contactName).toBe('李先生');
    expect(d.lead.phoneMasked).toMatch(/\*/);
    expect(d.canReveal).toBe(true);
    const revealed = await b.ok<{ phone: string }>('lead.revealContact', { leadId }, OPENID.carrierManager);
    expect(revealed.phone).toBe('13900139000');
    const audit = await b.store.find<{ _id: string; action: string; staffId: string }>(COLLECTIONS.audit.name, { where: { leadId }, limit: 20 });
    expect(audit.map((a) => [a.action, a.staffId])).toEqual(expect.arrayContaining([['participant_contact_shared', 'staff-head'], ['contact_revealed', MANAGER]]));

    // Sharing twice writes nothing more.
    await b.ok('lead.shareParticipantContact', { leadId, staffId: MANAGER, shared: true }, OPENID.head);
    expect((await events(leadId)).filter((e) => e.type === 'participant_contact_shared')).toHaveLength(1);

    await b.ok('lead.shareParticipantContact', { leadId, staffId: MANAGER, shared: false }, OPENID.head);
    const after = await detailAs(leadId, OPENID.carrierManager);
    expect(after.lead.phoneMasked).toBeNull();
    expect(after.canReveal).toBe(false);
    expect(await code('lead.revealContact', { leadId }, OPENID.carrierManager)).toBe('AUTH.FORBIDDEN');
    const audit2 = await b.store.find<{ _id: string; action: string }>(COLLECTIONS.audit.name, { where: { leadId }, limit: 20 });
    expect(audit2.map((a) => a.action)).toContain('participant_contact_unshared');
  });

  it('a participant may leave a note for the handler, and nothing else', async () => {
    const leadId = await submit();
    await b.ok('lead.addParticipant', { leadId, carrierId: MANAGED }, OPENID.head);
    await b.ok('lead.note', { leadId, text: '可提供 3 200 ㎡，三楼' }, OPENID.carrierManager);
    const handler = await detailAs(leadId, OPENID.head);
    expect(handler.events.find((e) => e.type === 'participant_note')?.text).toBe('可提供 3 200 ㎡，三楼');
    // A participant's note is no response to the investor: the promise still runs.
    expect((await lead(leadId)).sla.firstRespondedAt).toBeNull();

    const rev = handler.rev;
    expect(await code('lead.note', { leadId, text: '已电话联系', kind: 'call_logged' }, OPENID.carrierManager)).toBe('AUTH.FORBIDDEN');
    expect(await code('lead.transition', { leadId, to: 'contacted', rev }, OPENID.carrierManager)).toBe('AUTH.FORBIDDEN');
    expect(await code('lead.assign', { leadId, toUnitId: 'unit-park', note: '', rev }, OPENID.carrierManager)).toBe('AUTH.FORBIDDEN');
    expect(await code('lead.reply', { leadId, text: '您好' }, OPENID.carrierManager)).toBe('AUTH.FORBIDDEN');
    expect(await code('lead.addParticipant', { leadId, carrierId: MANAGED }, OPENID.carrierManager)).toBe('AUTH.FORBIDDEN');
    expect(await code('lead.shareParticipantContact', { leadId, staffId: MANAGER, shared: true }, OPENID.carrierManager)).toBe('AUTH.FORBIDDEN');
    expect(await code('lead.removeParticipant', { leadId, staffId: MANAGER }, OPENID.carrierManager)).toBe('AUTH.FORBIDDEN');
    // Someone who merely sees the lead (a colleague of the handling unit) writes no note on it either.
    expect(await code('lead.note', { leadId, text: '同事备注' }, OPENID.commissioner)).toBe('AUTH.FORBIDDEN');
    expect((await lead(leadId)).status).toBe('new');
  });

  it('«我参与的» lists the leads a manager was brought into (counted with the other tabs)', async () => {
    const one = await submit();
    await submit();
    await b.ok('lead.addParticipant', { leadId: one, carrierId: MANAGED }, OPENID.head);
    const inbox = await b.ok<{ items: Array<{ id: string; contactName: string | null; phoneMasked: string | null }>; counts: { participating: number } }>('lead.inbox', { tab: 'participating' }, OPENID.carrierManager);
    expect(inbox.items.map((i) => i.id)).toEqual([one]);
    expect(inbox.items[0]).toMatchObject({ contactName: '李**', phoneMasked: null });
    expect(inbox.counts.participating).toBe(1);
    const head = await b.ok<{ counts: { participating: number } }>('lead.inbox', { tab: 'mine' }, OPENID.head);
    expect(head.counts.participating).toBe(0);
  });

  it('an external manager, a forged carrier or another district’s carrier cannot be brought in, and nothing is written', async () => {
    const leadId = await submit();
    const before = JSON.stringify(await lead(leadId));
    const external = await b.call('lead.addParticipant', { leadId, carrierId: EXTERNAL }, OPENID.head);
    expect(external.ok ? null : external.error.code).toBe('PARTICIPANT.NO_ACCOUNT');
    expect(external.ok ? '' : external.error.message).toContain('外部联系人');
    expect(await code('lead.addParticipant', { leadId, carrierId: 'factory-999' }, OPENID.head)).toBe('CARRIER.NOT_FOUND');
    expect(await code('lead.addParticipant', { leadId, carrierId: `ws-${MANAGED}` }, OPENID.head)).toBe('CARRIER.NOT_FOUND');
    expect(JSON.stringify(await lead(leadId))).toBe(before);
    expect(await managerMessages()).toHaveLength(0);
  });

  it('a handover of the lead keeps its participants; the new handler shares and removes (audited)', async () => {
    const leadId = await submit();
    await b.ok('lead.addParticipant', { leadId, carrierId: MANAGED }, OPENID.head);
    const d = await detailAs(leadId, OPENID.head);
    await b.ok('lead.assign', { leadId, toUnitId: 'unit-tech', toStaffId: 'staff-tech', note: '人工智能方向', rev: d.rev }, OPENID.head);
    expect((await lead(leadId)).participants?.map((p) => p.staffId)).toEqual([MANAGER]);
    expect((await detailAs(leadId, OPENID.carrierManager)).view).toBe('participant');
    // The old handler no longer acts on it.
    expect(await code('lead.shareParticipantContact', { leadId, staffId: MANAGER, shared: true }, OPENID.head)).toBe('AUTH.FORBIDDEN');
    await b.ok('lead.shareParticipantContact', { leadId, staffId: MANAGER, shared: true }, OPENID.tech);

    const removed = await b.ok<{ participants: unknown[] }>('lead.removeParticipant', { leadId, staffId: MANAGER }, OPENID.tech);
    expect(removed.participants).toEqual([]);
    expect(await code('lead.detail', { leadId }, OPENID.carrierManager)).toBe('LEAD.NOT_FOUND');
    expect(await code('lead.revealContact', { leadId }, OPENID.carrierManager)).toBe('LEAD.NOT_FOUND');
    expect(await code('lead.removeParticipant', { leadId, staffId: MANAGER }, OPENID.tech)).toBe('PARTICIPANT.NOT_FOUND');
    expect(await code('lead.shareParticipantContact', { leadId, staffId: 'staff-park', shared: true }, OPENID.tech)).toBe('PARTICIPANT.NOT_FOUND');
    const audit = await b.store.find<{ _id: string; action: string; staffId: string; participantStaffId?: string }>(COLLECTIONS.audit.name, { where: { leadId }, limit: 20 });
    expect(audit.find((a) => a.action === 'participant_removed')).toMatchObject({ staffId: 'staff-tech', participantStaffId: MANAGER });
    const inbox = await b.ok<{ items: unknown[] }>('lead.inbox', { tab: 'participating' }, OPENID.carrierManager);
    expect(inbox.items).toEqual([]);
  });

  it('an inquiry from the carrier’s page brings its staff manager in at intake, told once', async () => {
    const leadId = await submit({ channel: 'direct', carrierId: MANAGED });
    const stored = await lead(leadId);
    expect(stored.participants).toEqual([expect.objectContaining({ staffId: MANAGER, carrierId: MANAGED, addedBy: null, contactSharedAt: null })]);
    const added = (await events(leadId)).filter((e) => e.type === 'participant_added');
    expect(added).toHaveLength(1);
    expect(added[0].actor.kind).toBe('system');
    expect(await managerMessages()).toHaveLength(1);
    const d = await detailAs(leadId, OPENID.carrierManager);
    expect(d.view).toBe('participant');
    expect(d.lead.phoneMasked).toBeNull();
    // A carrier with an external manager brings nobody in.
    const other = await lead(await submit({ channel: 'direct', carrierId: EXTERNAL }));
    expect(other.participants).toBeUndefined();
  });

  it('a recommendation naming carriers brings their staff managers in and says why the others could not be', async () => {
    const leadId = await submit();
    const r = await b.ok<{ managers: Array<{ carrierId: string; outcome: string }> }>('lead.reply', { leadId, text: '为您推荐以下载体：南岭工业坊、临江金融中心', carrierIds: [MANAGED, EXTERNAL] }, OPENID.head);
    expect(r.managers).toEqual([
      { carrierId: MANAGED, outcome: 'added' },
      { carrierId: EXTERNAL, outcome: 'no_account' },
    ]);
    expect((await lead(leadId)).participantStaffIds).toEqual([MANAGER]);
    const again = await b.ok<{ managers: Array<{ outcome: string }> }>('lead.reply', { leadId, text: '补充：南岭工业坊可随时看房', carrierIds: [MANAGED] }, OPENID.head);
    expect(again.managers).toEqual([{ carrierId: MANAGED, outcome: 'already' }]);
    expect(await managerMessages()).toHaveLength(1);
  });
});
