import * as v from 'valibot';
import { id, isoTime } from '../common/text';
import { SHARE_CHANNELS } from '../lead/lead.schema';

/** One hop of sharing. `_id` is the share code that travels in `scene`, query strings and links. */
export const ShareSchema = v.strictObject({
  _id: id(),
  districtId: id(),
  cardId: id(),
  sharerStaffId: v.nullable(id()),
  /** Salted hash of a non-staff sharer's identity: lets reshare chains form without storing who they are. */
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

/** A counted view. No list of viewers: only a salted hash for unique counts. */
export const ViewSchema = v.strictObject({
  _id: id(),
  districtId: id(),
  cardId: id(),
  shareCode: v.nullable(id()),
  channel: v.picklist(SHARE_CHANNELS),
  visitorHash: v.string(),
  day: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/)),
  at: isoTime(),
});
export type View = v.InferOutput<typeof ViewSchema>;
