import * as v from 'valibot';
import { PRICE_UNITS } from './carrier.schema';

/**
 * Why a carrier fits a need, and what a near miss lacks, as codes with their numbers: the page renders them in its
 * language (src/i18n/match-reason-text.ts is the one wording), staff read the same words in Chinese. Content the
 * reason points at (the suited industry, the street) is named by where it sits in the carrier's view, so an
 * English read shows the carrier's English text, or its Chinese marked «中文».
 */
export const MatchReasonSchema = v.variant('code', [
  /** The vacancy covers the area asked for. */
  v.object({ code: v.literal('area_fits'), vacantArea: v.number() }),
  /** No price published: to be negotiated. */
  v.object({ code: v.literal('price_on_request') }),
  /** Priced in another unit than the budget: not comparable, to be worked out. */
  v.object({ code: v.literal('price_other_unit'), unit: v.picklist(PRICE_UNITS) }),
  v.object({ code: v.literal('price_in_budget'), priceMin: v.number(), unit: v.picklist(PRICE_UNITS) }),
  /** `index` into the carrier's `suitedIndustries`. */
  v.object({ code: v.literal('industry_fits'), index: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  /** On the street asked for (the carrier's `street`). */
  v.object({ code: v.literal('on_street') }),
  /** The vacancy was last verified `days` ago, longer than fresh. */
  v.object({ code: v.literal('vacancy_stale'), days: v.number() }),
]);
export type MatchReason = v.InferOutput<typeof MatchReasonSchema>;

/** The one constraint a near miss fails. */
export const MatchShortfallSchema = v.variant('code', [
  v.object({ code: v.literal('area_short'), short: v.number(), vacantArea: v.number() }),
  /** Whole per cent over the budget, at least 1. */
  v.object({ code: v.literal('price_over'), percent: v.number() }),
]);
export type MatchShortfall = v.InferOutput<typeof MatchShortfallSchema>;
