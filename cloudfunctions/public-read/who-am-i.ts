import { whoAmIContract } from '../../domain/api/public-read.contracts';
import { defineAction } from '../_lib/define-action';
import { findCardByStaff } from '../_lib/repositories/card.repository';

export const whoAmIAction = defineAction(whoAmIContract, async (deps, ctx) => {
  const { actor } = ctx;
  if (actor.kind === 'staff') {
    const card = await findCardByStaff(deps.store, actor.staff._id);
    const { staff } = actor;
    return {
      kind: 'staff' as const,
      staff: { staffId: staff._id, name: staff.name, districtId: staff.districtId, unitId: staff.unitId, roles: staff.roles, cardId: card?._id ?? null },
    };
  }
  return { kind: actor.kind === 'anonymous' ? ('anonymous' as const) : ('investor' as const), staff: null };
}, { needsActor: true });
