import { shareParticipantContactContract } from '../../domain/api/lead-participant.contracts';
import { DomainError } from '../../domain/common/result';
import { setContactShared, participantOf } from '../../domain/lead/lead-participant.rules';
import { defineAction } from '../_lib/define-action';
import { newId } from '../_lib/ids';
import { changeLeadParticipants } from '../_lib/repositories/lead-participant.repository';
import { toParticipantViews } from './lead-participants';
import { createNameCache } from './lead-views';
import { loadLeadFor, requireContactAllowed } from './load-lead';

/**
 * 共享联系方式 / 取消共享: the handler lets one participant reveal the contact, or takes it back. Each change is an
 * event on the lead and a line in the audit log; asking for the state that already holds writes nothing.
 */
export const shareParticipantContactAction = defineAction(shareParticipantContactContract, async (deps, ctx, input) => {
  const { lead, staff } = await loadLeadFor(deps, ctx, input.leadId, 'act');
  // Nobody is given a contact the investor no longer lets anyone use; taking it back is always allowed.
  if (input.shared) requireContactAllowed(lead);
  const names = createNameCache(deps);
  const at = ctx.now.toISOString();
  const type = input.shared ? 'participant_contact_shared' : 'participant_contact_unshared';
  const participantName = (await names.staffName(input.staffId)) ?? '';
  const { lead: after } = await changeLeadParticipants(deps.store, lead._id, (fresh) => {
    const current = participantOf(fresh, input.staffId);
    if (!current) throw new DomainError('PARTICIPANT.NOT_FOUND', ['staffId']);
    if ((current.contactSharedAt !== null) === input.shared) return null;
    const fields = setContactShared(fresh, input.staffId, input.shared ? at : null);
    if (!fields) throw new DomainError('PARTICIPANT.NOT_FOUND', ['staffId']);
    return {
      fields,
      events: [
        {
          _id: newId('ev', ctx.now, deps.randomBytes),
          leadId: fresh._id,
          districtId: fresh.districtId,
          type,
          actor: { kind: 'staff', staffId: staff._id, name: staff.name },
          text: input.shared ? `向 ${participantName} 共享了投资者联系方式` : `取消了 ${participantName} 的联系方式共享`,
          data: { staffId: input.staffId },
          at,
        },
      ],
      audit: [{ _id: newId('aud', ctx.now, deps.randomBytes), action: type, leadId: fresh._id, districtId: fresh.districtId, staffId: staff._id, participantStaffId: input.staffId, at }],
    };
  });
  if (!after) throw new DomainError('LEAD.NOT_FOUND');
  return { participants: await toParticipantViews(after, names) };
});
