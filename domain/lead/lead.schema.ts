import * as v from 'valibot';
import { FirstReportDisputeSchema } from '../ranking/first-report-dispute.schema';
import { id, isoTime, line, paragraph } from '../common/text';
import { CARRIER_TYPES } from '../carrier/carrier.schema';
import { LEAD_STATUSES } from './lead-status.rules';
import { LeadFactsSchema, StageConfirmationsSchema } from './lead-facts.schema';
import { LeadParticipantsSchema } from './lead-participant.schema';

export const SHARE_CHANNELS = ['chat', 'moments', 'poster', 'qr', 'web_link', 'direct'] as const;
export type ShareChannel = (typeof SHARE_CHANNELS)[number];
/** How an inquiry arrived: a share channel, or taken down by a commissioner at an 活动 (event mode). */
export const LEAD_CHANNELS = [...SHARE_CHANNELS, 'event'] as const;
export type LeadChannel = (typeof LEAD_CHANNELS)[number];

export const INVESTMENT_SCALES = ['under_10m', '10m_50m', '50m_100m', '100m_500m', 'over_500m', 'undecided'] as const;
export const INVESTMENT_SCALE_LABELS: Record<(typeof INVESTMENT_SCALES)[number], string> = {
  under_10m: '1000万元以下',
  '10m_50m': '1000万–5000万元',
  '50m_100m': '5000万–1亿元',
  '100m_500m': '1亿–5亿元',
  over_500m: '5亿元以上',
  undecided: '暂未确定',
};

export const LeadContactSchema = v.strictObject({
  name: line(1, 20),
  company: line(0, 60),
  /** Normalised by `normalizePhone` before storing; absent when the investor left an email or WeChat ID instead. */
  phone: v.optional(line(5, 24)),
  email: v.optional(v.pipe(line(3, 80), v.email('邮箱格式不正确'))),
  wechatId: v.optional(line(1, 40)),
});

export const LeadNeedSchema = v.strictObject({
  industry: line(1, 20),
  scale: v.picklist(INVESTMENT_SCALES),
  carrierType: v.optional(v.picklist(CARRIER_TYPES)),
  areaMin: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(10_000_000))),
  areaMax: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(10_000_000))),
  timing: v.optional(line(1, 20)),
});

export const LeadSourceSchema = v.strictObject({
  channel: v.picklist(LEAD_CHANNELS),
  cardId: v.optional(id()),
  shareCode: v.optional(id()),
  carrierId: v.optional(id()),
  /** The 活动 an event-mode inquiry was taken at (channel `event` only). */
  eventId: v.optional(id()),
});

export const LeadSchema = v.strictObject({
  _id: id(),
  districtId: id(),
  status: v.picklist(LEAD_STATUSES),
  invalidReason: v.optional(line(1, 100)),
  contact: LeadContactSchema,
  need: LeadNeedSchema,
  message: paragraph(0, 500),
  source: LeadSourceSchema,
  /**
   * Where the inquiry pointed: the asked-about carrier's street and type as they were at intake (the 招商热力图).
   * Leads from before intake recorded it were backfilled by the roll-up migration (`from`): from their carrier,
   * else from the receiving unit when it is a street (no carrier type then).
   */
  place: v.optional(
    v.strictObject({ street: line(1, 20), carrierType: v.optional(v.picklist(CARRIER_TYPES)), from: v.optional(v.picklist(['carrier', 'unit'])) }),
  ),
  /** Who brought the lead. Fixed at intake and never changed by routing or hand-offs. */
  credit: v.strictObject({
    staffId: v.nullable(id()),
    unitId: v.nullable(id()),
    shareChain: v.array(id()),
    hops: v.number(),
  }),
  /** Who works the lead now. Changes with assignment, hand-off and SLA reassignment. */
  handling: v.strictObject({ unitId: id(), staffId: v.nullable(id()) }),
  /** `visitor`: the web visitor who submitted without WeChat; `openid` is set once a WeChat user claims it. */
  submitter: v.strictObject({ openid: v.nullable(v.string()), key: v.string(), visitor: v.optional(v.string()) }),
  consent: v.strictObject({ noticeVersion: line(1, 20), agreedAt: isoTime() }),
  /** The investor sent it from an English page: replies such as a recommendation are written in English. */
  investorLang: v.optional(v.literal('en')),
  sla: v.strictObject({
    firstResponseDueAt: isoTime(),
    firstRespondedAt: v.nullable(isoTime()),
    /** 0 none, 1 handler reminded, 2 unit leader copied, 3 returned to the pool. */
    escalation: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(3)),
    /** After the first response: when the next follow-up is due (null once the lead is closed). */
    followUpDueAt: v.optional(v.nullable(isoTime())),
    /** While unanswered: when the next rung of the ladder is due (null at the top or once answered). */
    nextEscalationAt: v.optional(v.nullable(isoTime())),
  }),
  fingerprint: v.string(),
  /** Company facts completed by staff (lead.setFacts); absent until someone does. */
  facts: v.optional(LeadFactsSchema),
  /**
   * Set when a staff member claimed the lead from the 待认领 pool (lead.poolClaim): who holds it and since when;
   * `checkAt` is when the SLA timer next looks at whether it went idle (warning, then back to the pool),
   * `warnedFor` the return time the holder was warned about. null once it went back.
   */
  pool: v.optional(
    v.nullable(v.strictObject({ heldBy: id(), claimedAt: isoTime(), checkAt: v.nullable(isoTime()), warnedFor: v.nullable(isoTime()) })),
  ),
  /** The investment bureau's confirmations of 签约 / 落地 (lead.confirmStage): only confirmed stages score. */
  confirmations: v.optional(StageConfirmationsSchema),
  /** PIPL: when the investor withdrew consent (no contact from then on) and when the personal fields were erased. */
  privacy: v.optional(
    v.strictObject({
      consentWithdrawnAt: v.optional(isoTime()),
      anonymisedAt: v.optional(isoTime()),
      anonymisedFor: v.optional(v.picklist(['request', 'retention'])),
    }),
  ),
  /** A 首报 dispute raised on this lead (another unit's lead held the company's first report), and its decision. */
  firstReportDispute: v.optional(FirstReportDisputeSchema),
  /** Carrier managers brought into the lead (see lead-participant.schema.ts); absent until the first one. */
  participants: v.optional(LeadParticipantsSchema),
  /** The participants' staff ids, kept beside the list for the «我参与的» inbox query (arrays of objects are not indexable). */
  participantStaffIds: v.optional(v.array(id())),
  _rev: v.number(),
  createdAt: isoTime(),
  updatedAt: isoTime(),
});
export type Lead = v.InferOutput<typeof LeadSchema>;
