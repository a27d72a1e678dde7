import { adminSlaUpdateContract } from '../../domain/api/admin.contracts';
import { DomainError } from '../../domain/common/result';
import { defineAction } from '../_lib/define-action';
import { recordAudit } from '../_lib/repositories/audit.repository';
import { getDistrictTx, updateDistrictFields } from '../_lib/repositories/org-admin.repository';
import { actorOf, auditEntry, openOfficeForWrite, requireDistrictAdmin } from './office-context';

/**
 * The district's first-response hours, ladder multipliers and follow-up days. The ladder must climb: remind,
 * then copy the leader, then reassign — a rung at or below the one before would fire in the wrong order.
 */
export const adminSlaUpdateAction = defineAction(adminSlaUpdateContract, async (deps, ctx, input) => {
  const office = await openOfficeForWrite(deps, ctx);
  requireDistrictAdmin(office);
  const bad: string[] = [];
  if (!(input.copyLeaderAt > input.remindAt)) bad.push('copyLeaderAt');
  if (!(input.reassignAt > input.copyLeaderAt)) bad.push('reassignAt');
  if (bad.length) throw new DomainError('ADMIN.INVALID_VALUE', bad);
  const districtId = office.home._id;
  const sla = { firstResponseHours: input.firstResponseHours, followUpDays: input.followUpDays, remindAt: input.remindAt, copyLeaderAt: input.copyLeaderAt, reassignAt: input.reassignAt };
  await deps.store.transaction(async (tx) => {
    const before = await getDistrictTx(tx, districtId);
    if (!before) throw new DomainError('DISTRICT.NOT_FOUND');
    await updateDistrictFields(tx, districtId, { sla, updatedAt: ctx.now.toISOString() });
    await recordAudit(tx, auditEntry(deps, ctx, actorOf(office), 'district.sla', { kind: 'district', id: districtId }, before.sla, sla));
  });
  return { districtId, sla };
});
