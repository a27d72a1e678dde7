import { dashboardContract } from '../../domain/api/report.contracts';
import { summariseRollups } from '../../domain/report/dashboard.rules';
import { previousPeriod, type Period } from '../../domain/report/period.rules';
import { defineAction, requireStaff } from '../_lib/define-action';
import type { Deps } from '../_lib/deps';
import { countLeads } from '../_lib/repositories/lead.repository';
import { listUnits } from '../_lib/repositories/org.repository';
import { listRollups } from '../_lib/repositories/rollup.repository';
import { periodDays, periodView, resolvePeriod, resolveScope, type ResolvedScope } from './report-scope';

const rowsOf = (deps: Deps, scope: ResolvedScope, p: Period) => {
  const { fromDay, toDay } = periodDays(p);
  const only = scope.scope === 'unit' ? { unitId: scope.unitId } : scope.scope === 'person' ? { staffId: scope.staffId } : null;
  return listRollups(deps.store, scope.districtId, fromDay, toDay, only);
};

/** Unanswered past the promise now: a count on an index, among the leads the scope handles. */
const overdueNow = (deps: Deps, scope: ResolvedScope, now: Date) => {
  const open = { 'sla.firstRespondedAt': null, 'sla.firstResponseDueAt': { lt: now.toISOString() } };
  if (scope.scope === 'unit') return countLeads(deps.store, { 'handling.unitId': scope.unitId, ...open });
  if (scope.scope === 'person') return countLeads(deps.store, { 'handling.staffId': scope.staffId, ...open });
  return countLeads(deps.store, { districtId: scope.districtId, ...open });
};

/**
 * 数据看板: a scope's figures for a period and the one before it («以旬保月、以月保季、以季保年»), summed from the
 * roll-ups (a handful of rows per day), so a read never counts leads — except the one indexed count of overdue.
 */
export const dashboardAction = defineAction(dashboardContract, async (deps, ctx, input) => {
  const me = requireStaff(ctx);
  const period = resolvePeriod(input.period, ctx.now);
  const previous = previousPeriod(period);
  const scope = await resolveScope(deps, me, input);
  const [rows, previousRows, units, overdue] = await Promise.all([rowsOf(deps, scope, period), rowsOf(deps, scope, previous), listUnits(deps.store, scope.districtId), overdueNow(deps, scope, ctx.now)]);
  const unitNames = new Map(units.map((u) => [u._id, u.name]));
  return {
    scope: scope.scope,
    scopeLabel: scope.label,
    period: periodView(period),
    previous: periodView(previous),
    figures: summariseRollups(rows, unitNames),
    previousFigures: summariseRollups(previousRows, unitNames),
    overdueNow: overdue,
  };
});
