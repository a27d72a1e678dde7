import { addNoteContract } from '../../domain/api/workspace.contracts';
import { DomainError } from '../../domain/common/result';
import { participantOf } from '../../domain/lead/lead-participant.rules';
import { defineAction } from '../_lib/define-action';
import { canActOnLead } from '../_lib/lead-access';
import { newId } from '../_lib/ids';
import { recordLeadChange } from '../_lib/repositories/lead.repository';
import { loadLeadFor, responseFields } from './load-lead';

/** Append-only follow-up notes; a logged call counts as the first response; a participant's note is theirs. */
export const addNoteAction = defineAction(addNoteContract, async (deps, ctx, input) => {
  const { lead, staff } = await loadLeadFor(deps, ctx, input.leadId, 'view');
  const eventId = newId('ev', ctx.now, deps.randomBytes);
  const at = ctx.now.toISOString();
  if (!canActOnLead(staff, lead)) {
    // A carrier manager brought in may leave a note for the handler («可提供 3 200 ㎡，三楼»); it is no response
    // to the investor, so the SLA clocks do not move. Nobody else who merely sees the lead writes on it.
    if (!participantOf(lead, staff._id) || input.kind !== 'note') throw new DomainError('AUTH.FORBIDDEN');
    await recordLeadChange(
      deps.store,
      lead,
      {},
      [{ _id: eventId, leadId: lead._id, districtId: lead.districtId, type: 'participant_note', actor: { kind: 'staff', staffId: staff._id, name: staff.name }, text: input.text, at }],
      null,
    );
    return { eventId };
  }
  // A logged call is a first response; a plain note only counts as follow-up once the investor has been answered.
  const counts = input.kind === 'call_logged' || lead.sla.firstRespondedAt !== null;
  const activity = counts ? await responseFields(deps, lead, ctx.now) : {};
  // Notes append: no rev check. A plain note before the first response changes nothing on the lead itself.
  await recordLeadChange(
    deps.store,
    lead,
    counts ? { ...activity, updatedAt: at } : {},
    [{ _id: eventId, leadId: lead._id, districtId: lead.districtId, type: input.kind, actor: { kind: 'staff', staffId: staff._id, name: staff.name }, text: input.text, at }],
    null,
  );
  return { eventId };
});
