import * as v from 'valibot';
import { MatchReasonSchema, MatchShortfallSchema } from '../carrier/carrier-match.schema';
import { CARRIER_TYPES, PRICE_UNITS } from '../carrier/carrier.schema';
import { contentLanguage } from '../common/content-language';
import { id, line } from '../common/text';
import { defineContract } from './contract';
import { CarrierSummarySchema } from './views.schema';

const area = () => v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(10_000_000));

export const CarrierNeedSchema = v.pipe(
  v.strictObject({
    carrierType: v.optional(v.picklist(CARRIER_TYPES)),
    areaMin: v.optional(area()),
    areaMax: v.optional(area()),
    budgetMax: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1_000_000))),
    budgetUnit: v.optional(v.picklist(PRICE_UNITS)),
    industry: v.optional(line(1, 20)),
    street: v.optional(line(1, 20)),
  }),
  // A need with nothing in it matches everything, which helps nobody (and an empty array would pass as one).
  v.check((need) => Object.keys(need).length > 0, '请至少说明一项需求'),
  v.check((need) => (need.budgetMax === undefined) === (need.budgetUnit === undefined), '预算需同时给出金额和单位'),
);

export const CarrierMatchesSchema = v.object({
  matches: v.array(v.object({ carrier: CarrierSummarySchema, score: v.number(), reasons: v.array(MatchReasonSchema) })),
  nearMisses: v.array(v.object({ carrier: CarrierSummarySchema, failed: MatchShortfallSchema, reasons: v.array(MatchReasonSchema) })),
});
export type CarrierMatches = v.InferOutput<typeof CarrierMatchesSchema>;

/** «可能适合您的载体»: carriers that fit a stated need, with why, for anyone (the investor after submitting). */
export const matchCarriersContract = defineContract({
  name: 'carrier.match',
  fn: 'public-read',
  access: 'public',
  writes: false,
  request: v.strictObject({
    districtId: id(),
    need: CarrierNeedSchema,
    limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10)), 5),
    /** The page's language: carriers' English names and industries where they exist (see content-language.ts). */
    lang: contentLanguage(),
  }),
  response: CarrierMatchesSchema,
});

/** The carriers that fit a lead's need, for the staff answering it (and the recommendation they send). */
export const leadMatchesContract = defineContract({
  name: 'lead.matches',
  fn: 'workspace',
  access: 'staff',
  writes: false,
  /** `lang: 'en'` when the recommendation is written for an investor who asked in English. */
  request: v.strictObject({ leadId: id(), lang: contentLanguage() }),
  response: CarrierMatchesSchema,
});
