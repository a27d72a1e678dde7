import { replyLeadContract } from '../../domain/api/workspace.contracts';
import { DomainError } from '../../domain/common/result';
import { defineAction } from '../_lib/define-action';
import { newId } from '../_lib/ids';
import { notifyInvestor } from '../_lib/notifications';
import { recordLeadChange } from '../_lib/repositories/lead.repository';
import { loadLeadFor, requireContactAllowed, responseFields } from './load-lead';
import { bringManagersIn } from './lead-participants';

/** A reply the investor reads in 我的咨询 (and is told about by subscription message where they subscribed). */
export const replyLeadAction = defineAction(replyLeadContract, async (deps, ctx, input) => {
  const { lead, staff } = await loadLeadFor(deps, ctx, input.leadId, 'act');
  requireContactAllowed(lead);
  if ((await deps.contentCheck.check(input.text, ctx.openid)) === 'risky') throw new DomainError('CONTENT.REJECTED', ['text']);
  const eventId = newId('ev', ctx.now, deps.randomBytes);
  const at = ctx.now.toISOString();
  const activity = await responseFields(deps, lead, ctx.now);
  // A reply appends: no rev check, it never conflicts with a colleague's change.
  await recordLeadChange(
    deps.store,
    lead,
    { ...activity, updatedAt: at },
    [{ _id: eventId, leadId: lead._id, districtId: lead.districtId, type: 'reply', actor: { kind: 'staff', staffId: staff._id, name: staff.name }, text: input.text, at }],
    null,
  );
  // A recommendation brings the managers of the carriers it names into the lead (those with an account).
  const managers = input.carrierIds?.length ? await bringManagersIn(deps, ctx, lead, staff, input.carrierIds) : undefined;
  await notifyInvestor(
    deps,
    lead.submitter.openid,
    { kind: 'lead_reply', page: 'inquiry/my-leads/index', fields: { thing1: `${staff.name}回复了您的咨询`.slice(0, 20), thing2: input.text.slice(0, 20), time3: at } },
    lead._id,
  );
  return { eventId, ...(managers ? { managers } : {}) };
});
