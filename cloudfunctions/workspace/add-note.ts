import { addNoteContract } from '../../domain/api/workspace.contracts';
import { defineAction } from '../_lib/define-action';
import { newId } from '../_lib/ids';
import { recordLeadChange } from '../_lib/repositories/lead.repository';
import { loadLeadFor, responseFields } from './load-lead';

/** Append-only follow-up notes; a logged call counts as the first response. */
export const addNoteAction = defineAction(addNoteContract, async (deps, ctx, input) => {
  const { lead, staff } = await loadLeadFor(deps, ctx, input.leadId, 'act');
  const eventId = newId('ev', ctx.now, deps.randomBytes);
  const at = ctx.now.toISOString();
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
