import { heatmapContract } from '../../domain/api/heatmap.contracts';
import { buildHeatmap } from '../../domain/report/heatmap.rules';
import type { Period } from '../../domain/report/period.rules';
import { defineAction, requireStaff } from '../_lib/define-action';
import type { Deps } from '../_lib/deps';
import { listRollups } from '../_lib/repositories/rollup.repository';
import { periodDays, periodView, resolvePeriod, resolveScope, type ResolvedScope } from './report-scope';

/** A scope's roll-up rows of a period; exhaustive, so a scope added to ResolvedScope must say what it reads here. */
const scopeRows = (deps: Deps, scope: ResolvedScope, p: Period) => {
  const { fromDay, toDay } = periodDays(p);
  switch (scope.scope) {
    case 'unit':
      return listRollups(deps.store, scope.districtId, fromDay, toDay, { unitId: scope.unitId });
    case 'person':
      return listRollups(deps.store, scope.districtId, fromDay, toDay, { staffId: scope.staffId });
    case 'district':
      return listRollups(deps.store, scope.districtId, fromDay, toDay, null);
    default: {
      const unknown: never = scope;
      throw new Error(`heat map: no roll-up read for scope ${JSON.stringify(unknown)}`);
    }
  }
};

/**
 * 招商热力图: the period's inquiries of a scope (authorized exactly as 数据看板, by resolveScope) as a grid of
 * origin × industry or street × carrier type, summed from the roll-ups — a read never counts leads.
 */
export const heatmapAction = defineAction(heatmapContract, async (deps, ctx, input) => {
  const me = requireStaff(ctx);
  const period = resolvePeriod(input.period, ctx.now);
  const scope = await resolveScope(deps, me, input);
  const rows = await scopeRows(deps, scope, period);
  return { scope: scope.scope, scopeLabel: scope.label, period: periodView(period), ...buildHeatmap(rows, input.kind, input.measure) };
});
