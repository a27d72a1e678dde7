import * as v from 'valibot';
import { id, isoTime } from '../common/text';

export const LEAD_EVENT_TYPES = [
  'created',
  'status_changed',
  'note',
  'reply',
  'assigned',
  'contact_revealed',
  'call_logged',
  'sla_reminded',
  'sla_leader_copied',
  'sla_reassigned',
  'followup_reminded',
  'facts_set',
  'stage_confirmed',
  'pool_claimed',
  'pool_return_warned',
  'pool_returned',
  'first_report_disputed',
  'first_report_decided',
  'participant_added',
  'participant_removed',
  'participant_contact_shared',
  'participant_contact_unshared',
  'participant_note',
] as const;
export type LeadEventType = (typeof LEAD_EVENT_TYPES)[number];

/** Append-only log of everything that happened to a lead; the investor sees only `reply` events. */
export const LeadEventSchema = v.strictObject({
  _id: id(),
  leadId: id(),
  districtId: id(),
  type: v.picklist(LEAD_EVENT_TYPES),
  actor: v.strictObject({ kind: v.picklist(['staff', 'investor', 'system']), staffId: v.nullable(id()), name: v.string() }),
  text: v.optional(v.string()),
  data: v.optional(v.record(v.string(), v.union([v.string(), v.number(), v.boolean(), v.null()]))),
  at: isoTime(),
});
export type LeadEvent = v.InferOutput<typeof LeadEventSchema>;
