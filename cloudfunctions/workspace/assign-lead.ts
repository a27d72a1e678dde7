import { assignLeadContract } from '../../domain/api/workspace.contracts';
import { DomainError } from '../../domain/common/result';
import { defineAction } from '../_lib/define-action';
import { newId } from '../_lib/ids';
import { notifyStaff } from '../_lib/notifications';
import { recordLeadChange } from '../_lib/repositories/lead.repository';
import { getUnit } from '../_lib/repositories/org.repository';
import { getStaff } from '../_lib/repositories/staff.repository';
import { loadLeadFor } from './load-lead';

/** Hand a lead to another unit or person of the same district. Credit never moves; the receiver is told. */
export const assignLeadAction = defineAction(assignLeadContract, async (deps, ctx, input) => {
  const { lead, staff } = await loadLeadFor(deps, ctx, input.leadId, 'act');
  const unit = await getUnit(deps.store, input.toUnitId);
  if (!unit || unit.districtId !== lead.districtId) throw new DomainError('UNIT.NOT_FOUND');
  const receiver = input.toStaffId ? await getStaff(deps.store, input.toStaffId) : null;
  if (input.toStaffId && (!receiver || receiver.status !== 'active' || receiver.unitId !== unit._id)) throw new DomainError('STAFF.NOT_FOUND');
  if (lead._rev !== input.rev) throw new DomainError('LEAD.CONCURRENT_UPDATE');
  const at = ctx.now.toISOString();
  const handedOn = await recordLeadChange(
    deps.store,
    lead,
    { handling: { unitId: unit._id, staffId: receiver?._id ?? null }, updatedAt: at },
    [
      {
        _id: newId('ev', ctx.now, deps.randomBytes),
        leadId: lead._id,
        districtId: lead.districtId,
        type: 'assigned',
        actor: { kind: 'staff', staffId: staff._id, name: staff.name },
        text: `转交给 ${unit.name}${receiver ? ` · ${receiver.name}` : '（待认领）'}${input.note ? `：${input.note}` : ''}`,
        data: { toUnitId: unit._id, toStaffId: receiver?._id ?? null },
        at,
      },
    ],
    input.rev,
  );
  if (!handedOn) throw new DomainError('LEAD.CONCURRENT_UPDATE');
  const leader = !receiver && unit.leaderStaffId ? await getStaff(deps.store, unit.leaderStaffId) : null;
  await notifyStaff(
    deps,
    [receiver, leader],
    () => ({ kind: 'lead_assigned', page: `staff/lead-detail/index?id=${lead._id}`, fields: { thing1: `${staff.name}转交了一条线索`.slice(0, 20), thing2: lead.need.industry.slice(0, 20), time3: at } }),
    lead._id,
  );
  return { rev: input.rev + 1 };
});
