import * as v from 'valibot';
import { id, isoTime, line } from '../common/text';

/**
 * A 首报 dispute: a later reporter of a company another unit's lead holds says the credit is theirs. It lives on
 * the disputing lead (visible there with its decision); the district admin upholds it (the credit moves to this
 * lead) or rejects it, always with a reason.
 */
export const DISPUTE_STATUSES = ['open', 'upheld', 'rejected'] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];
export const DISPUTE_DECISIONS = ['upheld', 'rejected'] as const;

export const FirstReportDisputeSchema = v.strictObject({
  status: v.picklist(DISPUTE_STATUSES),
  /** The lead that held the first report when the dispute was raised, and the unit credited with it. */
  holderLeadId: id(),
  holderUnitId: v.nullable(id()),
  reason: line(1, 200),
  raisedBy: v.strictObject({ staffId: id(), name: v.string() }),
  raisedAt: isoTime(),
  decision: v.optional(v.strictObject({ staffId: id(), name: v.string(), reason: line(1, 200), at: isoTime() })),
});
export type FirstReportDispute = v.InferOutput<typeof FirstReportDisputeSchema>;
