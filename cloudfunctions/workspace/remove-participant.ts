import { removeParticipantContract } from '../../domain/api/lead-participant.contracts';
import { DomainError } from '../../domain/common/result';
import { removeParticipant } from '../../domain/lead/lead-participant.rules';
import { defineAction } from '../_lib/define-action';
import { newId } from '../_lib/ids';
import { changeLeadParticipants } from '../_lib/repositories/lead-participant.repository';
import { toParticipantViews } from './lead-participants';
import { createNameCache } from './lead-views';
import { loadLeadFor } from './load-lead';

/** 移出: whoever may act on the lead (its handler, the unit's leader, an admin) takes a participant off it, audited. */
export const removeParticipantAction = defineAction(removeParticipantContract, async (deps, ctx, input) => {
  const { lead, staff } = await loadLeadFor(deps, ctx, input.leadId, 'act');
  const names = createNameCache(deps);
  const at = ctx.now.toISOString();
  const participantName = (await names.staffName(input.staffId)) ?? '';
  const { lead: after } = await changeLeadParticipants(deps.store, lead._id, (fresh) => {
    const fields = removeParticipant(fresh, input.staffId);
    if (!fields) throw new DomainError('PARTICIPANT.NOT_FOUND', ['staffId']);
    return {
      fields,
      events: [
        {
          _id: newId('ev', ctx.now, deps.randomBytes),
          leadId: fresh._id,
          districtId: fresh.districtId,
          type: 'participant_removed',
          actor: { kind: 'staff', staffId: staff._id, name: staff.name },
          text: `将 ${participantName} 移出本线索`,
          data: { staffId: input.staffId },
          at,
        },
      ],
      audit: [{ _id: newId('aud', ctx.now, deps.randomBytes), action: 'participant_removed', leadId: fresh._id, districtId: fresh.districtId, staffId: staff._id, participantStaffId: input.staffId, at }],
    };
  });
  if (!after) throw new DomainError('LEAD.NOT_FOUND');
  return { participants: await toParticipantViews(after, names) };
});
