import * as v from 'valibot';
import { CARRIER_TYPES, PRICE_UNITS } from '../carrier/carrier.schema';
import { FallbackZhSchema } from '../common/content-language';

/** Read models returned to the app: only what pages show, nothing private. */

export const CarrierSummarySchema = v.object({
  id: v.string(),
  type: v.picklist(CARRIER_TYPES),
  name: v.string(),
  street: v.string(),
  totalArea: v.number(),
  vacantArea: v.number(),
  hasVacancy: v.boolean(),
  priceMin: v.nullable(v.number()),
  priceMax: v.nullable(v.number()),
  priceUnit: v.picklist(PRICE_UNITS),
  photo: v.nullable(v.string()),
  suitedIndustries: v.array(v.string()),
  lastVerifiedAt: v.string(),
  /** On an English read: the fields shown in Chinese for want of English (domain/common/content-language.ts). */
  fallbackZh: FallbackZhSchema,
  /** On an English read: the Chinese street, the value the street filter takes. */
  streetZh: v.optional(v.string()),
});
export type CarrierSummary = v.InferOutput<typeof CarrierSummarySchema>;

export const CarrierDetailSchema = v.object({
  ...CarrierSummarySchema.entries,
  districtId: v.string(),
  /** Shown when the detail is opened directly (a shared link), without the card around it. */
  districtName: v.string(),
  isDemo: v.boolean(),
  address: v.string(),
  floors: v.nullable(v.number()),
  facilities: v.array(v.string()),
  policies: v.array(v.string()),
  photos: v.array(v.string()),
  managerName: v.string(),
  managerPhone: v.string(),
  location: v.object({ lat: v.number(), lng: v.number() }),
  /** Images drawn from this carrier in the read's language (5:4 chat, 1:1 Moments), when current; else absent. */
  shareImages: v.optional(v.object({ chat: v.nullable(v.string()), moments: v.nullable(v.string()) })),
});
export type CarrierDetail = v.InferOutput<typeof CarrierDetailSchema>;

export const PersonSchema = v.object({
  staffId: v.string(),
  cardId: v.nullable(v.string()),
  unitId: v.string(),
  name: v.string(),
  title: v.string(),
  unitName: v.string(),
  photo: v.nullable(v.string()),
  /** Null when the person keeps it private on their card. */
  phone: v.nullable(v.string()),
  wechatId: v.nullable(v.string()),
  wechatQr: v.nullable(v.string()),
  industryFocus: v.array(v.string()),
  fallbackZh: FallbackZhSchema,
});
export type Person = v.InferOutput<typeof PersonSchema>;

export const DistrictViewSchema = v.object({
  id: v.string(),
  name: v.string(),
  slogan: v.string(),
  intro: v.string(),
  keyIndustries: v.array(v.string()),
  headlineFigures: v.array(v.object({ label: v.string(), value: v.string() })),
  policyHighlights: v.array(v.string()),
  coverImage: v.nullable(v.string()),
  isDemo: v.boolean(),
  firstResponseHours: v.number(),
  fallbackZh: FallbackZhSchema,
  /** On an English read: the Chinese industry names, the values the industry filters take. */
  keyIndustriesZh: v.optional(v.array(v.string())),
});
export type DistrictView = v.InferOutput<typeof DistrictViewSchema>;

export const CardViewSchema = v.object({
  cardId: v.string(),
  greeting: v.string(),
  district: DistrictViewSchema,
  owner: PersonSchema,
  /** Who answers this card's inquiries, when it is not the owner (a leader's card with an on-duty commissioner). */
  contact: v.nullable(PersonSchema),
  /** The owner left (access revoked): `contact` is their successor and the owner's own contact is withheld. */
  ownerDeparted: v.optional(v.literal(true)),
  featuredIndustries: v.array(v.string()),
  highlightedCarriers: v.array(CarrierSummarySchema),
  /** The share this visit came through, if any; the app passes it on to the lead form. */
  shareCode: v.nullable(v.string()),
  /** Images drawn from this card's current content for a chat share (5:4) and Moments (1:1); absent when none is. */
  shareImages: v.optional(v.object({ chat: v.nullable(v.string()), moments: v.nullable(v.string()) })),
  /** `greeting`, `featuredIndustries.i`: the card's own fields shown in Chinese on an English read. */
  fallbackZh: FallbackZhSchema,
});
export type CardView = v.InferOutput<typeof CardViewSchema>;
