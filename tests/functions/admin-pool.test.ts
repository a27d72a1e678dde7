import type { Lead } from '../../domain/lead/lead.schema';
import type { District } from '../../domain/org/district.schema';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { runSlaTick } from '../../cloudfunctions/sla-timer/run-sla-tick';
import { holdCountsUntilAllArrive } from '../support/count-barrier';
import { createTestBackend, leadInput, OPENID, type TestBackend } from '../support/test-backend';

type Detail = { rev: number; canAct: boolean; events: Array<{ type: string; actorName: string; text: string | null }> };

const getLead = async (b: TestBackend, id: string) => (await b.store.get<Lead>(COLLECTIONS.leads.name, id))!;

/** A lead investor A sent from the head's card, put back in the investment bureau's pool by its leader. */
const poolLead = async (b: TestBackend): Promise<string> => {
  const { leadId } = await b.ok<{ leadId: string }>('lead.submit', leadInput(), OPENID.investorA);
  const lead = await getLead(b, leadId);
  await b.ok('lead.assign', { leadId, toUnitId: 'unit-invest', note: '', rev: lead._rev }, OPENID.investLeader);
  return leadId;
};

/** Claims and answers at once, so the first-response ladder (which reassigns unanswered leads at 3×) stays out of it. */
const claimAndAnswer = async (b: TestBackend, leadId: string, openid: string) => {
  await b.ok('lead.poolClaim', { leadId }, openid);
  await b.ok('lead.reply', { leadId, text: '您好，已收到，我来跟进。' }, openid);
  return (await getLead(b, leadId))._rev;
};

const setPoolRules = (b: TestBackend, rules: { maxClaimedOpen: number; idleReturnDays: number; warnDaysBefore: number }) => b.ok('admin.pool.update', rules, OPENID.admin);

