import { arenaContract } from '../../domain/api/report.contracts';
import { DomainError } from '../../domain/common/result';
import { adjustmentNote } from '../../domain/ranking/arena-lock.rules';
import { periodContaining, periodFromKey } from '../../domain/report/period.rules';
import { defineAction, requireStaff } from '../_lib/define-action';
import { getDistrict } from '../_lib/repositories/org.repository';
import { arenaRanking, type RankedLine } from './arena-ranking';
import { periodView } from './report-scope';

const lineView = (l: RankedLine) => ({ contestantId: l.contestantId, name: l.name, raw: l.raw, score: l.score, rank: l.rank, adjustmentNote: adjustmentNote(l.adjustments) });
const ownView = (l: RankedLine | undefined) =>
  l ? { ...lineView(l), items: l.items.map((i) => ({ kind: i.kind, label: i.label, points: i.points, ...('leadId' in i ? { leadId: i.leadId } : {}) })) } : null;

/**
 * 擂台赛 for one quarter or month: every unit and every team of the district (arena-ranking.ts: scored now, or the
 * locked snapshot with its adjustments). The caller sees the top N and its own unit's and team's lines item by item;
 * the district admin sees every line (whoever they may have to adjust).
 */
export const arenaAction = defineAction(arenaContract, async (deps, ctx, input) => {
  const me = requireStaff(ctx);
  const period = input.key ? periodFromKey(input.key) : periodContaining(input.kind, ctx.now);
  if (!period || period.kind !== input.kind) throw new DomainError('REPORT.PERIOD_INVALID', ['key']);
  const district = await getDistrict(deps.store, me.districtId);
  if (!district) throw new DomainError('DISTRICT.NOT_FOUND');
  const ranking = await arenaRanking(deps, district, period, ctx.now);
  const topN = ranking.weights.topN;
  const shown = (lines: RankedLine[]) => (me.roles.includes('admin') ? lines : lines.filter((l) => l.rank <= topN)).map(lineView);
  const myTeams = new Set(ranking.teamsOf(me._id));
  return {
    period: periodView(period),
    contestants: ranking.units.length,
    topN,
    top: shown(ranking.units),
    own: ownView(ranking.units.find((l) => l.contestantId === me.unitId)),
    duplicatesRemoved: ranking.duplicatesRemoved,
    lock: ranking.lock,
    teams: { contestants: ranking.teams.length, top: shown(ranking.teams), own: ownView(ranking.teams.find((l) => myTeams.has(l.contestantId))) },
  };
});
