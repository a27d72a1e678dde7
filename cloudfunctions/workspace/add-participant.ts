import { addParticipantContract } from '../../domain/api/lead-participant.contracts';
import { DomainError } from '../../domain/common/result';
import { defineAction } from '../_lib/define-action';
import { getLead } from '../_lib/repositories/lead.repository';
import { bringManagersIn, refusalOf, toParticipantViews } from './lead-participants';
import { createNameCache } from './lead-views';
import { loadLeadFor } from './load-lead';

/** 请载体管理员参与: only whoever may act on the lead brings a carrier's manager in (a participant cannot add others). */
export const addParticipantAction = defineAction(addParticipantContract, async (deps, ctx, input) => {
  const { lead, staff } = await loadLeadFor(deps, ctx, input.leadId, 'act');
  const [{ outcome }] = await bringManagersIn(deps, ctx, lead, staff, [input.carrierId]);
  const refusal = refusalOf(outcome);
  if (refusal) throw refusal;
  const now = await getLead(deps.store, lead._id);
  if (!now) throw new DomainError('LEAD.NOT_FOUND');
  return { added: outcome === 'added', participants: await toParticipantViews(now, createNameCache(deps)) };
});
