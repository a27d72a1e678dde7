import { transitionLeadContract } from '../../domain/api/workspace.contracts';
import { DomainError } from '../../domain/common/result';
import { canTransition, LEAD_STATUS_LABELS } from '../../domain/lead/lead-status.rules';
import { defineAction } from '../_lib/define-action';
import { newId } from '../_lib/ids';
import { recordLeadChange } from '../_lib/repositories/lead.repository';
import { loadLeadFor, responseFields } from './load-lead';

export const transitionLeadAction = defineAction(transitionLeadContract, async (deps, ctx, input) => {
  const { lead, staff } = await loadLeadFor(deps, ctx, input.leadId, 'act');
  if (!canTransition(lead.status, input.to)) throw new DomainError('LEAD.INVALID_TRANSITION');
  if (input.to === 'invalid' && !input.reason) throw new DomainError('VALIDATION.INVALID_INPUT', ['reason']);
  if (lead._rev !== input.rev) throw new DomainError('LEAD.CONCURRENT_UPDATE');
  const at = ctx.now.toISOString();
  const activity = await responseFields(deps, lead, ctx.now, input.to);
  const moved = await recordLeadChange(
    deps.store,
    lead,
    { status: input.to, updatedAt: at, ...(input.to === 'invalid' ? { invalidReason: input.reason } : {}), ...activity },
    [
      {
        _id: newId('ev', ctx.now, deps.randomBytes),
        leadId: lead._id,
        districtId: lead.districtId,
        type: 'status_changed',
        actor: { kind: 'staff', staffId: staff._id, name: staff.name },
        text: `${LEAD_STATUS_LABELS[lead.status]} → ${LEAD_STATUS_LABELS[input.to]}${input.reason ? `：${input.reason}` : ''}`,
        data: { from: lead.status, to: input.to },
        at,
      },
    ],
    input.rev,
  );
  if (!moved) throw new DomainError('LEAD.CONCURRENT_UPDATE');
  return { status: input.to, rev: input.rev + 1 };
});
