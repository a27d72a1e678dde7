import * as v from 'valibot';
import { id, isoTime } from '../common/text';
import { SHARE_CHANNELS } from '../lead/lead.schema';

/** One hop of sharing. `_id` is the share code that travels in `scene`, query strings and links. */
export const ShareSchema = v.strictObject({
  _id: id(),
  districtId: id(),
  cardId: id(),
  sharerStaffId: v.nullable(id()),
  /**
   * A non-staff sharer's hash under that day's key: the same visitor resharing the same way that day reuses the hop;
   * on another day the hash is unrelated, so share rows cannot be joined into one person's history.
   */
  sharerVisitorHash: v.nullable(v.string()),
  parentCode: v.nullable(id()),
  /**
   * Codes of every share above this one, parent first, up to the root: a lead reads the whole chain in one
   * request. Absent on shares made before it existed (their chain is walked parent by parent).
   */
  ancestorCodes: v.optional(v.pipe(v.array(id()), v.maxLength(64))),
  channel: v.picklist(SHARE_CHANNELS),
  depth: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** The scannable code, once made (a cloud file id for mini-program codes). */
  qr: v.optional(v.strictObject({ kind: v.picklist(['wxacode', 'url']), image: v.string() })),
  createdAt: isoTime(),
});
export type Share = v.InferOutput<typeof ShareSchema>;

const day = () => v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));
const count = () => v.pipe(v.number(), v.integer(), v.minValue(0));

/**
 * Counters of one card (views, inquiries, shares): one row per China day and one all-time row (`day: null`), so
 * the card's stats read two queries whatever the traffic. Counters only, no visitor in sight. `visitors` counts visitor-days: a visitor
 * is counted once per day, and across days they cannot be told apart.
 */
export const ViewCountSchema = v.strictObject({
  _id: id(),
  districtId: id(),
  cardId: id(),
  day: v.nullable(day()),
  views: count(),
  visitors: count(),
  /** Channel → views; channels without views are absent. */
  viewsByChannel: v.record(v.string(), count()),
  /**
   * Inquiries through the card, counted in the transaction that stores each lead (so card.stats counts nothing);
   * absent on rows made before leads were counted here, or for a day without inquiries.
   */
  leads: v.optional(count()),
  /** Channel → inquiries; channels without inquiries are absent. */
  leadsByChannel: v.optional(v.record(v.string(), count())),
  /** All-time row only: share hops of the card and the deepest reshare, counted with each new hop. */
  shares: v.optional(count()),
  maxShareDepth: v.optional(count()),
});
export type ViewCount = v.InferOutput<typeof ViewCountSchema>;

/**
 * Short-lived dedupe marks (once per visitor per minute, once per visitor per day). The id is a hash under that
 * day's key and the mark carries no visitor field; marks of past days are dropped by the timer.
 */
export const ViewMarkSchema = v.strictObject({
  _id: id(),
  cardId: id(),
  day: day(),
});
export type ViewMark = v.InferOutput<typeof ViewMarkSchema>;
