import * as v from 'valibot';
import { id, isoTime, line } from '../common/text';
import { dayKey } from '../org/duty-rota.schema';

/** What staff type in for an 活动 (an investment fair, a roadshow): name, day and place. */
export const EventFieldsSchema = v.strictObject({
  name: line(1, 40),
  /** China calendar day the event is held, `YYYY-MM-DD`. */
  date: dayKey(),
  place: line(1, 60),
});
export type EventFields = v.InferOutput<typeof EventFieldsSchema>;

/**
 * An 活动 of one district. Inquiries taken there (event mode, often offline) carry its id in `source.eventId`
 * and the channel `event`, credited to the commissioner who took them.
 */
export const EventSchema = v.strictObject({
  _id: id(),
  districtId: id(),
  ...EventFieldsSchema.entries,
  createdByStaffId: id(),
  createdAt: isoTime(),
  updatedAt: isoTime(),
});
export type InvestEvent = v.InferOutput<typeof EventSchema>;
