import { freshness } from './carrier.rules';
import type { Carrier, CarrierType } from './carrier.schema';
import { PRICE_UNIT_LABELS } from './carrier.schema';

/**
 * Matching an investor's need to carriers the way site selectors work: hard filters first (type, vacancy, area,
 * budget), then a score with reasons for what passed, and near misses that name the one constraint that failed
 * («面积差 300 ㎡», «价格高于预算 8 %») so staff can offer them honestly.
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
>;

export interface CarrierMatch {
  carrierId: string;
  name: string;
  /** 0–100: area 40, price 25, industry 20, street 10, fresh vacancy 5. */
  score: number;
  reasons: string[];
}

export interface NearMiss {
  carrierId: string;
  name: string;
  /** The one constraint that failed, said plainly. */
  failed: string;
  reasons: string[];
}

export interface MatchResult {
  matches: CarrierMatch[];
  nearMisses: NearMiss[];
}

/** How far outside a constraint a carrier may fall and still be offered as a near miss. */
const NEAR_AREA_SHARE = 0.2;
const NEAR_PRICE_SHARE = 0.2;

const groupDigits = (n: number): string => Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
const percent = (share: number): string => `${Math.max(1, Math.round(share * 100))} %`;

/** `gap`: how far outside the constraint, as a share of what was asked (near misses are offered closest first). */
type Check = { ok: true; points: number; reason?: string } | { ok: false; near: boolean; gap: number; failed: string };

const checkArea = (c: MatchCarrier, need: CarrierNeed): Check => {
  const wanted = need.areaMin ?? need.areaMax;
  if (wanted === undefined || wanted <= 0) return { ok: true, points: 40 };
  if (c.vacantArea >= wanted) return { ok: true, points: 40, reason: `空置 ${groupDigits(c.vacantArea)} ㎡ 符合` };
  const short = wanted - c.vacantArea;
  return { ok: false, near: c.vacantArea > 0 && short <= wanted * NEAR_AREA_SHARE, gap: short / wanted, failed: `面积差 ${groupDigits(short)} ㎡（空置 ${groupDigits(c.vacantArea)} ㎡）` };
};

const checkPrice = (c: MatchCarrier, need: CarrierNeed): Check => {
  if (need.budgetMax === undefined || need.budgetUnit === undefined) return { ok: true, points: 25 };
  if (c.priceMin === 0 && c.priceMax === 0) return { ok: true, points: 15, reason: '价格面议' };
  // Prices in another unit cannot be compared honestly: no points, no refusal, and say so.
  if (c.priceUnit !== need.budgetUnit) return { ok: true, points: 10, reason: `报价单位为 ${PRICE_UNIT_LABELS[c.priceUnit]}，需另行核算` };
  if (c.priceMin <= need.budgetMax) return { ok: true, points: 25, reason: `价格 ${c.priceMin} ${PRICE_UNIT_LABELS[c.priceUnit]} 起，在预算内` };
  const over = (c.priceMin - need.budgetMax) / need.budgetMax;
  return { ok: false, near: over <= NEAR_PRICE_SHARE, gap: over, failed: `价格高于预算 ${percent(over)}` };
};

const industryPoints = (c: MatchCarrier, need: CarrierNeed): { points: number; reason?: string } => {
  if (!need.industry) return { points: 20 };
  const wanted = need.industry.toLowerCase();
  const hit = c.suitedIndustries.find((i) => i.toLowerCase().includes(wanted) || wanted.includes(i.toLowerCase()));
  return hit ? { points: 20, reason: `适合${hit}` } : { points: 0 };
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
    const street = need.street && c.street === need.street ? { points: 10, reason: `位于${c.street}` } : { points: need.street ? 0 : 10 };
    const fresh = freshness(c.lastVerifiedAt, now);
    const freshPart = fresh.stale ? { points: 0, reason: `空置面积${fresh.label}，待更新` } : { points: 5 };
    const passed = [area, price].filter((x): x is Extract<Check, { ok: true }> => x.ok);
    const failed = [area, price].filter((x): x is Extract<Check, { ok: false }> => !x.ok);
    const reasons = [...passed.map((p) => p.reason), industry.reason, street.reason, freshPart.reason].filter((r): r is string => !!r);
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
