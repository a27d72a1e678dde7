import * as v from 'valibot';
import { CARRIER_TYPES, PRICE_UNITS } from '../carrier/carrier.schema';
import { contentLanguage, FallbackZhSchema } from '../common/content-language';
import { id, line } from '../common/text';
import { SHARE_CODE_PATTERN } from '../share/share-code.rules';
import { defineContract } from './contract';
import { CardViewSchema, CarrierDetailSchema, CarrierSummarySchema, PersonSchema } from './views.schema';

const shareCode = () => v.pipe(v.string(), v.regex(SHARE_CODE_PATTERN, '分享码格式不正确'));

/** The card page in one call. With no card or share, the district's default card (its head's). */
export const getCardContract = defineContract({
  name: 'card.get',
  fn: 'public-read',
  access: 'public',
  writes: false,
  request: v.strictObject({
    cardId: v.optional(id()),
    shareCode: v.optional(shareCode()),
    /** The page's language: English variants where they exist, the rest named in each view's `fallbackZh`. */
    lang: contentLanguage(),
  }),
  response: CardViewSchema,
});

export const CARRIER_SORTS = ['vacancy', 'price', 'verified'] as const;

export const searchCarriersContract = defineContract({
  name: 'carrier.search',
  fn: 'public-read',
  access: 'public',
  writes: false,
  request: v.strictObject({
    districtId: id(),
    type: v.optional(v.picklist(CARRIER_TYPES)),
    industry: v.optional(line(1, 20)),
    street: v.optional(line(1, 20)),
    keyword: v.optional(line(1, 30)),
    hasVacancy: v.optional(v.boolean()),
    minVacantArea: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0))),
    maxVacantArea: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0))),
    /**
     * Price ceiling, in `priceUnit`: a price means nothing without its unit, so maxPrice without priceUnit is
     * refused (VALIDATION.INVALID_INPUT on `priceUnit`). priceUnit alone keeps the carriers priced in that unit.
     */
    maxPrice: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0))),
    priceUnit: v.optional(v.picklist(PRICE_UNITS)),
    sort: v.optional(v.picklist(CARRIER_SORTS), 'vacancy'),
    /** Opaque keyset cursor returned by the previous page. */
    cursor: v.optional(v.pipe(v.string(), v.maxLength(200))),
    limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50)), 20),
    lang: contentLanguage(),
  }),
  response: v.object({
    items: v.array(CarrierSummarySchema),
    nextCursor: v.nullable(v.string()),
    /** How many carriers match in all, counted on the first page (no cursor); absent or null on later pages. */
    total: v.optional(v.nullable(v.number())),
    /** The carrier type the keyword named («园区» → industrial_park), searched as that type instead of as text. */
    keywordType: v.optional(v.nullable(v.picklist(CARRIER_TYPES))),
  }),
});

export const getCarrierContract = defineContract({
  name: 'carrier.get',
  fn: 'public-read',
  access: 'public',
  writes: false,
  request: v.strictObject({ carrierId: id(), lang: contentLanguage() }),
  response: CarrierDetailSchema,
});

export const listDirectoryContract = defineContract({
  name: 'directory.list',
  fn: 'public-read',
  access: 'public',
  writes: false,
  request: v.strictObject({
    districtId: id(),
    unitId: v.optional(id()),
    industry: v.optional(line(1, 20)),
    lang: contentLanguage(),
  }),
  response: v.object({
    units: v.array(v.object({ id: v.string(), name: v.string(), fallbackZh: FallbackZhSchema })),
    people: v.array(PersonSchema),
  }),
});

/** Who the caller is, as the backend sees it: drives which tabs the app shows. Never trusted by the backend. */
export const whoAmIContract = defineContract({
  name: 'session.whoami',
  fn: 'public-read',
  access: 'public',
  writes: false,
  request: v.strictObject({}),
  response: v.object({
    kind: v.picklist(['anonymous', 'investor', 'staff']),
    staff: v.nullable(
      v.object({ staffId: v.string(), name: v.string(), districtId: v.string(), unitId: v.string(), roles: v.array(v.string()), cardId: v.nullable(v.string()) }),
    ),
  }),
});
