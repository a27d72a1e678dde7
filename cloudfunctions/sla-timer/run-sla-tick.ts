import type { Lead } from '../../domain/lead/lead.schema';
import type { LeadEvent, LeadEventType } from '../../domain/lead/lead-event.schema';
import { escalationLevel, nextEscalationDue, nextFollowUpDue } from '../../domain/lead/sla.rules';
import type { District } from '../../domain/org/district.schema';
import type { Staff } from '../../domain/org/staff.schema';
import type { Unit } from '../../domain/org/unit.schema';
import { forEachBounded } from '../_lib/bounded-concurrency';
import type { Deps } from '../_lib/deps';
import { newId } from '../_lib/ids';
import { deliver, dropNotification, findRetryableNotifications, investorContactStopped, notifyStaff } from '../_lib/notifications';
import { getLeadsByIds } from '../_lib/repositories/privacy.repository';
import { purgeExpiredRateCounters } from '../_lib/rate-limit';
import { recordLeadChange, scheduleEscalation } from '../_lib/repositories/lead.repository';
import { getDistrict } from '../_lib/repositories/org.repository';
import {
  findLeadsDueForEscalation,
  findLeadsDueForFollowUp,
  findLeadsToSchedule,
  getStaffByIds,
  getUnitsByIds,
  type DueCursor,
} from '../_lib/repositories/sla-ladder.repository';
import { dropPastViewMarks } from '../_lib/repositories/view-count.repository';
import { getDutyDay } from '../_lib/repositories/duty-rota.repository';
import { onDutyStaffIdFor } from '../../domain/org/duty-rota.rules';
import { chinaDay } from '../../domain/share/view-stats.rules';
import { contactStopped, NEVER_DUE } from '../../domain/privacy/anonymisation.rules';
import { anonymiseExpiredLeads } from './retention-purge';
import { dropStaleChunks } from '../_lib/repositories/import-chunk.repository';
import { runPoolIdleStep, type PoolIdleReport } from './pool-idle-step';
import { expireStalePhotoChecks, type PhotoCheckTimeoutReport } from './photo-check-timeout-step';
import { SLA_TICK_BUDGET_MS, SLA_TICK_CONCURRENCY, SLA_TICK_PAGE } from './sla-tick-budget';

/** Stale upload chunks removed per tick at most (each a small delete); the next tick continues. */
export const UPLOAD_CHUNKS_DROPPED_PER_TICK = 200;

export interface SlaTickReport extends PoolIdleReport, PhotoCheckTimeoutReport {
  /** Leads the ladder looked at (scheduled, due, or needing their schedule repaired). */
  scanned: number;
  /** Leads given their first due time. */
  scheduled: number;
  reminded: number;
  leaderCopied: number;
  reassigned: number;
  followUpsReminded: number;
  notificationsRetried: number;
  /** Failed investor notifications dropped instead of retried: the investor withdrew consent or was erased since. */
  notificationsDropped: number;
  countersPurged: number;
  /** Per-day view dedupe marks of past days dropped (the per-day unique sets must not outlive their day). */
  viewMarksDropped: number;
  /** Closed leads past the district's retention period whose personal data was anonymised. */
  retentionAnonymised: number;
  /** Chunks of uploads older than a day (abandoned photos, imports long read) removed. */
  uploadChunksDropped: number;
  /** The tick reached its time budget and left the rest to the next tick. */
  outOfTime: boolean;
}

export interface SlaTickOptions {
  /** Stop taking new work after this many milliseconds (defaults to the function's budget). */
  budgetMs?: number;
  /** Milliseconds elapsed since the tick started; injectable so a test can make requests "take" time. */
  elapsedMs?: () => number;
  concurrency?: number;
  pageSize?: number;
}

