import * as v from 'valibot';
import { id, line } from '../common/text';
import { LEAD_STATUSES } from '../lead/lead-status.rules';
import { PRIVACY_REQUEST_KINDS, PRIVACY_REQUEST_STATUSES } from '../privacy/privacy-request.schema';
import { PrivacySettingsSchema } from '../privacy/privacy-settings';
import { defineContract } from './contract';

/** A request as its requester sees it in 我的咨询. */
export const InvestorPrivacyRequestSchema = v.object({
  id: v.string(),
  kind: v.picklist(PRIVACY_REQUEST_KINDS),
  scope: v.picklist(['lead', 'all']),
  leadCount: v.number(),
  status: v.picklist(PRIVACY_REQUEST_STATUSES),
  requestedAt: v.string(),
  dueAt: v.string(),
  answeredAt: v.nullable(v.string()),
  answerNote: v.nullable(v.string()),
  overdue: v.boolean(),
});
export type InvestorPrivacyRequest = v.InferOutput<typeof InvestorPrivacyRequestSchema>;

/**
 * 我的咨询 → 撤回同意 / 删除我的信息, for one inquiry (`leadId`) or all of the caller's. Withdrawal stops contact at
 * once; erasure is carried out when the district answers. Asking the same again returns the same request.
 * One request per district the inquiries belong to (each district answers its own).
 */
export const privacyRequestContract = defineContract({
  name: 'privacy.request',
  fn: 'lead-intake',
  access: 'visitor',
  writes: true,
  request: v.strictObject({ kind: v.picklist(PRIVACY_REQUEST_KINDS), leadId: v.optional(id()) }),
  response: v.object({ requests: v.array(InvestorPrivacyRequestSchema), created: v.boolean() }),
});

/** The caller's own personal-data requests and their status. */
export const privacyMineContract = defineContract({
  name: 'privacy.mine',
  fn: 'lead-intake',
  access: 'visitor',
  writes: false,
  request: v.strictObject({}),
  response: v.object({ items: v.array(InvestorPrivacyRequestSchema) }),
});

export const OfficePrivacyRequestSchema = v.object({
  id: v.string(),
  kind: v.picklist(PRIVACY_REQUEST_KINDS),
  scope: v.picklist(['lead', 'all']),
  status: v.picklist(PRIVACY_REQUEST_STATUSES),
  requestedAt: v.string(),
  dueAt: v.string(),
  answeredAt: v.nullable(v.string()),
  answeredByName: v.nullable(v.string()),
  answerNote: v.nullable(v.string()),
  overdue: v.boolean(),
  /** The inquiries concerned, without personal data. */
  leads: v.array(v.object({ id: v.string(), status: v.picklist(LEAD_STATUSES), industry: v.string(), createdAt: v.string(), anonymised: v.boolean() })),
});
export type OfficePrivacyRequest = v.InferOutput<typeof OfficePrivacyRequestSchema>;

/** 个人信息请求: the district admin's list, newest first, overdue marked; the district's answer period. */
export const adminPrivacyListContract = defineContract({
  name: 'admin.privacy.list',
  fn: 'admin',
  access: 'staff',
  writes: false,
  request: v.strictObject({}),
  response: v.object({
    items: v.array(OfficePrivacyRequestSchema),
    pending: v.number(),
    overdue: v.number(),
    answerDays: v.number(),
    retentionDays: v.number(),
  }),
});

/**
 * The district admin answers a request: `done` carries it out (an erasure anonymises the inquiries), `refused`
 * needs the reason the investor will read. Audited; a request is answered once.
 */
export const adminPrivacyAnswerContract = defineContract({
  name: 'admin.privacy.answer',
  fn: 'admin',
  access: 'staff',
  writes: true,
  request: v.strictObject({ requestId: id(), decision: v.picklist(['done', 'refused']), note: line(0, 200) }),
  response: v.object({ requestId: v.string(), status: v.picklist(PRIVACY_REQUEST_STATUSES), anonymised: v.number() }),
});

/**
 * The district's answer period and retention (the privacy notice states both). A change gives the notice a new
 * version: investors agree to the text that states the periods in force.
 */
export const adminPrivacySettingsContract = defineContract({
  name: 'admin.privacy.settings',
  fn: 'admin',
  access: 'staff',
  writes: true,
  request: PrivacySettingsSchema,
  response: v.object({ answerDays: v.number(), retentionDays: v.number(), noticeVersion: v.string() }),
});

export const PRIVACY_CONTRACTS = [privacyRequestContract, privacyMineContract, adminPrivacyListContract, adminPrivacyAnswerContract, adminPrivacySettingsContract] as const;
