import { WEEKENDS_ONLY } from '../../domain/calendar/working-calendar.schema';
import type { Lead } from '../../domain/lead/lead.schema';
import type { District } from '../../domain/org/district.schema';
import type { Team } from '../../domain/org/team.schema';
import { rankScored, scoreItems, type ConfirmedStage, type ContestantFacts, type ContestantScore, type ScoreItem } from '../../domain/ranking/arena-score.rules';
import { arenaLockAt, arenaSnapshotId } from '../../domain/ranking/arena-lock.rules';
import type { ArenaAdjustment, ArenaSnapshot, ContestantKind } from '../../domain/ranking/arena-snapshot.schema';
import { weightsOf, type ArenaWeights } from '../../domain/ranking/arena-weights.schema';
import { firstReports, reportsAsOf } from '../../domain/ranking/first-report.rules';
import { invalidatedAfterReport } from '../../domain/ranking/invalid-penalty.rules';
import type { Period } from '../../domain/report/period.rules';
import { NONE } from '../../domain/report/lead-rollup.rules';
import type { Deps } from '../_lib/deps';
import { listAnsweredAfter, listInvalidClosingsBetween, listStatusChangesUpTo } from '../_lib/repositories/arena.repository';
import { getLeadsByIds } from '../_lib/repositories/privacy.repository';
import { getArenaSnapshot, recordArenaSnapshot } from '../_lib/repositories/arena-snapshot.repository';
import { listConfirmedLeads, listEventsOfLeads } from '../_lib/repositories/lead.repository';
import { listUnits } from '../_lib/repositories/org.repository';
import { listRollups } from '../_lib/repositories/rollup.repository';
import { listTeams } from '../_lib/repositories/team.repository';
import { firstReportStanding } from '../workspace/first-report';
import { periodDays } from './report-scope';

const companyOf = (lead: Lead) => lead.facts?.companyName ?? lead.contact.company;

export type LockedContestant = ArenaSnapshot['contestants'][number];

/** One ranked line of the board, with what it is and the adjustments its total includes. */
export type RankedLine = ContestantScore & { kind: ContestantKind; adjustments: ArenaAdjustment[] };

export interface ArenaRanking {
  period: Period;
  weights: ArenaWeights;
  lock: { at: string; locked: boolean };
  units: RankedLine[];
  teams: RankedLine[];
  /** The teams whose current members include each person: the viewer's own team row. */
  teamsOf: (staffId: string) => string[];
  duplicatesRemoved: number;
}

/**
 * The period's board as of `asOf` (now for a live board, the lock moment for a snapshot, however late the run
 * that stores it): the bureau's confirmations recorded by then and dated in the period (首报: one project, one
 * credit, by the awards decided by then), the promises kept on its inquiries (roll-ups, less the answers given
 * after `asOf`) and the invalid-after-report penalties as the status events up to `asOf` tell them. A unit scores
 * its credited leads; a team the leads credited to its current members (each lead once: it has one credited
 * person), and the members' person roll-up rows, read in the same batch as the units'.
 */
