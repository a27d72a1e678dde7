import * as v from 'valibot';
import { CONTACT_WAYS } from '../lead/contact.rules';
import { id, line, paragraph } from '../common/text';
import { LEAD_EVENT_TYPES } from '../lead/lead-event.schema';
import { LEAD_STATUSES } from '../lead/lead-status.rules';
import { LeadFactsSchema, StageConfirmationsSchema } from '../lead/lead-facts.schema';
import { defineContract } from './contract';
import { BRING_OUTCOMES, LeadParticipantViewSchema } from './lead-participant.contracts';

/**
 * 我的 / 本单位 / 待认领 / 我推荐的 (leads this person brought, handled by others: credit keeps them in view) /
 * 我参与的 (leads a carrier manager was brought into).
 */
export const INBOX_TABS = ['mine', 'unit', 'pool', 'referred', 'participating'] as const;

/**
 * How much of a lead the caller sees: `handler` (may act), `colleague` (the handling unit, read-only),
 * `referrer` (brought it: company, need and outcome, no contact data or working notes), `participant` (a carrier
 * manager brought in: the need, the stage and the replies; the contact only once the handler shared it).
 */
export const LEAD_VIEW_LEVELS = ['handler', 'colleague', 'referrer', 'participant'] as const;
export type LeadViewLevel = (typeof LEAD_VIEW_LEVELS)[number];

export const StaffLeadSummarySchema = v.object({
  id: v.string(),
  status: v.picklist(LEAD_STATUSES),
  createdAt: v.string(),
  /** The investor's name: null for a referrer (contact data). */
  contactName: v.nullable(v.string()),
  company: v.string(),
  /** null for a referrer. The masked phone, or — for an investor who left none — the masked email or WeChat ID. */
  phoneMasked: v.nullable(v.string()),
  /** Which way `phoneMasked` shows (absent: the phone). */
  maskedWay: v.optional(v.picklist(CONTACT_WAYS)),
  industry: v.string(),
  scale: v.string(),
  carrierName: v.nullable(v.string()),
  handlerUnitName: v.string(),
  handlerName: v.nullable(v.string()),
  creditName: v.nullable(v.string()),
  firstResponseDueAt: v.string(),
  firstRespondedAt: v.nullable(v.string()),
  overdue: v.boolean(),
  /** PIPL: «已撤回同意» (no contact, no reveal) or «已匿名» (personal fields erased); absent while neither. */
  privacyState: v.optional(v.picklist(['consent_withdrawn', 'anonymised'])),
});
export type StaffLeadSummary = v.InferOutput<typeof StaffLeadSummarySchema>;

export const inboxContract = defineContract({
  name: 'lead.inbox',
  fn: 'workspace',
  access: 'staff',
  writes: false,
  request: v.strictObject({
    tab: v.picklist(INBOX_TABS),
    cursor: v.optional(v.pipe(v.string(), v.maxLength(120))),
    limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50)), 20),
  }),
  response: v.object({
    items: v.array(StaffLeadSummarySchema),
    nextCursor: v.nullable(v.string()),
    /** With the first page only (no cursor); later pages answer null, so paging costs no counts. */
    counts: v.nullable(v.object({ mine: v.number(), unit: v.number(), pool: v.number(), referred: v.number(), participating: v.number() })),
  }),
});

export const LeadEventViewSchema = v.object({
  id: v.string(),
  type: v.picklist(LEAD_EVENT_TYPES),
  actorName: v.string(),
  text: v.nullable(v.string()),
  at: v.string(),
});