const STEP_EVENT: Record<1 | 2 | 3, LeadEventType> = { 1: 'sla_reminded', 2: 'sla_leader_copied', 3: 'sla_reassigned' };
const STEP_TEXT: Record<1 | 2 | 3, string> = { 1: '已到首次回复时限，请尽快联系', 2: '超时未回复，已抄送单位负责人', 3: '超时未回复，已转交值班招商专员' };
const SYSTEM_ACTOR = { kind: 'system', staffId: null, name: '系统提醒' } as const;
const RETRIES_PER_TICK = 50;
const COUNTERS_PURGED_PER_TICK = 200;

/** What one page of leads needs, read in one request per collection (districts once per tick). */
interface PageContext {
  district: (id: string) => District | undefined;
  unit: (id: string) => Unit | undefined;
  staff: (id: string | null | undefined) => Staff | null;
  onDuty: (districtId: string) => Staff | null;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : 'unknown');

/**
 * The SLA ladder, run by a timer (cloud timer trigger; an interval in the local cloud). For each lead still
 * waiting for its first response: remind the handler at 1×, copy the unit leader at 2×, and at 3× hand it to
 * the district's on-duty commissioner (or back to the pool). Every rung is applied once, even if a timer run
 * was missed. Leads are chosen by when their next rung is due (`sla.nextEscalationAt`), so however many leads
 * were already reminded, the ones due next are reached. Answered, open leads that went quiet for followUpDays
 * get a follow-up reminder. Then failed notifications are retried and expired rate counters purged, and carrier
 * photos whose image check never answered are sent to it once more, then taken off (`expireStalePhotoChecks`).
 * A tick stops taking new work at its time budget; the next tick continues.
 */
