import { arenaContract } from '../../domain/api/report.contracts';
import { DomainError } from '../../domain/common/result';
import type { Lead } from '../../domain/lead/lead.schema';
import { boardFor, rankContestants, type ConfirmedStage, type ContestantFacts } from '../../domain/ranking/arena-score.rules';
import { weightsOf } from '../../domain/ranking/arena-weights.schema';
import { invalidatedAfterReport } from '../../domain/ranking/invalid-penalty.rules';
import { firstReports } from '../../domain/ranking/first-report.rules';
import { periodContaining, periodFromKey } from '../../domain/report/period.rules';
import { defineAction, requireStaff } from '../_lib/define-action';
import { listInvalidTouchedSince } from '../_lib/repositories/arena.repository';
import { listConfirmedLeads, listEventsOfLeads } from '../_lib/repositories/lead.repository';
import { getDistrict, listUnits } from '../_lib/repositories/org.repository';
import { listRollups } from '../_lib/repositories/rollup.repository';
import { firstReportStanding } from '../workspace/first-report';
import { periodDays, periodView } from './report-scope';

const companyOf = (lead: Lead) => lead.facts?.companyName ?? lead.contact.company;

/**
 * 擂台赛 for one quarter or month: every unit of the district, scored by arena-score.rules from the bureau's
 * confirmations dated in the period (首报: one project, one credit) and the promises kept on the period's
 * inquiries (roll-ups). The caller sees the top N and the own unit's line item by item.
 */
export const arenaAction = defineAction(arenaContract, async (deps, ctx, input) => {
  const me = requireStaff(ctx);
  const period = input.key ? periodFromKey(input.key) : periodContaining(input.kind, ctx.now);
  if (!period || period.kind !== input.kind) throw new DomainError('REPORT.PERIOD_INVALID', ['key']);
  const { fromDay, toDay } = periodDays(period);
  const [district, invalidated, units, signed, landed, rows] = await Promise.all([
    getDistrict(deps.store, me.districtId),
    listInvalidTouchedSince(deps.store, me.districtId, period.start.toISOString()),
    listUnits(deps.store, me.districtId),
    listConfirmedLeads(deps.store, me.districtId, 'signed', fromDay, toDay),
    listConfirmedLeads(deps.store, me.districtId, 'landed', fromDay, toDay),
    listRollups(deps.store, me.districtId, fromDay, toDay),
  ]);
  const weights = weightsOf(district);
  const byId = new Map<string, Lead>([...signed, ...landed].map((l) => [l._id, l]));
  // 报送后判定无效: closed as invalid in the period after reaching 洽谈 or beyond; a penalty for the reporting unit.
  const invalidEvents = await listEventsOfLeads(deps.store, invalidated.map((l) => l._id));
  const penalties = new Map<string, { leadId: string; company: string }[]>();
  for (const lead of invalidated) {
    const unitId = lead.credit.unitId;
    if (!unitId || !invalidatedAfterReport(invalidEvents.get(lead._id) ?? [], period.start.toISOString(), period.end.toISOString())) continue;
    penalties.set(unitId, [...(penalties.get(unitId) ?? []), { leadId: lead._id, company: companyOf(lead) }]);
  }
  const { kept: keptInPeriod, duplicates: inPeriod } = firstReports([...byId.values()]);
  // 首报 across the whole district, not only this period's confirmations: a project first reported (or awarded by
  // a decided dispute) elsewhere is a duplicate here too.
  const standings = await Promise.all(keptInPeriod.map((lead) => firstReportStanding(deps, lead)));
  const kept = keptInPeriod.filter((lead, i) => !standings[i].known || standings[i].holder?._id === lead._id);
  const duplicates = [...inPeriod, ...keptInPeriod.filter((lead) => !kept.includes(lead))];
  const stagesByUnit = new Map<string, ConfirmedStage[]>();
  for (const lead of kept) {
    const unitId = lead.credit.unitId;
    if (!unitId) continue;
    const list = stagesByUnit.get(unitId) ?? [];
    for (const stage of ['signed', 'landed'] as const) {
      const date = lead.confirmations?.[stage]?.date;
      if (date && date >= fromDay && date <= toDay) list.push({ leadId: lead._id, company: companyOf(lead), stage, tier: lead.facts?.investmentTier ?? null });
    }
    stagesByUnit.set(unitId, list);
  }
  const promises = new Map<string, { due: number; kept: number }>();
  for (const r of rows) {
    const p = promises.get(r.unitId) ?? { due: 0, kept: 0 };
    p.due += r.c.inquiries ?? 0;
    p.kept += r.c.respondedInTime ?? 0;
    promises.set(r.unitId, p);
  }
  const facts: ContestantFacts[] = units.map((u) => ({
    contestantId: u._id,
    name: u.name,
    confirmedStages: stagesByUnit.get(u._id) ?? [],
    promisesDue: promises.get(u._id)?.due ?? 0,
    promisesKept: promises.get(u._id)?.kept ?? 0,
    invalidAfterReport: penalties.get(u._id) ?? [],
    adjustments: [],
  }));
  const board = boardFor(rankContestants(facts, weights), me.unitId, weights.topN);
  return {
    period: periodView(period),
    contestants: board.contestants,
    topN: weights.topN,
    top: board.top,
    own: board.own ? { contestantId: board.own.contestantId, name: board.own.name, raw: board.own.raw, score: board.own.score, rank: board.own.rank, items: board.own.items.map((i) => ({ kind: i.kind, label: i.label, points: i.points, ...('leadId' in i ? { leadId: i.leadId } : {}) })) } : null,
    duplicatesRemoved: duplicates.length,
  };
});
