import type { Card } from '../card/card.schema';
import type { District } from '../org/district.schema';
import type { Staff } from '../org/staff.schema';
import type { Unit } from '../org/unit.schema';
import type { PoolRules } from '../org/pool-rules.schema';
import type { WorkingCalendar } from '../calendar/working-calendar.schema';
import type { Lead } from './lead.schema';
import { isOpen } from './lead-status.rules';
import { addWorkingHours } from './sla.rules';

export interface Routing {
  credit: { staffId: string | null; unitId: string | null };
  handling: { unitId: string; staffId: string | null };
}

/**
 * Where a new lead goes. Credit (who brought it) and handling (who works it) are separate on purpose:
 * a lead from the education bureau head's card is handled by the investment bureau, and the education
 * bureau keeps the credit in the quarterly 擂台赛.
 */
export const routeLead = (input: {
  district: District;
  card: Card | null;
  /** The credited person: nearest staff sharer in the share chain, else the card owner. */
  creditedStaff: Staff | null;
  creditedUnit: Unit | null;
  cardOwner: Staff | null;
  cardOwnerUnit: Unit | null;
  onDutyOfCard: Staff | null;
}): Routing => {
  const { district, card, creditedStaff, creditedUnit, cardOwner, cardOwnerUnit, onDutyOfCard } = input;
  const credit = { staffId: creditedStaff?._id ?? null, unitId: creditedUnit?._id ?? creditedStaff?.unitId ?? null };
  const active = (s: Staff | null): s is Staff => !!s && s.status === 'active';

  if (card && active(onDutyOfCard)) return { credit, handling: { unitId: onDutyOfCard.unitId, staffId: onDutyOfCard._id } };
  if (active(cardOwner) && cardOwnerUnit?.isEconomic) return { credit, handling: { unitId: cardOwnerUnit._id, staffId: cardOwner._id } };
  // Non-economic units, missing owners and card-less leads go to the investment bureau's pool.
  return { credit, handling: { unitId: district.investmentBureauUnitId, staffId: null } };
};

/** Why a staff member may not claim a lead from the 待认领 pool (null: they may). */
export const poolClaimRefusal = (
  staff: Pick<Staff, '_id' | 'unitId' | 'districtId' | 'status'>,
  lead: Pick<Lead, 'districtId' | 'status' | 'handling'>,
  heldOpen: number,
  rules: PoolRules,
): 'LEAD.NOT_IN_POOL' | 'POOL.LIMIT_REACHED' | null => {
  // The pool is a unit's unassigned leads: someone already holds it, or it waits in another unit's pool.
  if (lead.handling.staffId !== null || lead.handling.unitId !== staff.unitId || lead.districtId !== staff.districtId || !isOpen(lead.status)) return 'LEAD.NOT_IN_POOL';
  if (heldOpen >= rules.maxClaimedOpen) return 'POOL.LIMIT_REACHED';
  return null;
};

const WORKING_DAY_HOURS = 8;

/**
 * When a claimed lead goes back to the pool if its holder does nothing more (idle working days after their last
 * action, on the district's calendar), and when they are warned first. The warning never comes before the
 * last action itself (warnDaysBefore ≥ idleReturnDays warns at once on the next tick).
 */
export const poolIdleSchedule = (lastActivity: Date, rules: PoolRules, calendar?: WorkingCalendar): { warnAt: Date; returnAt: Date } => {
  const returnAt = addWorkingHours(lastActivity, rules.idleReturnDays * WORKING_DAY_HOURS, calendar);
  const warnDays = Math.max(0, rules.idleReturnDays - rules.warnDaysBefore);
  const warnAt = rules.warnDaysBefore === 0 ? returnAt : addWorkingHours(lastActivity, warnDays * WORKING_DAY_HOURS, calendar);
  return { warnAt, returnAt };
};

/** What the SLA timer does with a claimed lead whose check time came: nothing yet, warn, or return it. */
export const poolIdleStep = (
  now: Date,
  schedule: { warnAt: Date; returnAt: Date },
  warnedFor: string | null,
): { kind: 'wait'; checkAt: Date } | { kind: 'warn'; checkAt: Date } | { kind: 'return' } => {
  if (now >= schedule.returnAt) return { kind: 'return' };
  if (now >= schedule.warnAt && warnedFor !== schedule.returnAt.toISOString()) return { kind: 'warn', checkAt: schedule.returnAt };
  return { kind: 'wait', checkAt: now >= schedule.warnAt ? schedule.returnAt : schedule.warnAt };
};
