import { freshness } from './carrier.rules';
import type { MatchReason, MatchShortfall } from './carrier-match.schema';
import type { Carrier, CarrierType } from './carrier.schema';

/**
 * Matching an investor's need to carriers the way site selectors work: hard filters first (type, vacancy, area,
 * budget), then a score with reasons for what passed, and near misses that name the one constraint that failed
 * («面积差 300 ㎡», «价格高于预算 8 %») so staff can offer them honestly. Reasons are codes with numbers
 * (carrier-match.schema.ts); the pages put them in words in their language.
 */
export interface CarrierNeed {
  carrierType?: CarrierType;
  /** Square metres the investor needs at least / at most. */
  areaMin?: number;
  areaMax?: number;
  /** The most the investor will pay, in `budgetUnit`; compared only with carriers priced in that unit. */
  budgetMax?: number;
  budgetUnit?: Carrier['priceUnit'];
  industry?: string;
  street?: string;
}

export type MatchCarrier = Pick<
  Carrier,
  '_id' | 'name' | 'type' | 'street' | 'vacantArea' | 'hasVacancy' | 'priceMin' | 'priceMax' | 'priceUnit' | 'suitedIndustries' | 'lastVerifiedAt'
> &
  Partial<Pick<Carrier, 'suitedIndustriesEn'>>;

export interface CarrierMatch {
  carrierId: string;
  name: string;
  /** 0–100: area 40, price 25, industry 20, street 10, fresh vacancy 5. */
  score: number;
  reasons: MatchReason[];
}

export interface NearMiss {
  carrierId: string;
  name: string;
  /** The one constraint that failed, with by how much. */
  failed: MatchShortfall;
  reasons: MatchReason[];
}

export interface MatchResult {
  matches: CarrierMatch[];
  nearMisses: NearMiss[];
}

/** How far outside a constraint a carrier may fall and still be offered as a near miss. */
const NEAR_AREA_SHARE = 0.2;
const NEAR_PRICE_SHARE = 0.2;

const percent = (share: number): number => Math.max(1, Math.round(share * 100));

/** `gap`: how far outside the constraint, as a share of what was asked (near misses are offered closest first). */
type Check = { ok: true; points: number; reason?: MatchReason } | { ok: false; near: boolean; gap: number; failed: MatchShortfall };

const checkArea = (c: MatchCarrier, need: CarrierNeed): Check => {
  const wanted = need.areaMin ?? need.areaMax;
  if (wanted === undefined || wanted <= 0) return { ok: true, points: 40 };
  if (c.vacantArea >= wanted) return { ok: true, points: 40, reason: { code: 'area_fits', vacantArea: c.vacantArea } };
  const short = wanted - c.vacantArea;
  return { ok: false, near: c.vacantArea > 0 && short <= wanted * NEAR_AREA_SHARE, gap: short / wanted, failed: { code: 'area_short', short, vacantArea: c.vacantArea } };
};

const checkPrice = (c: MatchCarrier, need: CarrierNeed): Check => {
  if (need.budgetMax === undefined || need.budgetUnit === undefined) return { ok: true, points: 25 };
  if (c.priceMin === 0 && c.priceMax === 0) return { ok: true, points: 15, reason: { code: 'price_on_request' } };
  // Prices in another unit cannot be compared honestly: no points, no refusal, and say so.
  if (c.priceUnit !== need.budgetUnit) return { ok: true, points: 10, reason: { code: 'price_other_unit', unit: c.priceUnit } };
  if (c.priceMin <= need.budgetMax) return { ok: true, points: 25, reason: { code: 'price_in_budget', priceMin: c.priceMin, unit: c.priceUnit } };
  const over = (c.priceMin - need.budgetMax) / need.budgetMax;
  return { ok: false, near: over <= NEAR_PRICE_SHARE, gap: over, failed: { code: 'price_over', percent: percent(over) } };
};

const industryPoints = (c: MatchCarrier, need: CarrierNeed): { points: number; reason?: MatchReason } => {
  if (!need.industry) return { points: 20 };
  const wanted = need.industry.toLowerCase();
  const fits = (industry: string | undefined): boolean => !!industry && (industry.toLowerCase().includes(wanted) || wanted.includes(industry.toLowerCase()));
  // An investor writing in English names the industry in English: its variant beside the Chinese counts the same.
  const hit = c.suitedIndustries.findIndex((industry, i) => fits(industry) || fits(c.suitedIndustriesEn?.[i]));
  return hit >= 0 ? { points: 20, reason: { code: 'industry_fits', index: hit } } : { points: 0 };
};

export const matchCarriers = (carriers: readonly MatchCarrier[], need: CarrierNeed, now: Date, limit = { matches: 10, nearMisses: 5 }): MatchResult => {
  const matches: CarrierMatch[] = [];
  const nearMisses: (NearMiss & { gap: number })[] = [];
  for (const c of carriers) {
    if (need.carrierType && c.type !== need.carrierType) continue;
    if (!c.hasVacancy || c.vacantArea <= 0) continue;
    const area = checkArea(c, need);
    const price = checkPrice(c, need);
    const industry = industryPoints(c, need);
    const onStreet: MatchReason = { code: 'on_street' };
    const street = need.street && c.street === need.street ? { points: 10, reason: onStreet } : { points: need.street ? 0 : 10 };
    const fresh = freshness(c.lastVerifiedAt, now);
    const stale: MatchReason = { code: 'vacancy_stale', days: fresh.days };
    const freshPart = fresh.stale ? { points: 0, reason: stale } : { points: 5 };
    const passed = [area, price].filter((x): x is Extract<Check, { ok: true }> => x.ok);
    const failed = [area, price].filter((x): x is Extract<Check, { ok: false }> => !x.ok);
    const reasons = [...passed.map((p) => p.reason), industry.reason, street.reason, freshPart.reason].filter((r): r is MatchReason => !!r);
    if (failed.length === 0) {
      const score = passed.reduce((s, p) => s + p.points, 0) + industry.points + street.points + freshPart.points;
      matches.push({ carrierId: c._id, name: c.name, score, reasons });
    } else if (failed.length === 1 && failed[0].near) {
      nearMisses.push({ carrierId: c._id, name: c.name, failed: failed[0].failed, reasons, gap: failed[0].gap });
    }
  }
  matches.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'zh-CN') || a.carrierId.localeCompare(b.carrierId));
  nearMisses.sort((a, b) => a.gap - b.gap || a.carrierId.localeCompare(b.carrierId));
  return { matches: matches.slice(0, limit.matches), nearMisses: nearMisses.slice(0, limit.nearMisses).map(({ gap: _gap, ...miss }) => miss) };
};
