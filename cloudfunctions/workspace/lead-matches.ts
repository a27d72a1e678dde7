import { leadMatchesContract } from '../../domain/api/matching.contracts';
import type { CarrierNeed } from '../../domain/carrier/carrier-match.rules';
import { defineAction } from '../_lib/define-action';
import { matchNeed } from '../_lib/carrier-matching';
import { loadLeadFor } from './load-lead';

/** What the investor asked for, as a need to match: type, area and industry come from the inquiry form. */
export const leadMatchesAction = defineAction(leadMatchesContract, async (deps, ctx, input) => {
  const { lead } = await loadLeadFor(deps, ctx, input.leadId, 'view');
  const need: CarrierNeed = {
    carrierType: lead.need.carrierType,
    areaMin: lead.need.areaMin,
    areaMax: lead.need.areaMax,
    industry: lead.need.industry,
  };
  return matchNeed(deps, lead.districtId, need, ctx.now, 5, input.lang);
});