export const runSlaTick = async (deps: Deps, options: SlaTickOptions = {}): Promise<SlaTickReport> => {
  const now = deps.clock();
  const nowIso = now.toISOString();
  const startedAt = Date.now();
  const elapsedMs = options.elapsedMs ?? (() => Date.now() - startedAt);
  const budgetMs = options.budgetMs ?? SLA_TICK_BUDGET_MS;
  const concurrency = options.concurrency ?? SLA_TICK_CONCURRENCY;
  const pageSize = options.pageSize ?? SLA_TICK_PAGE;
  const report: SlaTickReport = {
    scanned: 0,
    scheduled: 0,
    reminded: 0,
    leaderCopied: 0,
    reassigned: 0,
    followUpsReminded: 0,
    notificationsRetried: 0,
    notificationsDropped: 0,
    countersPurged: 0,
    viewMarksDropped: 0,
    retentionAnonymised: 0,
    uploadChunksDropped: 0,
    poolChecked: 0,
    poolWarned: 0,
    poolReturned: 0,
    photoChecksRetried: 0,
    photoChecksTimedOut: 0,
    outOfTime: false,
  };
  const outOfTime = () => {
    if (elapsedMs() >= budgetMs) report.outOfTime = true;
    return report.outOfTime;
  };

  const districts = new Map<string, District | null>();
  // Who is on duty today per district: the rota's entry, else the standing commissioner (read once per tick).
  const onDutyToday = new Map<string, string | null>();
  const contextFor = async (leads: readonly Lead[]): Promise<PageContext> => {
    const missing = [...new Set(leads.map((l) => l.districtId))].filter((id) => !districts.has(id));
    await Promise.all(
      missing.map(async (id) => {
        const [district, dutyDay] = await Promise.all([getDistrict(deps.store, id), getDutyDay(deps.store, id, chinaDay(now))]);
        districts.set(id, district);
        onDutyToday.set(id, district ? onDutyStaffIdFor(district, dutyDay) : null);
      }),
    );
    const units = await getUnitsByIds(deps.store, leads.map((l) => l.handling.unitId));
    const staff = await getStaffByIds(deps.store, [
      ...leads.map((l) => l.handling.staffId),
      ...[...units.values()].map((u) => u.leaderStaffId),
      ...onDutyToday.values(),
    ]);
    return {
      district: (id) => districts.get(id) ?? undefined,
      unit: (id) => units.get(id),
      staff: (id) => (id ? staff.get(id) ?? null : null),
      onDuty: (districtId) => {
        const id = onDutyToday.get(districtId);
        return id ? staff.get(id) ?? null : null;
      },
    };
  };

  const guarded = (what: string, work: (lead: Lead) => Promise<void>) => async (lead: Lead) => {
    try {
      await work(lead);
    } catch (error) {
      deps.log.error(what, { leadId: lead._id, error: errorText(error) });
    }
  };

  /** Pages through `read` by (due time, id) until nothing is left or the budget is spent. */
  const pageThrough = async (read: (after: DueCursor | null) => Promise<Lead[]>, dueOf: (lead: Lead) => string, work: (lead: Lead, page: PageContext) => Promise<void>, what: string) => {
    let after: DueCursor | null = null;
    while (!outOfTime()) {
      const page = await read(after);
      if (page.length === 0) return;
      const context = await contextFor(page);
      await forEachBounded(page, concurrency, guarded(what, (lead) => work(lead, context)), outOfTime);
      const last = page[page.length - 1];
      after = { at: dueOf(last), id: last._id };
      if (page.length < pageSize) return;
    }
  };

  const climb = (lead: Lead, page: PageContext) => climbLadder(deps, lead, page, now, report);

  // 1. Leads not on the schedule yet (new ones) are placed on it, or climb at once if already due.
  for (const rung of [0, 1, 2] as const) {
    let afterId: string | null = null;
    while (!outOfTime()) {
      const page: Lead[] = await findLeadsToSchedule(deps.store, rung, afterId, pageSize);
      if (page.length === 0) break;
      const context = await contextFor(page);
      await forEachBounded(page, concurrency, guarded('sla.schedule_failed', (lead) => climb(lead, context)), outOfTime);
      afterId = page[page.length - 1]._id;
      if (page.length < pageSize) break;
    }
  }

  // 2. Leads whose next rung is due.
  await pageThrough(
    (after) => findLeadsDueForEscalation(deps.store, nowIso, after, pageSize),
    (lead) => lead.sla.nextEscalationAt ?? '',
    climb,
    'sla.escalate_failed',
  );

  // 3. Answered, open leads that went quiet.
  await pageThrough(
    (after) => findLeadsDueForFollowUp(deps.store, nowIso, after, pageSize),
    (lead) => lead.sla.followUpDueAt ?? '',
    async (lead, page) => {
      if (await remindFollowUp(deps, lead, page, now)) report.followUpsReminded += 1;
    },
    'sla.followup_failed',
  );

  // 3b. Claimed pool leads gone idle: warn the holder, then back to the pool.
  try {
    Object.assign(report, await runPoolIdleStep(deps, now, { outOfTime, pageSize, concurrency }));
  } catch (error) {
    // The next tick tries again; the ladder above has already run.
    deps.log.error('sla.pool_step_failed', { error: errorText(error) });
  }

  // 4. Notifications that failed before, and 5. rate counters whose window has passed.
  if (!outOfTime()) {
    const failed = await findRetryableNotifications(deps.store, RETRIES_PER_TICK);
    // The lead's privacy state as it is now, for the whole page in one read: a notification that failed before
    // the investor withdrew consent (or was erased) is dropped, audited, never sent.
    const leads = await getLeadsByIds(deps.store, failed.map((e) => e.leadId).filter((id): id is string => id !== null));
    await forEachBounded(
      failed,
      concurrency,
      async (entry) => {
        const lead = entry.leadId ? leads.get(entry.leadId) : undefined;
        const stopped = lead ? investorContactStopped(entry, lead) : null;
        if (lead && stopped) {
          const at = now.toISOString();
          const audit = {
            _id: newId('adm', now, deps.randomBytes),
            districtId: lead.districtId,
            action: 'notification.drop',
            target: { kind: 'lead' as const, id: lead._id },
            staffId: null,
            actorName: '系统（通知重试）',
            at,
            before: { notificationId: entry._id, kind: entry.message.kind, status: entry.status, attempts: entry.attempts },
            after: { status: 'dropped', reason: stopped },
          };
          if (await dropNotification(deps.store, entry._id, stopped, at, audit)) report.notificationsDropped += 1;
          return;
        }
        await deliver(deps, entry);
        report.notificationsRetried += 1;
      },
      outOfTime,
    );
  }
  if (!outOfTime()) {
    try {
      report.countersPurged = await purgeExpiredRateCounters(deps.store, now, COUNTERS_PURGED_PER_TICK);
    } catch (error) {
      deps.log.error('sla.purge_failed', { error: errorText(error) });
    }
  }
  if (!outOfTime()) {
    try {
      report.viewMarksDropped = await dropPastViewMarks(deps.store, chinaDay(now), { concurrency, stop: outOfTime });
    } catch (error) {
      // The next tick tries again; the ladder above has already run.
      deps.log.error('views.marks_drop_failed', { error: errorText(error) });
    }
  }
  // 6. The retention period: closed leads' personal data anonymised (bounded per tick).
  if (!outOfTime()) {
    try {
      report.retentionAnonymised = await anonymiseExpiredLeads(deps, now, outOfTime);
    } catch (error) {
      deps.log.error('privacy.retention_failed', { error: errorText(error) });
    }
  }
  // 7. Upload chunks nobody finished with (bounded per tick, oldest first).
  if (!outOfTime()) {
    try {
      report.uploadChunksDropped = await dropStaleChunks(deps.store, now, UPLOAD_CHUNKS_DROPPED_PER_TICK, outOfTime);
    } catch (error) {
      deps.log.error('sla.chunks_drop_failed', { error: errorText(error) });
    }
  }
  // 8. Carrier photos whose check never answered: sent once more, then taken off (never shown unchecked).
  if (!outOfTime()) {
    try {
      Object.assign(report, await expireStalePhotoChecks(deps, now, outOfTime));
    } catch (error) {
      deps.log.error('sla.photo_checks_failed', { error: errorText(error) });
    }
  }
  return report;
};

