import * as v from 'valibot';
import { CARRIER_TYPES } from '../carrier/carrier.schema';
import { contentLanguage, FallbackZhSchema } from '../common/content-language';
import { id, line, paragraph } from '../common/text';
import { INVESTMENT_SCALES, SHARE_CHANNELS } from '../lead/lead.schema';
import { LEAD_STATUSES } from '../lead/lead-status.rules';
import { WECHAT_ID_PATTERN } from '../lead/contact.rules';
import { POW_NONCE_PATTERN, WEB_CHALLENGE_PATTERN } from '../lead/web-challenge.rules';
import { SHARE_CODE_PATTERN } from '../share/share-code.rules';
import { defineContract } from './contract';

/** Client-generated once per form fill; resending with it never creates a second lead. */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{16,48}$/;

/** Limits the inquiry form shows and checks before sending (src/inquiry/lead-form derives its checks from this schema). */
export const LEAD_AREA_MAX = 10_000_000;
export const LEAD_MESSAGE_MAX = 500;

const area = () => v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(LEAD_AREA_MAX));

export const LeadSubmissionSchema = v.strictObject({
  idempotencyKey: v.pipe(v.string(), v.regex(IDEMPOTENCY_KEY_PATTERN, '请求编号不正确')),
  contact: v.strictObject({
    name: line(1, 20),
    company: line(0, 60),
    /** Optional since any one way to reach the investor is enough (`hasWayToReach`, checked in the use case). */
    phone: v.optional(line(0, 32)),
    email: v.optional(v.pipe(line(3, 80), v.email('邮箱格式不正确'))),
    wechatId: v.optional(v.pipe(line(1, 40), v.regex(WECHAT_ID_PATTERN, '微信号只能包含字母、数字、下划线和减号'))),
  }),
  need: v.strictObject({
    industry: line(1, 20),
    scale: v.picklist(INVESTMENT_SCALES),
    carrierType: v.optional(v.picklist(CARRIER_TYPES)),
    areaMin: v.optional(area()),
    areaMax: v.optional(area()),
    timing: v.optional(line(1, 20)),
  }),
  message: paragraph(0, LEAD_MESSAGE_MAX),
  source: v.strictObject({
    channel: v.picklist(SHARE_CHANNELS),
    cardId: v.optional(id()),
    shareCode: v.optional(v.pipe(v.string(), v.regex(SHARE_CODE_PATTERN))),
    carrierId: v.optional(id()),
  }),
  consent: v.strictObject({ agreed: v.literal(true, '请先阅读并同意《个人信息保护说明》'), noticeVersion: line(1, 20) }),
  /** The language of the page it was sent from: staff write a recommendation back in it (absent: Chinese). */
  lang: contentLanguage(),
  /** Honeypot: hidden from people; bots fill it in. */
  website: v.optional(v.pipe(v.string(), v.maxLength(200))),
  /** A web visitor's solved `lead.challenge` (WeChat users need none): the token and the nonce found. */
  proof: v.optional(
    v.strictObject({
      challenge: v.pipe(v.string(), v.regex(WEB_CHALLENGE_PATTERN, '安全验证不正确')),
      nonce: v.pipe(v.string(), v.regex(POW_NONCE_PATTERN, '安全验证不正确')),
    }),
  ),
});
export type LeadSubmission = v.InferOutput<typeof LeadSubmissionSchema>;

export const submitLeadContract = defineContract({
  name: 'lead.submit',
  fn: 'lead-intake',
  // A WeChat user, or a web visitor who solved a challenge (checked in the use case).
  access: 'visitor',
  writes: true,
  request: LeadSubmissionSchema,
  response: v.object({
    leadId: v.string(),
    /** The district's promise, shown on the confirmation: "X 小时内回复". */
    promiseHours: v.number(),
    firstResponseDueAt: v.string(),
    /** True when this key was already submitted: the same lead is returned, nothing new is created. */
    duplicate: v.boolean(),
    /** A web visitor's code to bind the inquiry to a WeChat account later (lead.claim); null for WeChat users. */
    claimCode: v.nullable(v.string()),
  }),
});

/** Issues a signed, expiring, single-use proof-of-work challenge to the caller (web visitors need one to submit). */
export const webChallengeContract = defineContract({
  name: 'lead.challenge',
  fn: 'lead-intake',
  access: 'visitor',
  writes: false,
  request: v.strictObject({}),
  response: v.object({ challenge: v.string(), bits: v.number(), expiresAt: v.string() }),
});

/** Binds a web inquiry to the signed-in WeChat user who holds its claim code. Single use. */
export const claimLeadContract = defineContract({
  name: 'lead.claim',
  fn: 'lead-intake',
  access: 'signed_in',
  writes: true,
  request: v.strictObject({ code: line(10, 16) }),
  response: v.object({ leadId: v.string() }),
});

export const ReplySchema = v.object({ at: v.string(), staffName: v.string(), text: v.string() });

export const InvestorLeadSchema = v.object({
  id: v.string(),
  status: v.picklist(LEAD_STATUSES),
  createdAt: v.string(),
  industry: v.string(),
  /** In the page's language: the English name where there is one (else the Chinese, named in `fallbackZh`). */
  carrierName: v.nullable(v.string()),
  message: v.string(),
  promiseHours: v.number(),
  firstResponseDueAt: v.string(),
  firstRespondedAt: v.nullable(v.string()),
  /** null while still within the promise and unanswered. */
  promiseKept: v.nullable(v.boolean()),
  handlerName: v.nullable(v.string()),
  replies: v.array(ReplySchema),
  /** The investor withdrew consent for this inquiry: staff no longer contact them. */
  consentWithdrawn: v.optional(v.boolean()),
  /** On an English read: what is shown in Chinese (`carrierName`, `handlerName`, `replies.N.staffName`, `replies.N.text`). */
  fallbackZh: FallbackZhSchema,
});
export type InvestorLead = v.InferOutput<typeof InvestorLeadSchema>;

export const listMyLeadsContract = defineContract({
  name: 'lead.mine',
  fn: 'lead-intake',
  // A web visitor sees the inquiries of this browser; a WeChat user those submitted or claimed.
  access: 'visitor',
  writes: false,
  request: v.strictObject({ lang: contentLanguage() }),
  response: v.object({ items: v.array(InvestorLeadSchema) }),
});

export const privacyNoticeContract = defineContract({
  name: 'lead.privacyNotice',
  fn: 'lead-intake',
  access: 'public',
  writes: false,
  request: v.strictObject({ districtId: v.optional(id()) }),
  response: v.object({ version: v.string(), title: v.string(), body: v.string(), promiseHours: v.number() }),
});
