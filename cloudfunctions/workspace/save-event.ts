import { saveEventContract } from '../../domain/api/event.contracts';
import { DomainError } from '../../domain/common/result';
import { mayEditEvent, mayUseEvent } from '../../domain/event/event.rules';
import type { InvestEvent } from '../../domain/event/event.schema';
import { defineAction, requireStaff } from '../_lib/define-action';
import { newId } from '../_lib/ids';
import { getEvent, insertEvent, updateEventFields } from '../_lib/repositories/event.repository';

/** Any active staff member creates an 活动 in their own district; its creator and the district's admins change it. */
export const saveEventAction = defineAction(saveEventContract, async (deps, ctx, input) => {
  const staff = requireStaff(ctx);
  const fields = { name: input.name, date: input.date, place: input.place };
  const at = ctx.now.toISOString();
  if (!input.id) {
    const event: InvestEvent = { _id: newId('evt', ctx.now, deps.randomBytes), districtId: staff.districtId, ...fields, createdByStaffId: staff._id, createdAt: at, updatedAt: at };
    await insertEvent(deps.store, event);
    return { id: event._id };
  }
  const existing = await getEvent(deps.store, input.id);
  // Another district's event answers like a missing one, so ids cannot be probed.
  if (!existing || !mayUseEvent(staff, existing)) throw new DomainError('EVENT.NOT_FOUND');
  if (!mayEditEvent(staff, existing)) throw new DomainError('AUTH.FORBIDDEN');
  await updateEventFields(deps.store, existing._id, { ...fields, updatedAt: at });
  return { id: existing._id };
});
