import { DomainError } from '../../domain/common/result';
import type { Lead } from '../../domain/lead/lead.schema';
import type { Staff } from '../../domain/org/staff.schema';
import type { ActionContext } from '../_lib/define-action';
import type { Deps } from '../_lib/deps';
import { canActOnLead, canViewLead } from '../_lib/lead-access';
import { getLead } from '../_lib/repositories/lead.repository';

export const staffOf = (ctx: ActionContext): Staff => {
  if (ctx.actor.kind !== 'staff') throw new DomainError('AUTH.FORBIDDEN');
  return ctx.actor.staff;
};

/**
 * Loads a lead for a staff action. A lead the caller may not see answers exactly like a missing one, so ids
 * of other units' or districts' leads cannot be probed.
 */
export const loadLeadFor = async (deps: Deps, ctx: ActionContext, leadId: string, need: 'view' | 'act'): Promise<{ lead: Lead; staff: Staff }> => {
  const staff = staffOf(ctx);
  const lead = await getLead(deps.store, leadId);
  if (!lead || !canViewLead(staff, lead)) throw new DomainError('LEAD.NOT_FOUND');
  if (need === 'act' && !canActOnLead(staff, lead)) throw new DomainError('AUTH.FORBIDDEN');
  return { lead, staff };
};

/** The first real response (reply, logged call, status change) stops the SLA clock. */
export const firstResponseFields = (lead: Lead, now: Date): Record<string, unknown> =>
  lead.sla.firstRespondedAt ? {} : { 'sla.firstRespondedAt': now.toISOString(), 'sla.escalation': 0 };
