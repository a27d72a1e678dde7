import { submitEventInquiryContract } from '../../domain/api/event.contracts';
import { DomainError } from '../../domain/common/result';
import { mayUseEvent } from '../../domain/event/event.rules';
import { defineAction, requireStaff } from '../_lib/define-action';
import { getEvent } from '../_lib/repositories/event.repository';
import { recordInquiry } from './submit-lead';

/**
 * Event mode: a commissioner sends an inquiry taken down at an 活动 of their own district. It goes through the
 * same intake as any inquiry (exactly once per idempotency key, consent to the district's current notice, limits,
 * routing) with the channel `event`, credited to the commissioner.
 */
export const submitEventInquiryAction = defineAction(submitEventInquiryContract, async (deps, ctx, input) => {
  const staff = requireStaff(ctx);
  const event = await getEvent(deps.store, input.eventId);
  // A forged id and another district's event answer the same.
  if (!event || !mayUseEvent(staff, event)) throw new DomainError('EVENT.NOT_FOUND', ['eventId']);
  const { eventId, ...inquiry } = input;
  const outcome = await recordInquiry(
    deps,
    ctx,
    { ...inquiry, source: { channel: 'event', eventId } },
    { openid: null, visitor: null, key: `staff:${staff._id}`, taker: staff },
    event.districtId,
  );
  return { leadId: outcome.leadId, duplicate: outcome.duplicate, promiseHours: outcome.promiseHours };
});
