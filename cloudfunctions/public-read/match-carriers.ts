import { matchCarriersContract } from '../../domain/api/matching.contracts';
import { defineAction } from '../_lib/define-action';
import { matchNeed } from '../_lib/carrier-matching';

export const matchCarriersAction = defineAction(matchCarriersContract, (deps, ctx, input) => matchNeed(deps, input.districtId, input.need, ctx.now, input.limit, input.lang));