describe('认领 from the 待认领 pool', () => {
  let b: TestBackend;
  beforeEach(async () => {
    b = await createTestBackend();
  });
  afterEach(() => b.close());

  it('a unit member claims a pool lead: it becomes theirs, with an event, and leaves the pool tab', async () => {
    const leadId = await poolLead(b);
    const pool = await b.ok<{ items: Array<{ id: string }>; counts: { pool: number; mine: number } }>('lead.inbox', { tab: 'pool' }, OPENID.commissioner);
    expect(pool.items.map((i) => i.id)).toEqual([leadId]);
    const claimed = await b.ok<{ held: number; limit: number; returnsAt: string }>('lead.poolClaim', { leadId }, OPENID.commissioner);
    expect(claimed).toMatchObject({ held: 1, limit: 20 });
    // Five working days from Monday 10:00: the next Monday 10:00 China time.
    expect(claimed.returnsAt).toBe('2026-12-07T02:00:00.000Z');
    const lead = await getLead(b, leadId);
    expect(lead.handling).toEqual({ unitId: 'unit-invest', staffId: 'staff-commissioner' });
    expect(lead.pool).toMatchObject({ heldBy: 'staff-commissioner', warnedFor: null });
    const detail = await b.ok<Detail>('lead.detail', { leadId }, OPENID.commissioner);
    expect(detail.canAct).toBe(true);
    expect(detail.events.at(-1)).toMatchObject({ type: 'pool_claimed', actorName: '周若岚' });
    const after = await b.ok<{ counts: { pool: number; mine: number } }>('lead.inbox', { tab: 'pool' }, OPENID.commissioner);
    expect(after.counts).toMatchObject({ pool: 0, mine: 1 });
  });

  it('two people claiming the same lead at once: exactly one wins, the other gets a typed error', async () => {
    const leadId = await poolLead(b);
    const [a, c] = await Promise.all([b.call('lead.poolClaim', { leadId }, OPENID.commissioner), b.call('lead.poolClaim', { leadId }, OPENID.admin)]);
    const results = [a, c];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const loser = results.find((r) => !r.ok);
    expect(loser).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^LEAD\.(ALREADY_CLAIMED|NOT_IN_POOL)$/) } });
    const lead = await getLead(b, leadId);
    const winner = a.ok ? 'staff-commissioner' : 'staff-admin';
    expect(lead.handling.staffId).toBe(winner);
    const claims = (await b.ok<Detail>('lead.detail', { leadId }, OPENID.investLeader)).events.filter((e) => e.type === 'pool_claimed');
    expect(claims).toHaveLength(1);
  });

  it('a claim with the rev the page showed loses to one that came first', async () => {
    const leadId = await poolLead(b);
    const { rev } = await b.ok<Detail>('lead.detail', { leadId }, OPENID.commissioner);
    await b.ok('lead.poolClaim', { leadId, rev }, OPENID.admin);
    expect(await b.call('lead.poolClaim', { leadId, rev }, OPENID.commissioner)).toMatchObject({ ok: false, error: { code: 'LEAD.NOT_IN_POOL' } });
    expect((await getLead(b, leadId)).handling.staffId).toBe('staff-admin');
  });

  it('refuses a lead someone holds, another unit’s pool, and a stale rev, writing nothing', async () => {
    const { leadId: held } = await b.ok<{ leadId: string }>('lead.submit', leadInput(), OPENID.investorA);
    expect(await b.call('lead.poolClaim', { leadId: held }, OPENID.commissioner)).toMatchObject({ ok: false, error: { code: 'LEAD.NOT_IN_POOL' } });
    const leadId = await poolLead(b);
    // 科技局 cannot even see the investment bureau's pool lead.
    expect(await b.call('lead.poolClaim', { leadId }, OPENID.tech)).toMatchObject({ ok: false, error: { code: 'LEAD.NOT_FOUND' } });
    const before = await getLead(b, leadId);
    expect(await b.call('lead.poolClaim', { leadId, rev: before._rev - 1 }, OPENID.commissioner)).toMatchObject({ ok: false, error: { code: 'LEAD.CONCURRENT_UPDATE' } });
    expect(await getLead(b, leadId)).toEqual(before);
  });

  it('refuses past the district’s limit with a clear message; a closed lead no longer counts', async () => {
    await setPoolRules(b, { maxClaimedOpen: 1, idleReturnDays: 5, warnDaysBefore: 1 });
    const first = await poolLead(b);
    const second = await poolLead(b);
    const { rev } = await b.ok<{ rev: number }>('lead.poolClaim', { leadId: first }, OPENID.commissioner);
    const refused = await b.call('lead.poolClaim', { leadId: second }, OPENID.commissioner);
    expect(refused).toMatchObject({ ok: false, error: { code: 'POOL.LIMIT_REACHED', message: expect.stringContaining('已达本区上限') } });
    expect((await getLead(b, second)).handling.staffId).toBeNull();
    await b.ok('lead.transition', { leadId: first, to: 'invalid', reason: '重复咨询', rev }, OPENID.commissioner);
    await b.ok('lead.poolClaim', { leadId: second }, OPENID.commissioner);
  });

  it('two claims one person sends at the same moment never exceed the limit (both count before either writes)', async () => {
    await setPoolRules(b, { maxClaimedOpen: 1, idleReturnDays: 5, warnDaysBefore: 1 });
    const first = await poolLead(b);
    const second = await poolLead(b);
    const barrier = holdCountsUntilAllArrive(b.store, 'pool.heldBy', 2);
    try {
      const results = await Promise.all([b.call('lead.poolClaim', { leadId: first }, OPENID.commissioner), b.call('lead.poolClaim', { leadId: second }, OPENID.commissioner)]);
      expect(barrier.met).toBe(true);
      expect(results.filter((r) => r.ok)).toEqual([expect.objectContaining({ data: expect.objectContaining({ held: 1, limit: 1 }) })]);
      expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'POOL.LIMIT_REACHED' } });
    } finally {
      barrier.release();
    }
    const held = [await getLead(b, first), await getLead(b, second)].filter((l) => l.handling.staffId === 'staff-commissioner');
    expect(held).toHaveLength(1);
    const loser = [first, second].find((id) => id !== held[0]._id)!;
    // The refused claim wrote nothing: the lead is still in the pool, without a claim event.
    expect((await getLead(b, loser)).pool ?? null).toBeNull();
    const events = await b.store.find<{ _id: string; type: string }>(COLLECTIONS.leadEvents.name, { where: { leadId: loser }, orderBy: [{ field: 'at', direction: 'asc' }], limit: 50 });
    expect(events.map((e) => e.type)).not.toContain('pool_claimed');
  });

  it('three claims at once under a limit of two: two win, and the third is refused', async () => {
    await setPoolRules(b, { maxClaimedOpen: 2, idleReturnDays: 5, warnDaysBefore: 1 });
    const leads = [await poolLead(b), await poolLead(b), await poolLead(b)];
    const barrier = holdCountsUntilAllArrive(b.store, 'pool.heldBy', 3);
    try {
      const results = await Promise.all(leads.map((leadId) => b.call('lead.poolClaim', { leadId }, OPENID.commissioner)));
      expect(barrier.met).toBe(true);
      expect(results.filter((r) => r.ok)).toHaveLength(2);
      expect(results.filter((r) => !r.ok)).toEqual([expect.objectContaining({ error: expect.objectContaining({ code: 'POOL.LIMIT_REACHED' }) })]);
    } finally {
      barrier.release();
    }
    expect((await Promise.all(leads.map((id) => getLead(b, id)))).filter((l) => l.handling.staffId === 'staff-commissioner')).toHaveLength(2);
  });

  it('the SLA timer warns the holder a working day before, then returns the idle lead to the pool', async () => {
    const leadId = await poolLead(b);
    await claimAndAnswer(b, leadId, OPENID.commissioner);
    // Thursday 10:00 China: four working days idle — not yet.
    b.clock.set('2026-12-03T01:00:00.000Z');
    expect(await runSlaTick(b.deps)).toMatchObject({ poolWarned: 0, poolReturned: 0 });
    // Friday 10:00: one working day before the return.
    b.clock.set('2026-12-04T02:00:00.000Z');
    expect(await runSlaTick(b.deps)).toMatchObject({ poolWarned: 1, poolReturned: 0 });
    expect(await runSlaTick(b.deps)).toMatchObject({ poolWarned: 0, poolReturned: 0 });
    const warned = await b.store.find<{ _id: string; message: { toOpenid: string; kind: string } }>(COLLECTIONS.outbox.name, { where: { 'message.kind': 'lead_followup' }, limit: 5 });
    expect(warned.map((o) => o.message.toOpenid)).toEqual([OPENID.commissioner]);
    // The next Monday 10:00: five working days, back to the pool.
    b.clock.set('2026-12-07T02:00:00.000Z');
    expect(await runSlaTick(b.deps)).toMatchObject({ poolReturned: 1 });
    const lead = await getLead(b, leadId);
    expect(lead.handling).toEqual({ unitId: 'unit-invest', staffId: null });
    expect(lead.pool).toBeNull();
    const events = (await b.ok<Detail>('lead.detail', { leadId }, OPENID.investLeader)).events.map((e) => e.type).filter((t) => t.startsWith('pool_'));
    expect(events).toEqual(['pool_claimed', 'pool_return_warned', 'pool_returned']);
    expect(await runSlaTick(b.deps)).toMatchObject({ poolChecked: 0 });
  });

  it('a holder’s own action restarts the idle period', async () => {
    const leadId = await poolLead(b);
    await claimAndAnswer(b, leadId, OPENID.commissioner);
    b.clock.set('2026-12-03T02:00:00.000Z');
    await b.ok('lead.note', { leadId, text: '已约周五电话。' }, OPENID.commissioner);
    b.clock.set('2026-12-07T02:00:00.000Z');
    expect(await runSlaTick(b.deps)).toMatchObject({ poolReturned: 0, poolWarned: 0 });
    expect((await getLead(b, leadId)).handling.staffId).toBe('staff-commissioner');
    // Thursday's note + 5 working days: the next Thursday 10:00.
    b.clock.set('2026-12-10T02:00:00.000Z');
    expect(await runSlaTick(b.deps)).toMatchObject({ poolReturned: 1 });
  });

  it('a lead handed on after the claim only leaves the step', async () => {
    const leadId = await poolLead(b);
    const rev = await claimAndAnswer(b, leadId, OPENID.commissioner);
    await b.ok('lead.assign', { leadId, toUnitId: 'unit-tech', toStaffId: 'staff-tech', note: '', rev }, OPENID.commissioner);
    b.clock.set('2026-12-08T02:00:00.000Z');
    expect(await runSlaTick(b.deps)).toMatchObject({ poolChecked: 1, poolReturned: 0, poolWarned: 0 });
    expect((await getLead(b, leadId)).handling).toEqual({ unitId: 'unit-tech', staffId: 'staff-tech' });
    expect(await runSlaTick(b.deps)).toMatchObject({ poolChecked: 0 });
  });
});

