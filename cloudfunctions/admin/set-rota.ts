import { adminRotaSetContract } from '../../domain/api/admin.contracts';
import { DomainError } from '../../domain/common/result';
import { dutyDayId } from '../../domain/org/duty-rota.rules';
import { defineAction } from '../_lib/define-action';
import { recordAudit } from '../_lib/repositories/audit.repository';
import { getDutyDay, putDutyDay, removeDutyDay } from '../_lib/repositories/duty-rota.repository';
import { getStaff } from '../_lib/repositories/staff.repository';
import { actorOf, auditEntry, openOfficeForWrite, requireDistrictAdmin, snapshot } from './office-context';

/** Puts an active commissioner of the district on duty for one day (or clears the day). District admins only. */
export const adminRotaSetAction = defineAction(adminRotaSetContract, async (deps, ctx, input) => {
  const office = await openOfficeForWrite(deps, ctx);
  requireDistrictAdmin(office);
  const districtId = office.home._id;
  if (input.staffId) {
    const s = await getStaff(deps.store, input.staffId);
    if (!s || s.districtId !== districtId) throw new DomainError('STAFF.NOT_FOUND', ['staffId']);
    if (s.status !== 'active' || !s.roles.includes('commissioner')) throw new DomainError('ADMIN.STAFF_INACTIVE', ['staffId']);
  }
  const at = ctx.now.toISOString();
  const target = { kind: 'rota' as const, id: dutyDayId(districtId, input.day) };
  await deps.store.transaction(async (tx) => {
    const before = await getDutyDay(tx, districtId, input.day);
    if (input.staffId) await putDutyDay(tx, { _id: target.id, districtId, day: input.day, staffId: input.staffId, updatedAt: at });
    else await removeDutyDay(tx, districtId, input.day);
    await recordAudit(tx, auditEntry(deps, ctx, actorOf(office), 'rota.set', target, snapshot(before), input.staffId ? { day: input.day, staffId: input.staffId } : null));
  });
  return { day: input.day, staffId: input.staffId };
});
