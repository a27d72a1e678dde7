import { adjustArenaContract } from '../../domain/api/report.contracts';
import { DomainError } from '../../domain/common/result';
import { MAX_ADJUSTMENTS, type ArenaAdjustment } from '../../domain/ranking/arena-snapshot.schema';
import { periodFromKey } from '../../domain/report/period.rules';
import { defineAction, requireStaff } from '../_lib/define-action';
import { newId } from '../_lib/ids';
import { getArenaSnapshot, pushArenaAdjustment } from '../_lib/repositories/arena-snapshot.repository';
import { recordAudit } from '../_lib/repositories/audit.repository';
import { getLead } from '../_lib/repositories/lead.repository';
import { getDistrict, getUnit } from '../_lib/repositories/org.repository';
import { getTeam } from '../_lib/repositories/team.repository';
import { lockedSnapshot, rankingFromSnapshot } from './arena-ranking';

/**
 * 擂台赛调整: the district admin corrects a locked period for one unit or team. A live period is refused (correct
 * the lead instead); the adjustment is appended to the snapshot and audited (who, when, the total before and after)
 * in one transaction, so two admins adjusting at once both land and both are logged.
 */
export const adjustArenaAction = defineAction(adjustArenaContract, async (deps, ctx, input) => {
  const me = requireStaff(ctx);
  if (!me.roles.includes('admin')) throw new DomainError('AUTH.FORBIDDEN');
  const period = periodFromKey(input.key);
  if (!period || period.kind !== input.kind) throw new DomainError('REPORT.PERIOD_INVALID', ['key']);
  const [district, contestant, lead] = await Promise.all([
    getDistrict(deps.store, me.districtId),
    input.contestantKind === 'unit' ? getUnit(deps.store, input.contestantId) : getTeam(deps.store, input.contestantId),
    input.leadId ? getLead(deps.store, input.leadId) : Promise.resolve(null),
  ]);
  if (!district) throw new DomainError('DISTRICT.NOT_FOUND');
  // Another district's unit or team is not the caller's to score.
  if (!contestant || contestant.districtId !== me.districtId) throw new DomainError('AUTH.FORBIDDEN');
  if (input.leadId && (!lead || lead.districtId !== me.districtId)) throw new DomainError('LEAD.NOT_FOUND', ['leadId']);
  const snapshot = await lockedSnapshot(deps, district, period, ctx.now);
  if (!snapshot) throw new DomainError('REPORT.PERIOD_NOT_LOCKED', ['key']);
  const totalOf = (s: typeof snapshot) => {
    const ranking = rankingFromSnapshot(s, period, () => []);
    const line = (input.contestantKind === 'unit' ? ranking.units : ranking.teams).find((l) => l.contestantId === input.contestantId);
    if (!line) throw new DomainError('REPORT.NOT_ON_BOARD', ['contestantId']);
    return line.raw;
  };
  const adjustment: ArenaAdjustment = {
    id: newId('adj', ctx.now, deps.randomBytes),
    contestantKind: input.contestantKind,
    contestantId: input.contestantId,
    points: input.points,
    reason: input.reason,
    leadId: input.leadId ?? null,
    staffId: me._id,
    actorName: me.name,
    at: ctx.now.toISOString(),
  };
  return deps.store.transaction(async (tx) => {
    const current = await getArenaSnapshot(tx, snapshot._id);
    if (!current) throw new DomainError('REPORT.PERIOD_NOT_LOCKED', ['key']);
    if (current.adjustments.length >= MAX_ADJUSTMENTS) throw new DomainError('REPORT.TOO_MANY_ADJUSTMENTS');
    const before = totalOf(current);
    const adjusted = { ...current, adjustments: [...current.adjustments, adjustment] };
    const after = totalOf(adjusted);
    await pushArenaAdjustment(tx, current._id, adjustment);
    await recordAudit(tx, {
      _id: newId('aud', ctx.now, deps.randomBytes),
      districtId: me.districtId,
      action: 'arena.adjust',
      target: { kind: input.contestantKind, id: input.contestantId },
      staffId: me._id,
      actorName: me.name,
      at: adjustment.at,
      before: { period: period.key, total: before },
      after: { period: period.key, total: after, adjustment },
    });
    return { adjustmentId: adjustment.id, before, after };
  });
});