describe('pool rules in the district office', () => {
  let b: TestBackend;
  beforeEach(async () => {
    b = await createTestBackend();
  });
  afterEach(() => b.close());

  it('an admin sets them (audited, shown by admin.district.get); bad values are refused and nothing is written', async () => {
    expect((await b.ok<{ poolRules: unknown }>('admin.district.get', {}, OPENID.admin)).poolRules).toEqual({ maxClaimedOpen: 20, idleReturnDays: 5, warnDaysBefore: 1 });
    await setPoolRules(b, { maxClaimedOpen: 8, idleReturnDays: 3, warnDaysBefore: 1 });
    expect((await b.ok<{ poolRules: unknown }>('admin.district.get', {}, OPENID.admin)).poolRules).toEqual({ maxClaimedOpen: 8, idleReturnDays: 3, warnDaysBefore: 1 });
    const audit = await b.store.find<{ _id: string; action: string; before: unknown; after: unknown }>(COLLECTIONS.audit.name, { where: { action: 'district.poolRules' }, limit: 5 });
    expect(audit).toEqual([expect.objectContaining({ before: { maxClaimedOpen: 20, idleReturnDays: 5, warnDaysBefore: 1 }, after: { maxClaimedOpen: 8, idleReturnDays: 3, warnDaysBefore: 1 } })]);
    expect(await b.call('admin.pool.update', { maxClaimedOpen: 8, idleReturnDays: 3, warnDaysBefore: 3 }, OPENID.admin)).toMatchObject({ ok: false, error: { code: 'ADMIN.INVALID_VALUE', fields: ['warnDaysBefore'] } });
    expect(await b.call('admin.pool.update', { maxClaimedOpen: 0, idleReturnDays: 3, warnDaysBefore: 1 }, OPENID.admin)).toMatchObject({ ok: false, error: { code: 'VALIDATION.INVALID_INPUT' } });
    const district = await b.store.get<District>(COLLECTIONS.districts.name, 'demo-linjiang');
    expect(district?.poolRules).toEqual({ maxClaimedOpen: 8, idleReturnDays: 3, warnDaysBefore: 1 });
    expect(await b.call('admin.pool.update', { maxClaimedOpen: 8, idleReturnDays: 3, warnDaysBefore: 1 }, OPENID.cityAdmin)).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
  });
});
