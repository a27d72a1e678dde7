import type { Lead } from '../../domain/lead/lead.schema';
import type { LeadEventType } from '../../domain/lead/lead-event.schema';
import { escalationLevel, nextFollowUpDue } from '../../domain/lead/sla.rules';
import type { District } from '../../domain/org/district.schema';
import type { Deps } from '../_lib/deps';
import { newId } from '../_lib/ids';
import { deliver, MAX_ATTEMPTS, notifyStaff, type OutboxEntry } from '../_lib/notifications';
import { findLeads, insertLeadEvent, LEADS_COLLECTION } from '../_lib/repositories/lead.repository';
import { onDutyStaffIdAt } from '../_lib/repositories/duty-rota.repository';
import { getDistrict, getUnit } from '../_lib/repositories/org.repository';
import { getStaff } from '../_lib/repositories/staff.repository';
import { COLLECTIONS } from '../_lib/store/collections';

export interface SlaTickReport {
  scanned: number;
  reminded: number;
  leaderCopied: number;
  reassigned: number;
  followUpsReminded: number;
  notificationsRetried: number;
}

const BATCH = 200;

const STEP_EVENT: Record<1 | 2 | 3, LeadEventType> = { 1: 'sla_reminded', 2: 'sla_leader_copied', 3: 'sla_reassigned' };

/**
 * The SLA ladder, run by a timer (cloud timer trigger; an interval in the local cloud). For each lead still
 * waiting for its first response: remind the handler at 1×, copy the unit leader at 2×, and at 3× hand it to
 * the district's on-duty commissioner (or back to the pool). Every rung is applied once, even if a timer
 * run was missed. Answered, open leads that went quiet for followUpDays get a follow-up reminder. Then failed
 * notifications are retried.
 */
export const runSlaTick = async (deps: Deps): Promise<SlaTickReport> => {
  const now = deps.clock();
  const report: SlaTickReport = { scanned: 0, reminded: 0, leaderCopied: 0, reassigned: 0, followUpsReminded: 0, notificationsRetried: 0 };
  const districts = new Map<string, Promise<District | null>>();
  const districtOf = (id: string) => {
    if (!districts.has(id)) districts.set(id, getDistrict(deps.store, id));
    return districts.get(id) as Promise<District | null>;
  };

  const waiting = await findLeads(deps.store, {
    where: { 'sla.firstRespondedAt': null, status: 'new', 'sla.escalation': { lt: 3 } },
    orderBy: [{ field: 'createdAt', direction: 'asc' }, { field: '_id', direction: 'asc' }],
    limit: BATCH,
  });
  for (const lead of waiting) {
    report.scanned += 1;
    const district = await districtOf(lead.districtId);
    if (!district) continue;
    const level = escalationLevel(new Date(lead.createdAt), now, district.sla);
    if (level === 0 || level <= lead.sla.escalation) continue;
    try {
      await escalate(deps, lead, district, level, now, report);
    } catch (error) {
      deps.log.error('sla.escalate_failed', { leadId: lead._id, error: error instanceof Error ? error.message : 'unknown' });
    }
  }

  const followUps = await findLeads(deps.store, {
    where: { 'sla.followUpDueAt': { lt: now.toISOString() } },
    orderBy: [{ field: 'sla.followUpDueAt', direction: 'asc' }],
    limit: BATCH,
  });
  for (const lead of followUps) {
    const district = await districtOf(lead.districtId);
    if (!district) continue;
    try {
      if (await remindFollowUp(deps, lead, district, now)) report.followUpsReminded += 1;
    } catch (error) {
      deps.log.error('sla.followup_failed', { leadId: lead._id, error: error instanceof Error ? error.message : 'unknown' });
    }
  }

  const failed = await deps.store.find<OutboxEntry>(COLLECTIONS.outbox.name, {
    where: { status: 'failed', attempts: { lt: MAX_ATTEMPTS } },
    orderBy: [{ field: 'createdAt', direction: 'asc' }],
    limit: 50,
  });
  for (const entry of failed) {
    await deliver(deps, entry);
    report.notificationsRetried += 1;
  }
  return report;
};

