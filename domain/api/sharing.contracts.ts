import * as v from 'valibot';
import { id, imageRef, line } from '../common/text';
import { SHARE_CHANNELS } from '../lead/lead.schema';
import { SHARE_CODE_PATTERN } from '../share/share-code.rules';
import { englishLine } from '../common/content-language';
import { defineContract } from './contract';

const shareCode = () => v.pipe(v.string(), v.regex(SHARE_CODE_PATTERN, '分享码格式不正确'));
/** A random id the app keeps per device, so anonymous (Moments) visitors can be counted once without an identity. */
const visitorKey = () => v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{16,48}$/));

/** Counts a card view. Public and anonymous-friendly: no list of viewers is kept, only salted hashes. */
export const recordVisitContract = defineContract({
  name: 'share.visit',
  fn: 'public-read',
  access: 'public',
  writes: true,
  request: v.strictObject({ cardId: id(), shareCode: v.optional(shareCode()), channel: v.picklist(SHARE_CHANNELS), visitorKey: visitorKey() }),
  response: v.object({ counted: v.boolean() }),
});

/** A new hop: the caller shares a card (their own, or one they received through `parentCode`). */
export const createShareContract = defineContract({
  name: 'share.create',
  fn: 'sharing',
  access: 'signed_in',
  writes: true,
  request: v.strictObject({ cardId: id(), channel: v.picklist(SHARE_CHANNELS), parentCode: v.optional(shareCode()) }),
  response: v.object({
    code: v.string(),
    depth: v.number(),
    /** Mini-program page path with query, for onShareAppMessage. */
    path: v.string(),
    /** Query string for onShareTimeline (Moments opens the current page with it). */
    query: v.string(),
    /** The H5 link for people without WeChat. */
    webUrl: v.string(),
  }),
});

export const shareQrContract = defineContract({
  name: 'share.qr',
  fn: 'sharing',
  access: 'signed_in',
  writes: true,
  request: v.strictObject({ code: shareCode() }),
  response: v.object({
    /** `wxacode`: a mini-program code from WeChat; `url`: a plain QR of the web link (local cloud, web). */
    kind: v.picklist(['wxacode', 'url']),
    /** cloud:// file id, https URL or data: URL, ready for an <Image src>. */
    image: v.string(),
    scene: v.string(),
  }),
});

export const CardEditSchema = v.strictObject({
  greeting: line(0, 60),
  visibility: v.strictObject({ phone: v.boolean(), wechatId: v.boolean(), wechatQr: v.boolean() }),
  featuredCarrierIds: v.pipe(v.array(id()), v.maxLength(6, '最多精选 6 个载体')),
  featuredIndustries: v.pipe(v.array(line(1, 20)), v.maxLength(6, '最多选择 6 个产业')),
  /** Leaders may hand their card's inquiries to an on-duty commissioner; null clears it. */
  onDutyStaffId: v.nullable(id()),
  title: line(1, 30),
  /** English for investors reading English (optional): the greeting, the name in Latin letters, the title. */
  greetingEn: englishLine(120),
  nameEn: englishLine(40),
  titleEn: englishLine(60),
  wechatId: v.nullable(v.pipe(line(1, 40), v.regex(/^[A-Za-z][A-Za-z0-9_-]{5,19}$/, '微信号格式不正确'))),
  wechatQr: v.nullable(imageRef()),
  photo: v.nullable(imageRef()),
});
export type CardEdit = v.InferOutput<typeof CardEditSchema>;

export const getMyCardContract = defineContract({
  name: 'card.mine',
  fn: 'sharing',
  access: 'staff',
  writes: false,
  request: v.strictObject({}),
  response: v.object({
    cardId: v.string(),
    edit: v.object({
      greeting: v.string(),
      visibility: v.object({ phone: v.boolean(), wechatId: v.boolean(), wechatQr: v.boolean() }),
      featuredCarrierIds: v.array(v.string()),
      featuredIndustries: v.array(v.string()),
      onDutyStaffId: v.nullable(v.string()),
      title: v.string(),
      greetingEn: v.optional(v.string()),
      nameEn: v.optional(v.string()),
      titleEn: v.optional(v.string()),
      wechatId: v.nullable(v.string()),
      wechatQr: v.nullable(v.string()),
      photo: v.nullable(v.string()),
    }),
    /** Choices the edit page offers: the district's locked lists. */
    districtIndustries: v.array(v.string()),
    carriers: v.array(v.object({ id: v.string(), name: v.string() })),
    colleagues: v.array(v.object({ staffId: v.string(), name: v.string(), title: v.string() })),
    isLeader: v.boolean(),
  }),
});

export const updateMyCardContract = defineContract({
  name: 'card.update',
  fn: 'sharing',
  access: 'staff',
  writes: true,
  request: CardEditSchema,
  response: v.object({ cardId: v.string(), updatedAt: v.string() }),
});

const channelCounts = v.record(v.string(), v.number());

export const cardStatsContract = defineContract({
  name: 'card.stats',
  fn: 'sharing',
  access: 'staff',
  writes: false,
  /** Without cardId: the caller's own card. Admins may ask for any card of their district. */
  request: v.strictObject({ cardId: v.optional(id()) }),
  response: v.object({
    cardId: v.string(),
    views: v.number(),
    uniqueVisitors: v.number(),
    shares: v.number(),
    maxReshareDepth: v.number(),
    leads: v.number(),
    viewsByChannel: channelCounts,
    leadsByChannel: channelCounts,
    weeks: v.array(v.object({ weekStart: v.string(), views: v.number(), leads: v.number() })),
    /** The card owner's median first-response time in working hours over their answered leads (null: none yet). */
    medianFirstResponseHours: v.nullable(v.number()),
    answeredLeads: v.number(),
  }),
});