/**
 * One lead on the ladder: climbs the rungs it has reached (each once, with its event and notifications), or
 * just keeps its due time right (first placement, settings changed, answered meanwhile).
 */
const climbLadder = async (deps: Deps, lead: Lead, page: PageContext, now: Date, report: SlaTickReport): Promise<void> => {
  report.scanned += 1;
  const district = page.district(lead.districtId);
  if (!district) {
    deps.log.error('sla.district_missing', { leadId: lead._id });
    return;
  }
  const scheduled = lead.sla.nextEscalationAt ?? null;
  // Consent withdrawn: nobody is reminded to contact the investor; the lead stays off the ladder for good.
  if (contactStopped(lead)) {
    if (scheduled !== NEVER_DUE) await scheduleEscalation(deps.store, lead, NEVER_DUE);
    return;
  }
  if (lead.sla.firstRespondedAt !== null || lead.status !== 'new' || lead.sla.escalation >= 3) {
    if (scheduled !== null) await scheduleEscalation(deps.store, lead, null);
    return;
  }
  const createdAt = new Date(lead.createdAt);
  const level = escalationLevel(createdAt, now, district.sla, district.workingCalendar);
  if (level <= lead.sla.escalation) {
    const due = nextEscalationDue(createdAt, lead.sla.escalation, district.sla, district.workingCalendar)?.toISOString() ?? null;
    if (due === scheduled) return;
    await scheduleEscalation(deps.store, lead, due);
    if (scheduled === null) report.scheduled += 1;
    return;
  }
  await escalate(deps, lead, district, page, level as 1 | 2 | 3, now, report);
};

