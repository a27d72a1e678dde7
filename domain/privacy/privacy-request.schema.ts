import * as v from 'valibot';
import { id, isoTime, line } from '../common/text';

/** An investor's personal-data request: withdraw consent (stop contact) or erase (anonymise) their inquiries. */
export const PRIVACY_REQUEST_KINDS = ['withdraw_consent', 'erase'] as const;
export type PrivacyRequestKind = (typeof PRIVACY_REQUEST_KINDS)[number];

/** pending → done (carried out) or refused (with the reason the law gives, e.g. a record that must be kept). */
export const PRIVACY_REQUEST_STATUSES = ['pending', 'done', 'refused'] as const;
export type PrivacyRequestStatus = (typeof PRIVACY_REQUEST_STATUSES)[number];

export const PRIVACY_REQUEST_KIND_LABELS: Record<PrivacyRequestKind, string> = { withdraw_consent: '撤回同意', erase: '删除个人信息' };
export const PRIVACY_REQUEST_STATUS_LABELS: Record<PrivacyRequestStatus, string> = { pending: '处理中', done: '已完成', refused: '未予删除' };

/**
 * The stored request. It names the requester only by a hash of their identity (`requesterKey`), so the request
 * itself holds no personal data and survives the erasure it asks for.
 */
export const PrivacyRequestSchema = v.strictObject({
  _id: id(),
  districtId: id(),
  kind: v.picklist(PRIVACY_REQUEST_KINDS),
  /** `lead`: one inquiry; `all`: every inquiry of the requester in this district at the time of asking. */
  scope: v.picklist(['lead', 'all']),
  leadIds: v.array(id()),
  requesterKey: v.string(),
  status: v.picklist(PRIVACY_REQUEST_STATUSES),
  requestedAt: isoTime(),
  dueAt: isoTime(),
  answeredAt: v.nullable(isoTime()),
  /** The staff member who answered, and their note to the investor. */
  answeredBy: v.nullable(v.strictObject({ staffId: id(), name: line(1, 40) })),
  answerNote: v.nullable(line(0, 200)),
});
export type PrivacyRequest = v.InferOutput<typeof PrivacyRequestSchema>;

/** Overdue: still pending after its due time. */
export const isPrivacyRequestOverdue = (r: Pick<PrivacyRequest, 'status' | 'dueAt'>, now: Date): boolean => r.status === 'pending' && r.dueAt < now.toISOString();