const liveContestants = async (deps: Deps, district: District, period: Period, asOf: Date, live: boolean) => {
  const { fromDay, toDay } = periodDays(period);
  const asOfIso = asOf.toISOString();
  const startIso = period.start.toISOString();
  const closedBy = asOf < period.end ? asOfIso : new Date(period.end.getTime() - 1).toISOString();
  const [closings, units, teams, signed, landed, rows, lateAnswers] = await Promise.all([
    listInvalidClosingsBetween(deps.store, district._id, startIso, closedBy),
    listUnits(deps.store, district._id),
    listTeams(deps.store, district._id),
    listConfirmedLeads(deps.store, district._id, 'signed', fromDay, toDay),
    listConfirmedLeads(deps.store, district._id, 'landed', fromDay, toDay),
    listRollups(deps.store, district._id, fromDay, toDay),
    // Live: nobody answered after now. A snapshot: the answers given between the lock moment and this run.
    live ? Promise.resolve([]) : listAnsweredAfter(deps.store, district._id, startIso, period.end.toISOString(), asOfIso),
  ]);
  const confirmedInTime = (lead: Lead, stage: 'signed' | 'landed') => {
    const c = lead.confirmations?.[stage];
    return c && c.date >= fromDay && c.date <= toDay && c.at <= asOfIso ? c : null;
  };
  // 首报 judges every report by its status at `asOf` (a report closed as invalid then verified nothing, whatever
  // it is now); live, that is the status now. A snapshot reads the status events up to the lock moment.
  const asOfReports = async (leads: Lead[]): Promise<Lead[]> => {
    if (live) return leads;
    const changes = await listStatusChangesUpTo(deps.store, leads.map((l) => l._id), asOfIso);
    return reportsAsOf(leads, (id) => changes.get(id) ?? [], asOfIso);
  };
  const confirmed = await asOfReports([...new Map([...signed, ...landed].map((l) => [l._id, l])).values()].filter((l) => confirmedInTime(l, 'signed') || confirmedInTime(l, 'landed')));
  const closedIds = [...new Set(closings.map((e) => e.leadId))];
  const [closedLeads, closedEvents] = await Promise.all([getLeadsByIds(deps.store, closedIds), listEventsOfLeads(deps.store, closedIds, { at: { lte: asOfIso } })]);
  const penalised = closedIds
    .filter((id) => invalidatedAfterReport(closedEvents.get(id) ?? [], startIso, period.end.toISOString()))
    .map((id) => closedLeads.get(id))
    .filter((l): l is Lead => l !== undefined);
  const { kept: keptInPeriod, duplicates: inPeriod } = firstReports(confirmed, asOfIso);
  // 首报 across the whole district, not only this period's confirmations: a project first reported (or awarded by
  // a decided dispute) elsewhere is a duplicate here too.
  const standings = await Promise.all(keptInPeriod.map((lead) => firstReportStanding(deps, lead, asOfIso, live ? undefined : asOfReports)));
  const kept = keptInPeriod.filter((lead, i) => !standings[i].known || standings[i].holder?._id === lead._id);
  const duplicatesRemoved = inPeriod.length + keptInPeriod.length - kept.length;
  const stagesOf = (lead: Lead): ConfirmedStage[] =>
    (['signed', 'landed'] as const).filter((stage) => confirmedInTime(lead, stage)).map((stage) => ({ leadId: lead._id, company: companyOf(lead), stage, tier: lead.facts?.investmentTier ?? null }));
  // Promises per unit and per person, summed once: a team adds up its members' person rows.
  // An answer given after `asOf` was not there at that moment: its «in time» comes back out.
  const answeredLate = lateAnswers.filter((l) => l.sla.firstRespondedAt !== null && l.sla.firstRespondedAt <= l.sla.firstResponseDueAt);
  const promisesBy = (dimension: 'unitId' | 'staffId') => {
    const sums = new Map<string, { due: number; kept: number }>();
    const at = (key: string) => {
      const p = sums.get(key) ?? { due: 0, kept: 0 };
      sums.set(key, p);
      return p;
    };
    for (const r of rows) {
      const p = at(r[dimension]);
      p.due += r.c.inquiries ?? 0;
      p.kept += r.c.respondedInTime ?? 0;
    }
    for (const l of answeredLate) at(l.credit[dimension] ?? NONE).kept -= 1;
    return sums;
  };
  const byUnit = promisesBy('unitId');
  const byPerson = promisesBy('staffId');
  const factsOf = (
    contestantId: string,
    name: string,
    promises: { due: number; kept: number },
    credited: (who: { unitId?: string | null; staffId?: string | null }) => boolean,
  ): ContestantFacts => {
    return {
      contestantId,
      name,
      confirmedStages: kept.filter((l) => credited(l.credit)).flatMap(stagesOf),
      promisesDue: promises.due,
      promisesKept: promises.kept,
      invalidAfterReport: penalised.filter((l) => credited(l.credit)).map((l) => ({ leadId: l._id, company: companyOf(l) })),
      adjustments: [],
    };
  };
  const weights = weightsOf(district);
  const locked = (kind: ContestantKind, facts: ContestantFacts): LockedContestant => ({
    kind,
    contestantId: facts.contestantId,
    name: facts.name,
    items: scoreItems(facts, weights).map((i) => ({ kind: i.kind as LockedContestant['items'][number]['kind'], label: i.label, points: i.points, ...('leadId' in i ? { leadId: i.leadId } : {}) })),
  });
  const contestants = [
    ...units.map((u) => locked('unit', factsOf(u._id, u.name, byUnit.get(u._id) ?? { due: 0, kept: 0 }, (c) => c.unitId === u._id))),
    ...teams.map((t: Team) => {
      const members = new Set(t.memberStaffIds);
      const promises = { due: 0, kept: 0 };
      for (const m of members) {
        promises.due += byPerson.get(m)?.due ?? 0;
        promises.kept += byPerson.get(m)?.kept ?? 0;
      }
      return locked('team', factsOf(t._id, t.name, promises, (c) => typeof c.staffId === 'string' && members.has(c.staffId)));
    }),
  ];
  return { contestants, duplicatesRemoved, teams };
};