/** One reminder per follow-up period to whoever handles an answered, still-open lead that went quiet. */
const remindFollowUp = async (deps: Deps, lead: Lead, page: PageContext, now: Date): Promise<boolean> => {
  const district = page.district(lead.districtId);
  if (!district) return false;
  if (contactStopped(lead)) {
    await recordLeadChange(deps.store, lead, { 'sla.followUpDueAt': null }, [], null);
    return false;
  }
  const next = nextFollowUpDue(now, lead.status, district.sla);
  const at = now.toISOString();
  const events: LeadEvent[] = next
    ? [
        {
          _id: newId('ev', now, deps.randomBytes),
          leadId: lead._id,
          districtId: lead.districtId,
          type: 'followup_reminded',
          actor: SYSTEM_ACTOR,
          text: `已 ${district.sla.followUpDays} 天没有跟进，请联系投资者并更新进展`,
          at,
        },
      ]
    : [];
  const applied = await recordLeadChange(deps.store, lead, { 'sla.followUpDueAt': next ? next.toISOString() : null, updatedAt: at }, events, lead._rev);
  if (!applied || !next) return false;
  const handler = page.staff(lead.handling.staffId);
  const unit = handler ? undefined : page.unit(lead.handling.unitId);
  const leader = page.staff(unit?.leaderStaffId);
  await notifyStaff(
    deps,
    [handler ?? leader],
    () => ({ kind: 'lead_followup', page: `staff/lead-detail/index?id=${lead._id}`, fields: { thing1: '线索待跟进', thing2: lead.need.industry.slice(0, 20), time3: lead.createdAt } }),
    lead._id,
  );
  return true;
};

const escalate = async (deps: Deps, lead: Lead, district: District, page: PageContext, level: 1 | 2 | 3, now: Date, report: SlaTickReport) => {
  const at = now.toISOString();
  const handler = page.staff(lead.handling.staffId);
  const leader = page.staff(page.unit(lead.handling.unitId)?.leaderStaffId);
  // The rota's commissioner for today, else the district's standing one.
  const onDuty = page.onDuty(district._id);

  let handling = lead.handling;
  if (level === 3) {
    handling = onDuty && onDuty.status === 'active' && onDuty._id !== lead.handling.staffId
      ? { unitId: onDuty.unitId, staffId: onDuty._id }
      : { unitId: district.investmentBureauUnitId, staffId: null };
  }
  const events: LeadEvent[] = [];
  for (let step = (lead.sla.escalation + 1) as 1 | 2 | 3; step <= level; step = (step + 1) as 1 | 2 | 3) {
    events.push({ _id: newId('ev', now, deps.randomBytes), leadId: lead._id, districtId: lead.districtId, type: STEP_EVENT[step], actor: SYSTEM_ACTOR, text: STEP_TEXT[step], at });
  }
  const next = nextEscalationDue(new Date(lead.createdAt), level, district.sla, district.workingCalendar);
  const set = { 'sla.escalation': level, 'sla.nextEscalationAt': next ? next.toISOString() : null, handling, updatedAt: at };
  // Someone acted on the lead meanwhile: nothing written, and the next run re-evaluates it.
  if (!(await recordLeadChange(deps.store, lead, set, events, lead._rev))) return;

  const message = { kind: 'lead_overdue' as const, page: `staff/lead-detail/index?id=${lead._id}`, fields: { thing1: '咨询超时未回复'.slice(0, 20), thing2: lead.need.industry.slice(0, 20), time3: lead.createdAt } };
  const recipients = [handler ?? onDuty];
  if (level >= 2) recipients.push(leader);
  if (level === 3 && handling.staffId) recipients.push(page.staff(handling.staffId));
  await notifyStaff(deps, recipients, () => message, lead._id);
  if (lead.sla.escalation < 1) report.reminded += 1;
  if (level >= 2 && lead.sla.escalation < 2) report.leaderCopied += 1;
  if (level === 3) report.reassigned += 1;
};
