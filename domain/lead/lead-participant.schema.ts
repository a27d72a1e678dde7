import * as v from 'valibot';
import { id, isoTime } from '../common/text';

/** At most this many carrier managers on one lead: enough for a shortlist, never an open mailing list. */
export const MAX_LEAD_PARTICIPANTS = 8;

/**
 * A carrier's manager (a staff member) brought into a lead: they see the need and the replies, and may add a
 * note; the investor's contact stays with the handler until `contactSharedAt` is set (and again once cleared).
 * `addedBy` null: the inquiry came from the carrier's own page and its manager was added at intake.
 */
export const LeadParticipantSchema = v.strictObject({
  staffId: id(),
  carrierId: id(),
  addedAt: isoTime(),
  addedBy: v.nullable(id()),
  contactSharedAt: v.nullable(isoTime()),
});
export type LeadParticipant = v.InferOutput<typeof LeadParticipantSchema>;

export const LeadParticipantsSchema = v.pipe(v.array(LeadParticipantSchema), v.maxLength(MAX_LEAD_PARTICIPANTS));
