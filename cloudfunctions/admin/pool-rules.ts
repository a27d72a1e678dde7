import { adminPoolUpdateContract } from '../../domain/api/admin.contracts';
import { DomainError } from '../../domain/common/result';
import { DEFAULT_POOL_RULES } from '../../domain/org/pool-rules.schema';
import { defineAction } from '../_lib/define-action';
import { recordAudit } from '../_lib/repositories/audit.repository';
import { getDistrictTx, updateDistrictFields } from '../_lib/repositories/org-admin.repository';
import { actorOf, auditEntry, openOfficeForWrite, requireDistrictAdmin } from './office-context';

/**
 * The district's 待认领 pool rules. The warning must come before the return (a warning as long as the idle period
 * would arrive the moment a lead is claimed). Leads already claimed follow the new rules at their next check.
 */
export const adminPoolUpdateAction = defineAction(adminPoolUpdateContract, async (deps, ctx, input) => {
  const office = await openOfficeForWrite(deps, ctx);
  requireDistrictAdmin(office);
  if (!(input.warnDaysBefore < input.idleReturnDays)) throw new DomainError('ADMIN.INVALID_VALUE', ['warnDaysBefore']);
  const districtId = office.home._id;
  const poolRules = { maxClaimedOpen: input.maxClaimedOpen, idleReturnDays: input.idleReturnDays, warnDaysBefore: input.warnDaysBefore };
  await deps.store.transaction(async (tx) => {
    const before = await getDistrictTx(tx, districtId);
    if (!before) throw new DomainError('DISTRICT.NOT_FOUND');
    await updateDistrictFields(tx, districtId, { poolRules, updatedAt: ctx.now.toISOString() });
    await recordAudit(tx, auditEntry(deps, ctx, actorOf(office), 'district.poolRules', { kind: 'district', id: districtId }, before.poolRules ?? DEFAULT_POOL_RULES, poolRules));
  });
  return { districtId, poolRules };
});
