import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Card } from '../../domain/card/card.schema';
import type { Carrier } from '../../domain/carrier/carrier.schema';
import type { Lead } from '../../domain/lead/lead.schema';
import type { LeadEvent } from '../../domain/lead/lead-event.schema';
import type { OutboxEntry } from '../../cloudfunctions/_lib/notifications';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { PARTICIPATIONS_PER_TRANSACTION } from '../../cloudfunctions/admin/handover';
import { createTestBackend, leadInput, OPENID, type TestBackend } from '../support/test-backend';

type Report = { handoverId: string; status: 'running' | 'done'; pending: number; items: Array<{ kind: string; id: string; status: string }> };

describe('district office: offboarding handover', () => {
  let b: TestBackend;
  let open: string[];
  let closed: string;
  beforeEach(async () => {
    b = await createTestBackend();
    open = [];
    for (let i = 0; i < 3; i += 1) open.push((await b.ok<{ leadId: string }>('lead.submit', leadInput(), OPENID.investorA)).leadId);
    closed = (await b.ok<{ leadId: string }>('lead.submit', leadInput(), OPENID.investorB)).leadId;
    await b.ok('lead.transition', { leadId: closed, to: 'invalid', reason: '重复咨询', rev: 0 }, OPENID.head);
    await b.ok('lead.note', { leadId: open[0], text: '客户下周来访。' }, OPENID.head);
    const building = await b.ok<{ edit: Record<string, unknown> }>('admin.carrier.get', { carrierId: 'building-001' }, OPENID.admin);
    await b.ok('admin.carrier.save', { carrierId: 'building-001', carrier: { ...building.edit, managerStaffId: 'staff-head' } }, OPENID.admin);
  });
  afterEach(() => b.close());

  const lead = (id: string) => b.store.get<Lead>(COLLECTIONS.leads.name, id);
  const events = (id: string) => b.store.find<LeadEvent>(COLLECTIONS.leadEvents.name, { where: { leadId: id }, limit: 100 });

  it('shows everything the person holds before they leave', async () => {
    const { items } = await b.ok<{ items: Array<{ kind: string; id: string }> }>('admin.handover.preview', { staffId: 'staff-head' }, OPENID.admin);
    expect(items.map((i) => `${i.kind}:${i.id}`).sort()).toEqual([...open.map((id) => `lead:${id}`), 'carrier:building-001', 'card:card-staff-head'].sort());
  });

  it('an interrupted handover resumes: nothing lost, duplicated or half-moved; credit and history stay', async () => {
    const realTransaction = b.store.transaction.bind(b.store);
    let calls = 0;
    // The third transaction (the second item) fails as if the function died there.
    b.deps.store.transaction = (async (work: Parameters<typeof realTransaction>[0]) => {
      calls += 1;
      if (calls === 3) throw new Error('container killed');
      return realTransaction(work);
    }) as typeof b.store.transaction;
    const first = await b.ok<Report>('admin.handover.start', { staffId: 'staff-head', successorStaffId: 'staff-commissioner' }, OPENID.admin);
    expect(first.status).toBe('running');
    expect(first.items.filter((i) => i.status === 'moved')).toHaveLength(1);
    expect(first.pending).toBe(4);
    b.deps.store.transaction = realTransaction;

    // Starting again finds the same handover and carries on; resuming after it is done changes nothing.
    const second = await b.ok<Report>('admin.handover.start', { staffId: 'staff-head', successorStaffId: 'staff-commissioner' }, OPENID.admin);
    expect(second).toMatchObject({ handoverId: first.handoverId, status: 'done', pending: 0 });
    const again = await b.ok<Report>('admin.handover.resume', { handoverId: first.handoverId }, OPENID.admin);
    expect(again.items).toEqual(second.items);

    for (const id of open) {
      const l = (await lead(id))!;
      expect(l.handling).toEqual({ unitId: 'unit-invest', staffId: 'staff-commissioner' });
      expect(l.credit.staffId).toBe('staff-head');
      const assigned = (await events(id)).filter((e) => e.type === 'assigned');
      expect(assigned.map((e) => e.data?.handoverId)).toEqual([first.handoverId]);
    }
    expect((await events(open[0])).map((e) => e.type)).toEqual(expect.arrayContaining(['created', 'note', 'assigned']));
    expect((await lead(closed))!.handling.staffId).toBe('staff-head');
    expect((await b.store.get<Carrier>(COLLECTIONS.carriers.name, 'building-001'))).toMatchObject({ managerStaffId: 'staff-commissioner', managerName: '周若岚' });
    expect((await b.store.get<Card>(COLLECTIONS.cards.name, 'card-staff-head'))?.onDutyStaffId).toBe('staff-commissioner');
    // The shared card now names the successor as its contact.
    expect(await b.ok<{ contact: { name: string } | null }>('card.get', { cardId: 'card-staff-head' }, null)).toMatchObject({ contact: { name: '周若岚' } });
    const inbox = await b.ok<{ items: Array<{ id: string }> }>('lead.inbox', { tab: 'mine' }, OPENID.commissioner);
    expect(inbox.items.map((i) => i.id)).toEqual(expect.arrayContaining(open));
    const told = (await b.store.find<OutboxEntry>(COLLECTIONS.outbox.name, { limit: 100 })).filter((o) => o.message.page === 'staff/inbox/index');
    expect(told.map((o) => o.message.toOpenid)).toEqual([OPENID.commissioner]);
  });

  it('one successor per kind, and only within the caller’s reach', async () => {
    const r = await b.ok<Report>('admin.handover.start', { staffId: 'staff-head', successorStaffId: 'staff-commissioner', carrierSuccessorStaffId: 'staff-park' }, OPENID.admin);
    expect(r.status).toBe('done');
    expect((await b.store.get<Carrier>(COLLECTIONS.carriers.name, 'building-001'))?.managerStaffId).toBe('staff-park');
    expect(await b.call('admin.handover.start', { staffId: 'staff-tech', successorStaffId: 'staff-commissioner' }, OPENID.investLeader)).toMatchObject({ ok: false, error: { code: 'STAFF.NOT_FOUND' } });
    expect(await b.call('admin.handover.start', { staffId: 'staff-tech', successorStaffId: 'ws-staff-head' }, OPENID.admin)).toMatchObject({ ok: false, error: { code: 'STAFF.NOT_FOUND' } });
    expect(await b.call('admin.handover.preview', { staffId: 'staff-tech' }, OPENID.wangshanAdmin)).toMatchObject({ ok: false, error: { code: 'STAFF.NOT_FOUND' } });
  });
});

