import type { Lead } from '../../domain/lead/lead.schema';
import type { LeadEvent } from '../../domain/lead/lead-event.schema';
import { isOpen } from '../../domain/lead/lead-status.rules';
import { poolIdleSchedule, poolIdleStep } from '../../domain/lead/routing.rules';
import type { District } from '../../domain/org/district.schema';
import { DEFAULT_POOL_RULES } from '../../domain/org/pool-rules.schema';
import { forEachBounded } from '../_lib/bounded-concurrency';
import type { Deps } from '../_lib/deps';
import { newId } from '../_lib/ids';
import { notifyStaff } from '../_lib/notifications';
import { listEventsOfLeads, recordLeadChange } from '../_lib/repositories/lead.repository';
import { getDistrictsByIds } from '../_lib/repositories/org.repository';
import { findPoolLeadsDueForCheck, type PoolCheckCursor } from '../_lib/repositories/pool-claim.repository';
import { getStaffByIds } from '../_lib/repositories/sla-ladder.repository';

export interface PoolIdleReport {
  poolChecked: number;
  poolWarned: number;
  poolReturned: number;
}

const SYSTEM_ACTOR = { kind: 'system', staffId: null, name: '系统提醒' } as const;

const chinaTime = (iso: string) => {
  const local = new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString();
  return `${local.slice(5, 10).replace('-', '月')}日 ${local.slice(11, 16)}`;
};

/**
 * The SLA timer's pool step: claimed leads whose idle check is due. A holder's own action on the lead (note, reply,
 * call, status, facts, contact reveal) since the claim restarts the idle period; else the holder is warned once
 * (`warnDaysBefore` working days ahead), then the lead goes back to its unit's pool. A lead that left its holder
 * (handed on, handed over, reassigned) or closed only leaves the step. Paged by (check time, id); each lead in its
 * own rev-checked change, so a holder acting at the same moment wins and the next tick re-evaluates.
 */
export const runPoolIdleStep = async (
  deps: Deps,
  now: Date,
  options: { outOfTime: () => boolean; pageSize: number; concurrency: number },
): Promise<PoolIdleReport> => {
  const report: PoolIdleReport = { poolChecked: 0, poolWarned: 0, poolReturned: 0 };
  const districts = new Map<string, District>();
  let after: PoolCheckCursor | null = null;
  while (!options.outOfTime()) {
    const page = await findPoolLeadsDueForCheck(deps.store, now.toISOString(), after, options.pageSize);
    if (page.length === 0) break;
    const missing = page.map((l) => l.districtId).filter((id) => !districts.has(id));
    for (const [id, d] of await getDistrictsByIds(deps.store, missing)) districts.set(id, d);
    const holders = await getStaffByIds(deps.store, page.map((l) => l.pool?.heldBy));
    // The holders' own events since the earliest claim on the page: one request for the page.
    const since = page.reduce((min, l) => (l.pool && l.pool.claimedAt < min ? l.pool.claimedAt : min), now.toISOString());
    const events = await listEventsOfLeads(deps.store, page.map((l) => l._id), { at: { gte: since } });
    await forEachBounded(
      page,
      options.concurrency,
      async (lead) => {
        try {
          report.poolChecked += 1;
          const outcome = await checkLead(deps, lead, districts.get(lead.districtId), events.get(lead._id) ?? [], now);
          if (outcome === 'warned') {
            report.poolWarned += 1;
            await notifyStaff(
              deps,
              [holders.get(lead.pool?.heldBy ?? '') ?? null],
              () => ({ kind: 'lead_followup', page: `staff/lead-detail/index?id=${lead._id}`, fields: { thing1: '认领线索即将退回', thing2: lead.need.industry.slice(0, 20), time3: lead.createdAt } }),
              lead._id,
            );
          }
          if (outcome === 'returned') report.poolReturned += 1;
        } catch (error) {
          deps.log.error('sla.pool_check_failed', { leadId: lead._id, error: error instanceof Error ? error.message : 'unknown' });
        }
      },
      options.outOfTime,
    );
    const last = page[page.length - 1];
    after = { at: last.pool?.checkAt ?? '', id: last._id };
    if (page.length < options.pageSize) break;
  }
  return report;
};

const checkLead = async (deps: Deps, lead: Lead, district: District | undefined, events: readonly LeadEvent[], now: Date): Promise<'waited' | 'warned' | 'returned' | 'left'> => {
  const pool = lead.pool;
  if (!pool) return 'left';
  const at = now.toISOString();
  if (!district || lead.handling.staffId !== pool.heldBy || !isOpen(lead.status)) {
    await recordLeadChange(deps.store, lead, { 'pool.checkAt': null }, [], null);
    return 'left';
  }
  const lastAction = events.filter((e) => e.actor.kind === 'staff' && e.actor.staffId === pool.heldBy).reduce((max, e) => (e.at > max ? e.at : max), pool.claimedAt);
  const rules = district.poolRules ?? DEFAULT_POOL_RULES;
  const schedule = poolIdleSchedule(new Date(lastAction), rules, district.workingCalendar);
  const step = poolIdleStep(now, schedule, pool.warnedFor);
  const event = (type: LeadEvent['type'], text: string): LeadEvent => ({ _id: newId('ev', now, deps.randomBytes), leadId: lead._id, districtId: lead.districtId, type, actor: SYSTEM_ACTOR, text, at });
  if (step.kind === 'wait') {
    await recordLeadChange(deps.store, lead, { 'pool.checkAt': step.checkAt.toISOString() }, [], null);
    return 'waited';
  }
  if (step.kind === 'warn') {
    const text = `认领后 ${rules.idleReturnDays - rules.warnDaysBefore} 个工作日没有跟进，如仍无进展将于 ${chinaTime(schedule.returnAt.toISOString())} 退回待认领`;
    const set = { 'pool.checkAt': step.checkAt.toISOString(), 'pool.warnedFor': schedule.returnAt.toISOString(), updatedAt: at };
    return (await recordLeadChange(deps.store, lead, set, [event('pool_return_warned', text)], lead._rev)) ? 'warned' : 'waited';
  }
  const set = { 'handling.staffId': null, pool: null, updatedAt: at };
  const text = `认领后 ${rules.idleReturnDays} 个工作日没有跟进，已退回待认领`;
  return (await recordLeadChange(deps.store, lead, set, [event('pool_returned', text)], lead._rev)) ? 'returned' : 'waited';
};