/** One reminder per follow-up period to whoever handles an answered, still-open lead that went quiet. */
const remindFollowUp = async (deps: Deps, lead: Lead, district: District, now: Date): Promise<boolean> => {
  const next = nextFollowUpDue(now, lead.status, district.sla);
  const at = now.toISOString();
  const applied = await deps.store.transaction(async (tx) => {
    const ok = await tx.update(LEADS_COLLECTION, lead._id, { set: { 'sla.followUpDueAt': next ? next.toISOString() : null, updatedAt: at } }, { ifRev: lead._rev });
    if (!ok || !next) return false;
    await insertLeadEvent(tx, {
      _id: newId('ev', now, deps.randomBytes),
      leadId: lead._id,
      districtId: lead.districtId,
      type: 'followup_reminded',
      actor: { kind: 'system', staffId: null, name: '系统提醒' },
      text: `已 ${district.sla.followUpDays} 天没有跟进，请联系投资者并更新进展`,
      at,
    });
    return true;
  });
  if (!applied) return false;
  const handler = lead.handling.staffId ? await getStaff(deps.store, lead.handling.staffId) : null;
  const unit = handler ? null : await getUnit(deps.store, lead.handling.unitId);
  const leader = unit?.leaderStaffId ? await getStaff(deps.store, unit.leaderStaffId) : null;
  await notifyStaff(
    deps,
    [handler ?? leader],
    () => ({ kind: 'lead_followup', page: `staff/lead-detail/index?id=${lead._id}`, fields: { thing1: '线索待跟进', thing2: lead.need.industry.slice(0, 20), time3: lead.createdAt } }),
    lead._id,
  );
  return true;
};

const escalate = async (deps: Deps, lead: Lead, district: District, level: 1 | 2 | 3, now: Date, report: SlaTickReport) => {
  const at = now.toISOString();
  const handler = lead.handling.staffId ? await getStaff(deps.store, lead.handling.staffId) : null;
  const unit = await getUnit(deps.store, lead.handling.unitId);
  const leader = unit?.leaderStaffId ? await getStaff(deps.store, unit.leaderStaffId) : null;
  // The rota's commissioner for today, else the district's standing one.
  const onDutyId = await onDutyStaffIdAt(deps.store, district, now);
  const onDuty = onDutyId ? await getStaff(deps.store, onDutyId) : null;

  let handling = lead.handling;
  if (level === 3) {
    handling = onDuty && onDuty.status === 'active' && onDuty._id !== lead.handling.staffId
      ? { unitId: onDuty.unitId, staffId: onDuty._id }
      : { unitId: district.investmentBureauUnitId, staffId: null };
  }
  const applied = await deps.store.transaction(async (tx) => {
    const ok = await tx.update(LEADS_COLLECTION, lead._id, { set: { 'sla.escalation': level, handling, updatedAt: at } }, { ifRev: lead._rev });
    if (!ok) return false; // someone acted on the lead meanwhile: the next run re-evaluates it
    for (let step = (lead.sla.escalation + 1) as 1 | 2 | 3; step <= level; step = (step + 1) as 1 | 2 | 3) {
      await insertLeadEvent(tx, {
        _id: newId('ev', now, deps.randomBytes),
        leadId: lead._id,
        districtId: lead.districtId,
        type: STEP_EVENT[step],
        actor: { kind: 'system', staffId: null, name: '系统提醒' },
        text: step === 3 ? '超时未回复，已转交值班招商专员' : step === 2 ? '超时未回复，已抄送单位负责人' : '已到首次回复时限，请尽快联系',
        at,
      });
    }
    return true;
  });
  if (!applied) return;

  const message = { kind: 'lead_overdue' as const, page: `staff/lead-detail/index?id=${lead._id}`, fields: { thing1: '咨询超时未回复'.slice(0, 20), thing2: lead.need.industry.slice(0, 20), time3: lead.createdAt } };
  const recipients = [handler ?? onDuty];
  if (level >= 2) recipients.push(leader);
  if (level === 3 && handling.staffId) recipients.push(await getStaff(deps.store, handling.staffId));
  await notifyStaff(deps, recipients, () => message, lead._id);
  if (level >= 1 && lead.sla.escalation < 1) report.reminded += 1;
  if (level >= 2 && lead.sla.escalation < 2) report.leaderCopied += 1;
  if (level === 3) report.reassigned += 1;
};
