import * as v from 'valibot';
import { id } from '../common/text';
import { EventFieldsSchema } from '../event/event.schema';
import { LeadSubmissionSchema } from './lead.contracts';
import { defineContract } from './contract';

export const EventViewSchema = v.object({
  id: v.string(),
  name: v.string(),
  date: v.string(),
  place: v.string(),
  /** The caller created it or is an admin of its district. */
  mayEdit: v.boolean(),
});
export type EventView = v.InferOutput<typeof EventViewSchema>;

/** The caller's district's 活动, upcoming first. */
export const listEventsContract = defineContract({
  name: 'event.list',
  fn: 'workspace',
  access: 'staff',
  writes: false,
  request: v.strictObject({}),
  /** `districtId`: the caller's district, whose privacy notice event mode shows. */
  response: v.object({ districtId: v.string(), items: v.array(EventViewSchema) }),
});

/** Creates an 活动 in the caller's district (no id) or changes one the caller may edit. */
export const saveEventContract = defineContract({
  name: 'event.save',
  fn: 'workspace',
  access: 'staff',
  writes: true,
  request: v.strictObject({ id: v.optional(id()), ...EventFieldsSchema.entries }),
  response: v.object({ id: v.string() }),
});

const submission = LeadSubmissionSchema.entries;

/**
 * An inquiry a commissioner took down at an 活动 for the investor in front of them (who read the notice on the
 * screen and ticked consent). Often sent later from the device's queue: the idempotency key it was created with
 * makes every resend land on the same lead.
 */
export const EventInquirySchema = v.strictObject({
  eventId: id(),
  idempotencyKey: submission.idempotencyKey,
  contact: submission.contact,
  need: submission.need,
  message: submission.message,
  consent: submission.consent,
});
export type EventInquiry = v.InferOutput<typeof EventInquirySchema>;

export const submitEventInquiryContract = defineContract({
  name: 'event.submitInquiry',
  fn: 'lead-intake',
  access: 'staff',
  writes: true,
  request: EventInquirySchema,
  response: v.object({ leadId: v.string(), duplicate: v.boolean(), promiseHours: v.number() }),
});
