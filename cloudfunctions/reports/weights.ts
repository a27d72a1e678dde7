import { setWeightsContract, weightsContract } from '../../domain/api/report.contracts';
import { DomainError } from '../../domain/common/result';
import { DEFAULT_ARENA_WEIGHTS, weightsOf, weightsProblem } from '../../domain/ranking/arena-weights.schema';
import { defineAction, requireStaff } from '../_lib/define-action';
import { newId } from '../_lib/ids';
import { recordAudit } from '../_lib/repositories/audit.repository';
import { getDistrictTx, updateDistrictFields } from '../_lib/repositories/org-admin.repository';
import { getDistrict } from '../_lib/repositories/org.repository';

/** 计分权重: every staff member of the district may read what their board is scored by. */
export const weightsAction = defineAction(weightsContract, async (deps, ctx) => {
  const me = requireStaff(ctx);
  const district = await getDistrict(deps.store, me.districtId);
  if (!district) throw new DomainError('DISTRICT.NOT_FOUND');
  return { weights: weightsOf(district), defaults: DEFAULT_ARENA_WEIGHTS, custom: district.arenaWeights !== undefined };
});

/** 设置计分权重: the district admin only; the change and its before/after go to the audit log together. */
export const setWeightsAction = defineAction(setWeightsContract, async (deps, ctx, input) => {
  const me = requireStaff(ctx);
  if (!me.roles.includes('admin')) throw new DomainError('AUTH.FORBIDDEN');
  if (weightsProblem(input.weights)) throw new DomainError('REPORT.WEIGHTS_INVALID', ['weights']);
  const at = ctx.now.toISOString();
  await deps.store.transaction(async (tx) => {
    const district = await getDistrictTx(tx, me.districtId);
    if (!district) throw new DomainError('DISTRICT.NOT_FOUND');
    await updateDistrictFields(tx, district._id, { arenaWeights: input.weights, updatedAt: at });
    await recordAudit(tx, {
      _id: newId('aud', ctx.now, deps.randomBytes),
      districtId: district._id,
      action: 'district.arena_weights',
      target: { kind: 'district', id: district._id },
      staffId: me._id,
      actorName: me.name,
      at,
      before: weightsOf(district),
      after: input.weights,
    });
  });
  return { weights: input.weights };
});
