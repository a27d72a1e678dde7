import type { CarrierMatches } from '../../domain/api/matching.contracts';
import { matchCarriers, type CarrierNeed } from '../../domain/carrier/carrier-match.rules';
import type { Carrier } from '../../domain/carrier/carrier.schema';
import type { ContentLanguage } from '../../domain/common/content-language';
import type { Deps } from './deps';
import { toCarrierSummary } from './read-models';
import { findMatchCandidates } from './repositories/carrier.repository';

/** Carriers read for one match: the tightest fits by vacancy, enough for a district and bounded for the function. */
const CANDIDATES = 500;
/** Carriers this much smaller than the need can still be near misses (see carrier-match.rules). */
const NEAR_AREA_FLOOR = 0.8;

/** One query (by district, type and vacancy: an index serves it), then the domain's match in memory. */
export const matchNeed = async (deps: Deps, districtId: string, need: CarrierNeed, now: Date, limit: number, lang?: ContentLanguage): Promise<CarrierMatches> => {
  const wanted = need.areaMin ?? need.areaMax ?? 0;
  const candidates = await findMatchCandidates(deps.store, { districtId, type: need.carrierType, minVacantArea: Math.max(wanted * NEAR_AREA_FLOOR, Number.MIN_VALUE), limit: CANDIDATES });
  const byId = new Map<string, Carrier>(candidates.map((c) => [c._id, c]));
  const result = matchCarriers(candidates, need, now, { matches: limit, nearMisses: Math.min(3, limit) });
  return {
    matches: result.matches.map((m) => ({ carrier: toCarrierSummary(byId.get(m.carrierId) as Carrier, lang), score: m.score, reasons: m.reasons })),
    nearMisses: result.nearMisses.map((m) => ({ carrier: toCarrierSummary(byId.get(m.carrierId) as Carrier, lang), failed: m.failed, reasons: m.reasons })),
  };
};
