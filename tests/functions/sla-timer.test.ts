import type { Lead } from '../../domain/lead/lead.schema';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { unscheduleDistrictLadder } from '../../cloudfunctions/_lib/repositories/sla-ladder.repository';
import { runSlaTick } from '../../cloudfunctions/sla-timer/run-sla-tick';
import { outboxNotifier } from '../../tools/local-cloud/outbox-notifier';
import { DEMO_DISTRICT_ID } from '../../tools/seed/demo-district';
import { createTestBackend, leadInput, OPENID, type TestBackend } from '../support/test-backend';

const notified = async (b: TestBackend, kind: string) =>
  (await b.store.find<{ _id: string; message: { toOpenid: string; kind: string } }>(COLLECTIONS.outbox.name, { where: { 'message.kind': kind }, limit: 50 })).map((o) => o.message.toOpenid);

describe('SLA ladder (controlled clock, working hours)', () => {
  let b: TestBackend;
  let leadId: string;
  beforeEach(async () => {
    b = await createTestBackend({ now: '2026-11-30T01:00:00.000Z' }); // Monday 09:00 CST
    ({ leadId } = await b.ok<{ leadId: string }>('lead.submit', leadInput({ source: { channel: 'chat', cardId: 'card-staff-tech' } }), OPENID.investorA));
  });
  afterEach(() => b.close());
  const lead = async () => (await b.store.get<Lead>(COLLECTIONS.leads.name, leadId)) as Lead;

  it('does nothing before the deadline', async () => {
    b.clock.set('2026-11-30T08:59:00.000Z'); // Monday 16:59
    expect(await runSlaTick(b.deps)).toMatchObject({ scanned: 1, reminded: 0 });
    expect((await lead()).sla.escalation).toBe(0);
  });

  it('reminds at 1×, copies the unit leader at 2×, hands to the on-duty commissioner at 3×, once each', async () => {
    b.clock.set('2026-12-01T01:00:00.000Z'); // Tuesday 09:00 = 8 working hours
    expect(await runSlaTick(b.deps)).toMatchObject({ reminded: 1, leaderCopied: 0, reassigned: 0 });
    expect(await runSlaTick(b.deps)).toMatchObject({ reminded: 0 });
    expect(await notified(b, 'lead_overdue')).toEqual([OPENID.tech]);

    b.clock.set('2026-12-02T01:00:00.000Z'); // 16 h
    expect(await runSlaTick(b.deps)).toMatchObject({ leaderCopied: 1 });

    b.clock.set('2026-12-03T01:00:00.000Z'); // 24 h
    expect(await runSlaTick(b.deps)).toMatchObject({ reassigned: 1 });
    const l = await lead();
    expect(l.handling).toEqual({ unitId: 'unit-invest', staffId: 'staff-commissioner' });
    expect(l.credit.staffId).toBe('staff-tech');
    expect(l.sla.escalation).toBe(3);
    expect(await notified(b, 'lead_overdue')).toContain(OPENID.commissioner);
    const events = await b.store.find<{ _id: string; type: string }>(COLLECTIONS.leadEvents.name, { where: { leadId }, limit: 20 });
    expect(events.map((e) => e.type).filter((t) => t.startsWith('sla_'))).toEqual(['sla_reminded', 'sla_leader_copied', 'sla_reassigned']);
  });

  it('a missed timer applies every rung it skipped in one run', async () => {
    b.clock.set('2026-12-04T01:00:00.000Z');
    expect(await runSlaTick(b.deps)).toMatchObject({ reminded: 1, leaderCopied: 1, reassigned: 1 });
  });

  it('the first real response stops the clock', async () => {
    b.clock.set('2026-11-30T03:00:00.000Z');
    await b.ok('lead.note', { leadId, text: '已电话联系，约周四见面', kind: 'call_logged' }, OPENID.tech);
    b.clock.set('2026-12-04T01:00:00.000Z');
    expect(await runSlaTick(b.deps)).toMatchObject({ scanned: 0, reminded: 0 });
    expect((await lead()).sla.firstRespondedAt).toBe('2026-11-30T03:00:00.000Z');
  });

  it('after the first response, an open lead that goes quiet gets one follow-up reminder per period', async () => {
    b.clock.set('2026-11-30T03:00:00.000Z');
    await b.ok('lead.reply', { leadId, text: '您好，已收到，周四电话沟通' }, OPENID.tech);
    const rev = (await lead())._rev;
    await b.ok('lead.transition', { leadId, to: 'contacted', rev }, OPENID.tech);
    expect((await lead()).sla.followUpDueAt).toBe('2026-12-07T03:00:00.000Z');

    b.clock.set('2026-12-07T02:59:00.000Z');
    expect(await runSlaTick(b.deps)).toMatchObject({ followUpsReminded: 0 });
    b.clock.set('2026-12-07T03:01:00.000Z');
    expect(await runSlaTick(b.deps)).toMatchObject({ followUpsReminded: 1, reminded: 0 });
    expect(await runSlaTick(b.deps)).toMatchObject({ followUpsReminded: 0 });
    expect(await notified(b, 'lead_followup')).toEqual([OPENID.tech]);
    expect((await lead()).sla.followUpDueAt).toBe('2026-12-14T03:01:00.000Z');

    // A note restarts the period; closing the lead ends follow-ups.
    b.clock.set('2026-12-10T03:00:00.000Z');
    await b.ok('lead.note', { leadId, text: '客户下周来访' }, OPENID.tech);
    expect((await lead()).sla.followUpDueAt).toBe('2026-12-17T03:00:00.000Z');
    await b.ok('lead.transition', { leadId, to: 'invalid', reason: '客户取消计划', rev: (await lead())._rev }, OPENID.tech);
    expect((await lead()).sla.followUpDueAt).toBeNull();
    b.clock.set('2027-01-30T03:00:00.000Z');
    expect(await runSlaTick(b.deps)).toMatchObject({ followUpsReminded: 0 });
  });

  it('at 2× the unit leader is copied: the message goes to the handler and to the leader of the handling unit', async () => {
    // The head's card routes to him (unit-invest); unit-invest's leader is 陈启航.
    const { leadId: headLead } = await b.ok<{ leadId: string }>('lead.submit', leadInput(), OPENID.investorB);
    const overdueFor = async (id: string) =>
      (await b.store.find<{ _id: string; leadId: string; message: { toOpenid: string; kind: string } }>(COLLECTIONS.outbox.name, { where: { leadId: id, 'message.kind': 'lead_overdue' }, limit: 50 })).map((o) => o.message.toOpenid);
    b.clock.set('2026-12-01T01:00:00.000Z');
    await runSlaTick(b.deps);
    expect(await overdueFor(headLead)).toEqual([OPENID.head]);
    b.clock.set('2026-12-02T01:00:00.000Z');
    expect(await runSlaTick(b.deps)).toMatchObject({ leaderCopied: 2 });
    expect((await overdueFor(headLead)).sort()).toEqual([OPENID.head, OPENID.head, OPENID.investLeader].sort());
    // The tech lead's unit has no leader: only its handler hears of it again.
    expect(await overdueFor(leadId)).toEqual([OPENID.tech, OPENID.tech]);
  });

  it('a lead answered after it was scheduled leaves the ladder and is never reminded', async () => {
    await runSlaTick(b.deps); // places it on the schedule
    expect((await lead()).sla.nextEscalationAt).toBe('2026-11-30T09:00:00.000Z'); // Monday 17:00 CST
    b.clock.set('2026-11-30T03:00:00.000Z');
    await b.ok('lead.reply', { leadId, text: '您好，已收到' }, OPENID.tech);
    expect((await lead()).sla.nextEscalationAt).toBeNull();
    b.clock.set('2026-12-04T01:00:00.000Z');
    expect(await runSlaTick(b.deps)).toMatchObject({ scanned: 0, reminded: 0, leaderCopied: 0, reassigned: 0 });
  });

  it('after a district tightens its SLA, unscheduling its ladder applies the new deadline at the next tick', async () => {
    await runSlaTick(b.deps); // scheduled for Monday 17:00 under the 8-hour promise
    const district = DEMO_DISTRICT_ID;
    const before = (await b.store.get<{ _id: string; sla: Record<string, number> }>(COLLECTIONS.districts.name, district)) as { _id: string; sla: Record<string, number> };
    await b.store.update(COLLECTIONS.districts.name, district, { set: { sla: { ...before.sla, firstResponseHours: 4 } } });
    b.clock.set('2026-11-30T05:30:00.000Z'); // Monday 13:30: past 4 working hours, not 8
    expect(await runSlaTick(b.deps)).toMatchObject({ reminded: 0 }); // still on the old schedule
    expect(await unscheduleDistrictLadder(b.store, district)).toBe(1);
    expect(await runSlaTick(b.deps)).toMatchObject({ reminded: 1 });
    expect((await lead()).sla.nextEscalationAt).toBe('2026-11-30T09:00:00.000Z'); // 2× of 4 h: Monday 17:00
  });

  it('a tick out of time takes no new work, and the next tick does it', async () => {
    b.clock.set('2026-12-01T01:00:00.000Z');
    expect(await runSlaTick(b.deps, { elapsedMs: () => 60_000 })).toMatchObject({ outOfTime: true, scanned: 0, reminded: 0 });
    expect((await lead()).sla.escalation).toBe(0);
    expect(await runSlaTick(b.deps)).toMatchObject({ outOfTime: false, reminded: 1 });
  });

  it('a notification that keeps failing is tried 5 times in all, then left alone', async () => {
    const failing = await createTestBackend({ notifier: outboxNotifier({ failFirst: 1_000 }) });
    try {
      await failing.ok('lead.submit', leadInput(), OPENID.investorA);
      const retried: number[] = [];
      for (let tick = 0; tick < 8; tick += 1) retried.push((await runSlaTick(failing.deps)).notificationsRetried);
      expect(retried).toEqual([1, 1, 1, 1, 0, 0, 0, 0]);
      const [entry] = await failing.store.find<{ _id: string; status: string; attempts: number }>(COLLECTIONS.outbox.name, { limit: 1 });
      expect(entry).toMatchObject({ status: 'failed', attempts: 5 });
    } finally {
      await failing.close();
    }
  });

  it('a failed notification is recorded and retried by the next tick; the lead never waits for it', async () => {
    const flaky = await createTestBackend({ notifier: outboxNotifier({ failFirst: 1 }) });
    try {
      await flaky.ok('lead.submit', leadInput(), OPENID.investorA);
      expect(await flaky.store.count(COLLECTIONS.leads.name)).toBe(1);
      const [entry] = await flaky.store.find<{ _id: string; status: string; lastError: string }>(COLLECTIONS.outbox.name, { limit: 1 });
      expect(entry).toMatchObject({ status: 'failed', lastError: 'subscription_missing' });
      expect(await runSlaTick(flaky.deps)).toMatchObject({ notificationsRetried: 1 });
      const [after] = await flaky.store.find<{ _id: string; status: string; attempts: number }>(COLLECTIONS.outbox.name, { limit: 1 });
      expect(after).toMatchObject({ status: 'sent', attempts: 2 });
    } finally {
      await flaky.close();
    }
  });
});
