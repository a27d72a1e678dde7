import { revealContactContract } from '../../domain/api/workspace.contracts';
import { DomainError } from '../../domain/common/result';
import { defineAction } from '../_lib/define-action';
import { canRevealContact } from '../_lib/lead-access';
import { newId } from '../_lib/ids';
import { recordContactReveal } from '../_lib/repositories/audit.repository';
import { loadLeadFor, requireContactAllowed } from './load-lead';

/** 查看联系方式: the full contact is shown only after this audited step (who, when, which lead). */
export const revealContactAction = defineAction(revealContactContract, async (deps, ctx, input) => {
  const { lead, staff } = await loadLeadFor(deps, ctx, input.leadId, 'view');
  // Whoever may act, or a participant the handler shared the contact with (and not once it was taken back).
  if (!canRevealContact(staff, lead)) throw new DomainError('AUTH.FORBIDDEN');
  requireContactAllowed(lead);
  const at = ctx.now.toISOString();
  await recordContactReveal(
    deps.store,
    { _id: newId('aud', ctx.now, deps.randomBytes), action: 'contact_revealed', leadId: lead._id, districtId: lead.districtId, staffId: staff._id, at },
    { _id: newId('ev', ctx.now, deps.randomBytes), leadId: lead._id, districtId: lead.districtId, type: 'contact_revealed', actor: { kind: 'staff', staffId: staff._id, name: staff.name }, at },
  );
  return { phone: lead.contact.phone ?? null, email: lead.contact.email ?? null, wechatId: lead.contact.wechatId ?? null };
});
