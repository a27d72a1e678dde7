import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Card } from '../../domain/card/card.schema';
import type { Carrier } from '../../domain/carrier/carrier.schema';
import type { Lead } from '../../domain/lead/lead.schema';
import type { LeadEvent } from '../../domain/lead/lead-event.schema';
import type { OutboxEntry } from '../../cloudfunctions/_lib/notifications';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
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

describe('handover writes leads through the lead repository', () => {
  it('names no lead collection and writes no lead event itself: recordLeadChangeIn carries the rev and event rule', () => {
    const source = readFileSync(join(__dirname, '../../cloudfunctions/admin/handover.ts'), 'utf8');
    expect(source).toContain('recordLeadChangeIn(');
    expect(source).not.toMatch(/LEADS_COLLECTION|insertLeadEvent|COLLECTIONS\.leads/);
  });
});