/** s18 put carrier managers on leads; a carrier handed to a successor manager takes those places with it. */
describe('handover of a carrier manager: lead participations move with the carrier', () => {
  const MANAGED = 'factory-002';
  const MANAGER = 'staff-carrier-manager';
  const SUCCESSOR = 'staff-park';
  let b: TestBackend;
  beforeEach(async () => {
    b = await createTestBackend();
  });
  afterEach(() => b.close());

  const lead = async (id: string) => (await b.store.get<Lead>(COLLECTIONS.leads.name, id)) as Lead;
  const events = (id: string) => b.store.find<LeadEvent>(COLLECTIONS.leadEvents.name, { where: { leadId: id }, limit: 100 });
  const handoverEvents = async (id: string) => (await events(id)).filter((e) => e.data?.handoverId !== undefined && e.type.startsWith('participant_'));
  /** A lead from 林致远's card with 沈观澜 brought in for 南岭工业坊. */
  const leadWithManager = async (investor: string = OPENID.investorA) => {
    const leadId = (await b.ok<{ leadId: string }>('lead.submit', leadInput({ source: { channel: 'chat', cardId: 'card-staff-head' } }), investor)).leadId;
    await b.ok('lead.addParticipant', { leadId, carrierId: MANAGED }, OPENID.head);
    return leadId;
  };
  /** Makes the transaction number `n` (counted from now) fail as if the function died there. */
  const failTransaction = (n: number) => {
    const real = b.store.transaction.bind(b.store);
    let calls = 0;
    b.deps.store.transaction = (async (work: Parameters<typeof real>[0]) => {
      calls += 1;
      if (calls === n) throw new Error('container killed');
      return real(work);
    }) as typeof b.store.transaction;
    return () => {
      b.deps.store.transaction = real;
    };
  };

  it('an interrupted handover resumes: each open lead names the successor once, with its event; closed leads keep their history', async () => {
    const open = [await leadWithManager(), await leadWithManager(), await leadWithManager(OPENID.investorB)];
    await b.ok('lead.shareParticipantContact', { leadId: open[0], staffId: MANAGER, shared: true }, OPENID.head);
    const closed = await leadWithManager(OPENID.investorB);
    await b.ok('lead.transition', { leadId: closed, to: 'invalid', reason: '重复咨询', rev: 0 }, OPENID.head);

    // Transaction 1 starts the handover; 2, the carrier item's, dies: neither the carrier nor any participation has moved.
    const restore = failTransaction(2);
    const first = await b.ok<Report>('admin.handover.start', { staffId: MANAGER, successorStaffId: SUCCESSOR }, OPENID.admin);
    restore();
    expect(first.items.find((i) => i.id === MANAGED)?.status).toBe('pending');
    expect((await b.store.get<Carrier>(COLLECTIONS.carriers.name, MANAGED))?.managerStaffId).toBe(MANAGER);
    for (const id of open) expect((await lead(id)).participantStaffIds).toEqual([MANAGER]);

    const done = await b.ok<Report>('admin.handover.resume', { handoverId: first.handoverId }, OPENID.admin);
    expect(done).toMatchObject({ status: 'done', pending: 0 });
    expect((await b.store.get<Carrier>(COLLECTIONS.carriers.name, MANAGED))).toMatchObject({ managerStaffId: SUCCESSOR, managerName: '郑嘉木' });
    for (const id of open) {
      const l = await lead(id);
      // Added when and by whom stays; the investor's contact was shared with a person and is not passed on.
      expect(l.participants).toEqual([expect.objectContaining({ staffId: SUCCESSOR, carrierId: MANAGED, addedBy: 'staff-head', contactSharedAt: null })]);
      expect(l.participantStaffIds).toEqual([SUCCESSOR]);
      expect(l.handling.staffId).toBe('staff-head');
      const moved = await handoverEvents(id);
      expect(moved.map((e) => [e.type, e.data?.staffId, e.data?.fromStaffId])).toEqual([['participant_added', SUCCESSOR, MANAGER]]);
      expect(moved[0].text).toBe('人员交接：郑嘉木（南岭工业坊 载体管理员）接替参与本线索');
    }
    expect((await lead(closed)).participantStaffIds).toEqual([MANAGER]);
    expect(await handoverEvents(closed)).toEqual([]);

    // «我参与的»: the successor sees the open leads, the leaving manager none of them.
    const theirs = await b.ok<{ items: Array<{ id: string }> }>('lead.inbox', { tab: 'participating' }, OPENID.park);
    expect(theirs.items.map((i) => i.id).sort()).toEqual([...open].sort());
    const left = await b.ok<{ items: Array<{ id: string }> }>('lead.inbox', { tab: 'participating' }, OPENID.carrierManager);
    expect(left.items.map((i) => i.id).filter((id) => open.includes(id))).toEqual([]);
    // The successor reads the lead as a participant.
    expect((await b.ok<{ view: string }>('lead.detail', { leadId: open[0] }, OPENID.park)).view).toBe('participant');
  });

  it('the preview and the report list each open-lead participation under the carrier it moves with', async () => {
    const open = [await leadWithManager(), await leadWithManager(OPENID.investorB)];
    const closed = await leadWithManager(OPENID.investorB);
    await b.ok('lead.transition', { leadId: closed, to: 'invalid', reason: '重复咨询', rev: 0 }, OPENID.head);
    const labelOf = async (id: string) => {
      const l = await lead(id);
      return `${l.contact.company} · ${l.need.industry}`;
    };
    type Row = { kind: string; id: string; label: string; carrierId?: string; status?: string; toStaffId?: string };
    const { items } = await b.ok<{ items: Row[] }>('admin.handover.preview', { staffId: MANAGER }, OPENID.admin);
    const at = items.findIndex((i) => i.kind === 'carrier' && i.id === MANAGED);
    expect(at).toBeGreaterThanOrEqual(0);
    // Right after their carrier, one row per open lead; the closed lead does not move and is not listed.
    const rows = items.slice(at + 1, at + 1 + open.length);
    expect(rows.map((r) => r.kind)).toEqual(['participation', 'participation']);
    expect(rows.map((r) => r.id).sort()).toEqual([...open].sort());
    for (const r of rows) expect(r).toEqual({ kind: 'participation', id: r.id, label: await labelOf(r.id), carrierId: MANAGED });
    expect(items.filter((i) => i.kind === 'participation')).toHaveLength(open.length);
    expect(items.some((i) => i.id === closed)).toBe(false);

    // Interrupted at the carrier's item: its participations are reported pending with it, then moved with it.
    const restore = failTransaction(2);
    const first = await b.ok<Report & { items: Row[] }>('admin.handover.start', { staffId: MANAGER, successorStaffId: SUCCESSOR }, OPENID.admin);
    restore();
    const participations = (r: { items: Row[] }) => r.items.filter((i) => i.kind === 'participation');
    expect(participations(first).map((r) => [r.id, r.carrierId, r.status, r.toStaffId]).sort()).toEqual(open.map((id) => [id, MANAGED, 'pending', SUCCESSOR]).sort());
    // `pending` counts the items the handover goes through (a participation is part of its carrier's).
    expect(first.pending).toBe(first.items.filter((i) => i.kind !== 'participation' && i.status === 'pending').length);
    const done = await b.ok<Report & { items: Row[] }>('admin.handover.resume', { handoverId: first.handoverId }, OPENID.admin);
    expect(participations(done).map((r) => [r.id, r.status]).sort()).toEqual(open.map((id) => [id, 'moved']).sort());
    expect(done.items.map((i) => i.kind)).toEqual(items.map((i) => i.kind));
    for (const id of open) expect((await lead(id)).participantStaffIds).toEqual([SUCCESSOR]);
  });

  it('a successor already on the lead keeps their own place; the leaving manager’s goes', async () => {
    const building = await b.ok<{ edit: Record<string, unknown> }>('admin.carrier.get', { carrierId: 'building-001' }, OPENID.admin);
    await b.ok('admin.carrier.save', { carrierId: 'building-001', carrier: { ...building.edit, managerStaffId: SUCCESSOR } }, OPENID.admin);
    const leadId = await leadWithManager();
    await b.ok('lead.addParticipant', { leadId, carrierId: 'building-001' }, OPENID.head);
    await b.ok<Report>('admin.handover.start', { staffId: MANAGER, successorStaffId: SUCCESSOR }, OPENID.admin);
    const l = await lead(leadId);
    expect(l.participants).toEqual([expect.objectContaining({ staffId: SUCCESSOR, carrierId: 'building-001' })]);
    expect(l.participantStaffIds).toEqual([SUCCESSOR]);
    expect((await handoverEvents(leadId)).map((e) => e.type)).toEqual(['participant_removed']);
  });

  it('a carrier on more open leads than one transaction holds moves in batches; dying between them loses and repeats nothing', async () => {
    const model = await lead(await leadWithManager());
    // More leads with the same participation, stored as intake would have stored them.
    const ids = [model._id];
    for (let i = 0; i < PARTICIPATIONS_PER_TRANSACTION + 4; i += 1) {
      const copy = { ...model, _id: `${model._id}-c${String(i).padStart(2, '0')}` };
      await b.store.transaction((tx) => tx.insert(COLLECTIONS.leads.name, copy));
      ids.push(copy._id);
    }
    // Transaction 1 starts the handover, 2 moves the first batch, 3 (the last batch with the carrier) dies.
    const restore = failTransaction(3);
    const first = await b.ok<Report>('admin.handover.start', { staffId: MANAGER, successorStaffId: SUCCESSOR }, OPENID.admin);
    restore();
    const movedBefore = (await Promise.all(ids.map(lead))).filter((l) => l.participantStaffIds?.includes(SUCCESSOR)).length;
    expect(movedBefore).toBe(ids.length - PARTICIPATIONS_PER_TRANSACTION);
    expect((await b.store.get<Carrier>(COLLECTIONS.carriers.name, MANAGED))?.managerStaffId).toBe(MANAGER);

    expect(await b.ok<Report>('admin.handover.resume', { handoverId: first.handoverId }, OPENID.admin)).toMatchObject({ status: 'done', pending: 0 });
    for (const id of ids) {
      expect((await lead(id)).participantStaffIds).toEqual([SUCCESSOR]);
      expect((await handoverEvents(id)).map((e) => e.type)).toEqual(['participant_added']);
    }
    expect((await b.store.get<Carrier>(COLLECTIONS.carriers.name, MANAGED))?.managerStaffId).toBe(SUCCESSOR);
  });
});

describe('handover writes leads through the lead repository', () => {
  it('names no lead collection and writes no lead event itself: recordLeadChangeIn carries the rev and event rule', () => {
    const source = readFileSync(join(__dirname, '../../cloudfunctions/admin/handover.ts'), 'utf8');
    expect(source).toContain('recordLeadChangeIn(');
    expect(source).not.toMatch(/LEADS_COLLECTION|insertLeadEvent|COLLECTIONS\.leads/);
  });
});
