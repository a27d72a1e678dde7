import { dashboardContract } from '../../domain/api/report.contracts';
import { districtBreakdown, summariseRollups, teamRows } from '../../domain/report/dashboard.rules';
import { previousPeriod, type Period } from '../../domain/report/period.rules';
import { defineAction, requireStaff } from '../_lib/define-action';
import type { Deps } from '../_lib/deps';
import { countOverdueLeads } from '../_lib/repositories/lead.repository';
import type { Where } from '../_lib/store/store-port';
import { periodView, resolvePeriod, resolveScope, scopeChoices, scopeRollups, scopeUnitNames, type ResolvedScope } from './report-scope';

/** A scope's rows; a team's are narrowed to its members once more (the query already is: the rule says why). */
const rowsOf = async (deps: Deps, scope: ResolvedScope, p: Period) => {
  const rows = await scopeRollups(deps, scope, p);
  return scope.scope === 'team' ? teamRows(rows, scope.memberStaffIds) : rows;
};

/**
 * Owed an answer and past the promise now (`isOverdueNow`: closed, consent-withdrawn and erased leads are not),
 * among the leads the scope handles: a count on an index whose fields are the equality fields, then the due time
 * (`by_*_unanswered_due`), so it reads only the overdue leads' entries.
 * A city: one count per district, all in one wave.
 */
export const overdueByDistrict = async (deps: Deps, scope: ResolvedScope, now: Date): Promise<Map<string, number>> => {
  const one = async (where: Where) => new Map([[scope.districtId, await countOverdueLeads(deps.store, where, now)]]);
  switch (scope.scope) {
    case 'unit':
      return one({ 'handling.unitId': scope.unitId });
    case 'person':
      return one({ 'handling.staffId': scope.staffId });
    case 'team':
      return scope.memberStaffIds.length === 0 ? new Map([[scope.districtId, 0]]) : one({ 'handling.staffId': { in: scope.memberStaffIds } });
    case 'district':
      return one({ districtId: scope.districtId });
    case 'city': {
      const counts = await Promise.all(scope.districts.map((d) => countOverdueLeads(deps.store, { districtId: d._id }, now)));
      return new Map(scope.districts.map((d, i) => [d._id, counts[i] ?? 0]));
    }
  }
};

/**
 * 数据看板: a scope's figures for a period and the one before it («以旬保月、以月保季、以季保年»), summed from the
 * roll-ups (a handful of rows per day), so a read never counts leads — except the indexed count of overdue.
 * Every read after the scope is resolved goes out in one wave: the rows of both periods, the unit names, the
 * overdue counts and the caller's choices.
 */
export const dashboardAction = defineAction(dashboardContract, async (deps, ctx, input) => {
  const me = requireStaff(ctx);
  const period = resolvePeriod(input.period, ctx.now);
  const previous = previousPeriod(period);
  const scope = await resolveScope(deps, me, input);
  const [rows, previousRows, unitNames, overdue, choices] = await Promise.all([
    rowsOf(deps, scope, period),
    rowsOf(deps, scope, previous),
    scopeUnitNames(deps, scope),
    overdueByDistrict(deps, scope, ctx.now),
    scopeChoices(deps, me),
  ]);
  return {
    scope: scope.scope,
    scopeLabel: scope.label,
    period: periodView(period),
    previous: periodView(previous),
    figures: summariseRollups(rows, unitNames),
    previousFigures: summariseRollups(previousRows, unitNames),
    overdueNow: [...overdue.values()].reduce((a, n) => a + n, 0),
    ...(scope.scope === 'city' ? { byDistrict: districtBreakdown(scope.districts, rows, previousRows, overdue) } : {}),
    leadsOpen: scope.leadsOpen,
    choices,
  };
});
