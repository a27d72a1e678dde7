import { adminUnitSaveContract } from '../../domain/api/admin.contracts';
import { DomainError } from '../../domain/common/result';
import type { Unit } from '../../domain/org/unit.schema';
import { defineAction } from '../_lib/define-action';
import { newId } from '../_lib/ids';
import { recordAudit } from '../_lib/repositories/audit.repository';
import { getUnitTx, insertUnit, updateUnitFields } from '../_lib/repositories/org-admin.repository';
import { getUnit, listUnits } from '../_lib/repositories/org.repository';
import { getStaff } from '../_lib/repositories/staff.repository';
import { actorOf, auditEntry, openOfficeForWrite, requireDistrictAdmin, snapshot } from './office-context';

/** Creates or edits a unit of the caller's district (bureaus, departments, streets, parks). District admins only. */
export const adminUnitSaveAction = defineAction(adminUnitSaveContract, async (deps, ctx, input) => {
  const office = await openOfficeForWrite(deps, ctx);
  requireDistrictAdmin(office);
  const districtId = office.home._id;
  if (input.leaderStaffId) {
    const leader = await getStaff(deps.store, input.leaderStaffId);
    if (!leader || leader.districtId !== districtId) throw new DomainError('STAFF.NOT_FOUND', ['leaderStaffId']);
    if (leader.status === 'revoked') throw new DomainError('ADMIN.STAFF_INACTIVE', ['leaderStaffId']);
  }
  if (input.parentUnitId) {
    const parent = await getUnit(deps.store, input.parentUnitId);
    if (!parent || parent.districtId !== districtId) throw new DomainError('UNIT.NOT_FOUND', ['parentUnitId']);
    if (input.unitId) {
      // No cycles: walk up from the new parent; meeting this unit means it would become its own ancestor.
      const all = new Map((await listUnits(deps.store, districtId)).map((u) => [u._id, u]));
      for (let at: Unit | undefined = parent, hops = 0; at && hops < 50; at = at.parentUnitId ? all.get(at.parentUnitId) : undefined, hops += 1) {
        if (at._id === input.unitId) throw new DomainError('ADMIN.INVALID_VALUE', ['parentUnitId']);
      }
    }
  }
  const now = ctx.now.toISOString();
  const fields = {
    name: input.name,
    kind: input.kind,
    isEconomic: input.isEconomic,
    leaderStaffId: input.leaderStaffId,
    parentUnitId: input.parentUnitId,
    ...(input.nameEn !== undefined ? { nameEn: input.nameEn } : {}),
  };
  const unitId = input.unitId ?? newId('unit', ctx.now, deps.randomBytes);
  await deps.store.transaction(async (tx) => {
    if (input.unitId) {
      const before = await getUnitTx(tx, input.unitId);
      if (!before || before.districtId !== districtId) throw new DomainError('UNIT.NOT_FOUND', ['unitId']);
      await updateUnitFields(tx, unitId, fields);
      await recordAudit(tx, auditEntry(deps, ctx, actorOf(office), 'unit.update', { kind: 'unit', id: unitId }, snapshot(before), snapshot({ ...before, ...fields })));
    } else {
      const unit: Unit = { _id: unitId, districtId, ...fields, createdAt: now };
      await insertUnit(tx, unit);
      await recordAudit(tx, auditEntry(deps, ctx, actorOf(office), 'unit.create', { kind: 'unit', id: unitId }, null, snapshot(unit)));
    }
  });
  return { unitId };
});