/** Ranks one kind of contestant: its locked (or live) items, plus its adjustments as items of their own. */
const rankKind = (contestants: readonly LockedContestant[], adjustments: readonly ArenaAdjustment[], kind: ContestantKind, weights: ArenaWeights): RankedLine[] => {
  const ofKind = contestants.filter((c) => c.kind === kind);
  const adjustmentsOf = (id: string) => adjustments.filter((a) => a.contestantKind === kind && a.contestantId === id);
  const ranked = rankScored(
    ofKind.map((c) => ({
      contestantId: c.contestantId,
      name: c.name,
      items: [
        ...c.items.map((i) => i as ScoreItem),
        ...adjustmentsOf(c.contestantId).map((a): ScoreItem => ({ kind: 'adjustment', adjustmentId: a.id, label: `调整：${a.reason}`, points: a.points, ...(a.leadId ? { leadId: a.leadId } : {}) })),
      ],
    })),
    weights,
  );
  return ranked.map((line) => ({ ...line, kind, adjustments: adjustmentsOf(line.contestantId) }));
};

/** Builds the ranking from a locked snapshot: what the board and the bulletin show after the lock. */
export const rankingFromSnapshot = (snapshot: ArenaSnapshot, period: Period, teamsOf: ArenaRanking['teamsOf']): ArenaRanking => ({
  period,
  weights: snapshot.weights,
  lock: { at: snapshot.lockedAt, locked: true },
  units: rankKind(snapshot.contestants, snapshot.adjustments, 'unit', snapshot.weights),
  teams: rankKind(snapshot.contestants, snapshot.adjustments, 'team', snapshot.weights),
  teamsOf,
  duplicatesRemoved: snapshot.duplicatesRemoved,
});

const teamsOfFrom = (teams: readonly Team[]) => (staffId: string) => teams.filter((t) => t.memberStaffIds.includes(staffId)).map((t) => t._id);

/**
 * The period's locked snapshot, stored now if the lock moment has passed and no run stored it yet (at the first
 * read or timer run after it); null while the period is still live.
 */
export const lockedSnapshot = async (deps: Deps, district: District, period: Period, now: Date): Promise<ArenaSnapshot | null> => {
  const id = arenaSnapshotId(district._id, period.key);
  const stored = await getArenaSnapshot(deps.store, id);
  if (stored) return stored;
  const weights = weightsOf(district);
  const lockAt = arenaLockAt(period, weights.lockAfterWorkingDays, district.workingCalendar ?? WEEKENDS_ONLY);
  if (now < lockAt || (period.kind !== 'quarter' && period.kind !== 'month')) return null;
  const live = await liveContestants(deps, district, period, lockAt, false);
  return recordArenaSnapshot(deps.store, {
    _id: id,
    districtId: district._id,
    periodKey: period.key,
    kind: period.kind,
    lockedAt: lockAt.toISOString(),
    storedAt: now.toISOString(),
    weights,
    duplicatesRemoved: live.duplicatesRemoved,
    contestants: live.contestants,
    adjustments: [],
  });
};

/**
 * 擂台赛 for one quarter or month of a district: the locked snapshot (with its adjustments) once the period has
 * locked, else scored now by the district's weights. The board and the monthly bulletin both read this.
 */
export const arenaRanking = async (deps: Deps, district: District, period: Period, now: Date): Promise<ArenaRanking> => {
  const snapshot = await lockedSnapshot(deps, district, period, now);
  if (snapshot) return rankingFromSnapshot(snapshot, period, teamsOfFrom(await listTeams(deps.store, district._id)));
  const weights = weightsOf(district);
  const lockAt = arenaLockAt(period, weights.lockAfterWorkingDays, district.workingCalendar ?? WEEKENDS_ONLY);
  const live = await liveContestants(deps, district, period, now, true);
  return {
    period,
    weights,
    lock: { at: lockAt.toISOString(), locked: false },
    units: rankKind(live.contestants, [], 'unit', weights),
    teams: rankKind(live.contestants, [], 'team', weights),
    teamsOf: teamsOfFrom(live.teams),
    duplicatesRemoved: live.duplicatesRemoved,
  };
};