export const leadDetailContract = defineContract({
  name: 'lead.detail',
  fn: 'workspace',
  access: 'staff',
  writes: false,
  request: v.strictObject({ leadId: id() }),
  response: v.object({
    lead: StaffLeadSummarySchema,
    rev: v.number(),
    /** The investor's message: null for a referrer. */
    message: v.nullable(v.string()),
    need: v.object({ carrierType: v.nullable(v.string()), areaMin: v.nullable(v.number()), areaMax: v.nullable(v.number()), timing: v.nullable(v.string()) }),
    sourceChannel: v.string(),
    /** The language the investor asked in: a recommendation is written in it. */
    investorLang: v.picklist(['zh', 'en']),
    districtId: v.string(),
    /** Staff who shared along the way (names, root first). */
    shareChain: v.array(v.string()),
    /** Share hops from the card owner's first share to the investor (visitors' reshares included). */
    shareHops: v.number(),
    events: v.array(LeadEventViewSchema),
    allowedNext: v.array(v.picklist(LEAD_STATUSES)),
    canAct: v.boolean(),
    view: v.picklist(LEAD_VIEW_LEVELS),
    /** Company facts staff completed (null until someone does) and the bureau's stage confirmations. */
    facts: v.nullable(LeadFactsSchema),
    confirmations: StageConfirmationsSchema,
    /** Whether this caller may confirm 签约 / 落地 (investment bureau or admin, not the one who recorded it). */
    canConfirm: v.boolean(),
    /** The carrier managers on the lead: all of them for the handling side, a participant their own entry only. */
    participants: v.optional(v.array(LeadParticipantViewSchema)),
    /** Whether this caller may reveal the contact (the handler; a participant the handler shared it with). */
    canReveal: v.optional(v.boolean()),
    /** Whether this caller may add a note (the handler; a participant, whose notes the handler reads). */
    canNote: v.optional(v.boolean()),
  }),
});

export const revealContactContract = defineContract({
  name: 'lead.revealContact',
  fn: 'workspace',
  access: 'staff',
  writes: true,
  request: v.strictObject({ leadId: id() }),
  response: v.object({ phone: v.nullable(v.string()), email: v.nullable(v.string()), wechatId: v.nullable(v.string()) }),
});

export const transitionLeadContract = defineContract({
  name: 'lead.transition',
  fn: 'workspace',
  access: 'staff',
  writes: true,
  request: v.strictObject({
    leadId: id(),
    to: v.picklist(LEAD_STATUSES),
    /** Required when marking a lead 无效. */
    reason: v.optional(line(1, 100)),
    rev: v.pipe(v.number(), v.integer(), v.minValue(0)),
  }),
  response: v.object({ status: v.picklist(LEAD_STATUSES), rev: v.number() }),
});

export const addNoteContract = defineContract({
  name: 'lead.note',
  fn: 'workspace',
  access: 'staff',
  writes: true,
  request: v.strictObject({ leadId: id(), text: paragraph(1, 500), kind: v.optional(v.picklist(['note', 'call_logged']), 'note') }),
  response: v.object({ eventId: v.string() }),
});

export const replyLeadContract = defineContract({
  name: 'lead.reply',
  fn: 'workspace',
  access: 'staff',
  writes: true,
  request: v.strictObject({
    leadId: id(),
    text: paragraph(1, 500),
    /** A recommendation names the carriers it recommends: their managers (staff) are brought into the lead. */
    carrierIds: v.optional(v.pipe(v.array(id()), v.maxLength(3))),
  }),
  response: v.object({
    eventId: v.string(),
    /** Per recommended carrier: its manager brought in (`added`), already in, or not possible (external manager). */
    managers: v.optional(v.array(v.object({ carrierId: v.string(), outcome: v.picklist(BRING_OUTCOMES) }))),
  }),
});

export const assignLeadContract = defineContract({
  name: 'lead.assign',
  fn: 'workspace',
  access: 'staff',
  writes: true,
  request: v.strictObject({ leadId: id(), toUnitId: id(), toStaffId: v.optional(id()), note: line(0, 100), rev: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  response: v.object({ rev: v.number() }),
});

export const bindInviteContract = defineContract({
  name: 'staff.bindInvite',
  fn: 'workspace',
  access: 'signed_in',
  writes: true,
  request: v.strictObject({ inviteCode: v.pipe(v.string(), v.regex(/^[A-Z0-9]{8}$/, '邀请码为 8 位大写字母或数字')) }),
  response: v.object({ staffId: v.string(), name: v.string() }),
});

/**
 * 认领: take a lead from one's unit's 待认领 pool. Exactly one of two simultaneous claims wins (the lead's `rev`);
 * `rev` may be omitted from the inbox, where the lead as read is the one claimed. Refused past the district's
 * limit of claimed open leads per person.
 */
export const poolClaimContract = defineContract({
  name: 'lead.poolClaim',
  fn: 'workspace',
  access: 'staff',
  writes: true,
  request: v.strictObject({ leadId: id(), rev: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))) }),
  response: v.object({ rev: v.number(), held: v.number(), limit: v.number(), returnsAt: v.string() }),
});
