import { confirmStageContract } from '../../domain/api/lead-facts.contracts';
import { DomainError } from '../../domain/common/result';
import type { LeadEvent } from '../../domain/lead/lead-event.schema';
import type { ConfirmableStage, StageConfirmation } from '../../domain/lead/lead-facts.schema';
import type { Lead } from '../../domain/lead/lead.schema';
import { LEAD_STATUS_LABELS } from '../../domain/lead/lead-status.rules';
import { hasReachedStage, isConfirmationDateValid } from '../../domain/lead/stage-confirmation.rules';
import type { District } from '../../domain/org/district.schema';
import type { Staff } from '../../domain/org/staff.schema';
import { defineAction, requireStaff } from '../_lib/define-action';
import { newId } from '../_lib/ids';
import { canViewLead } from '../_lib/lead-access';
import { getLead, listLeadEvents, recordLeadChange } from '../_lib/repositories/lead.repository';
import { getDistrict } from '../_lib/repositories/org.repository';

/** The receiving bureau confirms: members of the district's investment bureau, and its admins. */
export const isConfirmer = (staff: Staff, district: Pick<District, '_id' | 'investmentBureauUnitId'>): boolean =>
  staff.districtId === district._id && (staff.unitId === district.investmentBureauUnitId || staff.roles.includes('admin'));

/** Who moved the lead into `stage` most recently: a stage is confirmed by someone else, never self-reported. */
export const stageRecorder = (events: readonly LeadEvent[], stage: ConfirmableStage): string | null => {
  for (let i = events.length - 1; i >= 0; i -= 1) {
    const e = events[i];
    if (e.type === 'status_changed' && e.data?.to === stage) return e.actor.staffId;
  }
  return null;
};

/** Whether `staff` may confirm a stage of this lead now (the detail page shows the button only then). */
export const canConfirmAny = (staff: Staff, district: District | null, lead: Lead, events: readonly LeadEvent[]): boolean => {
  if (!district || !isConfirmer(staff, district)) return false;
  return (['signed', 'landed'] as const).some((stage) => hasReachedStage(lead.status, stage) && !lead.confirmations?.[stage] && stageRecorder(events, stage) !== staff._id);
};

/** 投资促进局确认 签约 / 落地: a note and the day it happened; audited and shown in the lead's thread. */
export const confirmStageAction = defineAction(confirmStageContract, async (deps, ctx, input) => {
  const staff = requireStaff(ctx);
  const lead = await getLead(deps.store, input.leadId);
  // Another district's lead, or one this person neither sees nor confirms, answers like a missing one.
  if (!lead || lead.districtId !== staff.districtId) throw new DomainError('LEAD.NOT_FOUND');
  const district = await getDistrict(deps.store, lead.districtId);
  if (!district || !isConfirmer(staff, district)) throw new DomainError(canViewLead(staff, lead) ? 'AUTH.FORBIDDEN' : 'LEAD.NOT_FOUND');
  if (!hasReachedStage(lead.status, input.stage)) throw new DomainError('LEAD.STAGE_NOT_REACHED', ['stage']);
  if (lead.confirmations?.[input.stage]) throw new DomainError('LEAD.STAGE_ALREADY_CONFIRMED', ['stage']);
  if (!isConfirmationDateValid(input.date, lead.createdAt, ctx.now)) throw new DomainError('LEAD.CONFIRM_DATE_INVALID', ['date']);
  const events = await listLeadEvents(deps.store, lead._id);
  if (stageRecorder(events, input.stage) === staff._id) throw new DomainError('LEAD.SELF_CONFIRMATION');
  if (lead._rev !== input.rev) throw new DomainError('LEAD.CONCURRENT_UPDATE');
  const at = ctx.now.toISOString();
  const confirmation: StageConfirmation = { staffId: staff._id, staffName: staff.name, note: input.note, date: input.date, at };
  const saved = await recordLeadChange(
    deps.store,
    lead,
    { confirmations: { ...(lead.confirmations ?? {}), [input.stage]: confirmation }, updatedAt: at },
    [
      {
        _id: newId('ev', ctx.now, deps.randomBytes),
        leadId: lead._id,
        districtId: lead.districtId,
        type: 'stage_confirmed',
        actor: { kind: 'staff', staffId: staff._id, name: staff.name },
        text: `投资促进局确认${LEAD_STATUS_LABELS[input.stage]}（${input.date}）：${input.note}`,
        data: { stage: input.stage, date: input.date },
        at,
      },
    ],
    input.rev,
    [{ _id: newId('aud', ctx.now, deps.randomBytes), action: 'stage_confirmed', leadId: lead._id, districtId: lead.districtId, staffId: staff._id, at, stage: input.stage }],
  );
  if (!saved) throw new DomainError('LEAD.CONCURRENT_UPDATE');
  return { rev: input.rev + 1, confirmation };
});
