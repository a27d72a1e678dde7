import { DomainError } from '../../domain/common/result';
import type { Lead } from '../../domain/lead/lead.schema';
import type { Staff } from '../../domain/org/staff.schema';
import { requireStaff, type ActionContext } from '../_lib/define-action';
import type { Deps } from '../_lib/deps';
import { canActOnLead, canViewLead } from '../_lib/lead-access';
import { getLead } from '../_lib/repositories/lead.repository';
import { getDistrict } from '../_lib/repositories/org.repository';
import { nextFollowUpDue } from '../../domain/lead/sla.rules';
import { contactStopped, isAnonymised } from '../../domain/privacy/anonymisation.rules';

/**
 * Loads a lead for a staff action. A lead the caller may not see answers exactly like a missing one, so ids
 * of other units' or districts' leads cannot be probed.
 */
export const loadLeadFor = async (deps: Deps, ctx: ActionContext, leadId: string, need: 'view' | 'act'): Promise<{ lead: Lead; staff: Staff }> => {
  const staff = requireStaff(ctx);
  const lead = await getLead(deps.store, leadId);
  if (!lead || !canViewLead(staff, lead)) throw new DomainError('LEAD.NOT_FOUND');
  if (need === 'act' && !canActOnLead(staff, lead)) throw new DomainError('AUTH.FORBIDDEN');
  return { lead, staff };
};

/** Contacting the investor (reveal, reply): refused once they withdrew consent or their data was erased. */
export const requireContactAllowed = (lead: Lead): void => {
  if (isAnonymised(lead)) throw new DomainError('PRIVACY.ERASED');
  if (contactStopped(lead)) throw new DomainError('PRIVACY.CONSENT_WITHDRAWN');
};

/**
 * A real response (reply, logged call, status change, note) stops the first-response clock the first time,
 * and every time restarts the follow-up period.
 */
export const responseFields = async (deps: Deps, lead: Lead, now: Date, status: string = lead.status): Promise<Record<string, unknown>> => {
  const district = await getDistrict(deps.store, lead.districtId);
  // The investor withdrew consent: nobody is reminded to contact them again.
  const due = district && !contactStopped(lead) ? nextFollowUpDue(now, status, district.sla) : null;
  return {
    // Answered: off the SLA ladder (the timer selects leads by their next rung's due time).
    ...(lead.sla.firstRespondedAt ? {} : { 'sla.firstRespondedAt': now.toISOString(), 'sla.escalation': 0, 'sla.nextEscalationAt': null }),
    'sla.followUpDueAt': due ? due.toISOString() : null,
  };
};
