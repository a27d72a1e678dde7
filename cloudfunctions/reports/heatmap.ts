import { heatmapContract } from '../../domain/api/heatmap.contracts';
import { buildHeatmap } from '../../domain/report/heatmap.rules';
import { defineAction, requireStaff } from '../_lib/define-action';
import { periodView, resolvePeriod, resolveScope, scopeChoices, scopeRollups } from './report-scope';

/**
 * 招商热力图: the period's inquiries of a scope (authorized exactly as 数据看板, by resolveScope) as a grid of
 * origin × industry or street × carrier type, summed from the roll-ups — a read never counts leads.
 */
export const heatmapAction = defineAction(heatmapContract, async (deps, ctx, input) => {
  const me = requireStaff(ctx);
  const period = resolvePeriod(input.period, ctx.now);
  const scope = await resolveScope(deps, me, input);
  // The caller's choices go out in the same wave as the rows: the picker costs no extra round trip.
  const [rows, choices] = await Promise.all([scopeRollups(deps, scope, period), scopeChoices(deps, me)]);
  return { scope: scope.scope, scopeLabel: scope.label, period: periodView(period), ...buildHeatmap(rows, input.kind, input.measure), leadsOpen: scope.leadsOpen, choices };
});
