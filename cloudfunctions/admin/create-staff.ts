import { adminStaffCreateContract } from '../../domain/api/admin.contracts';
import { DomainError } from '../../domain/common/result';
import { canManageUnitStaff } from '../../domain/org/admin-access.rules';
import { inviteExpiry } from '../../domain/org/invite.rules';
import type { Staff } from '../../domain/org/staff.schema';
import { defineAction } from '../_lib/define-action';
import { newId } from '../_lib/ids';
import { recordAudit } from '../_lib/repositories/audit.repository';
import { insertStaff } from '../_lib/repositories/org-admin.repository';
import { getUnit } from '../_lib/repositories/org.repository';
import { actorOf, auditEntry, openOfficeForWrite, snapshot } from './office-context';
import { assertRolesGrantable, freshInviteCode } from './staff-access';

/** A new person with a one-time invite code (7 days); they bind their WeChat with it under 工作台 → 绑定. */
export const adminStaffCreateAction = defineAction(adminStaffCreateContract, async (deps, ctx, input) => {
  const office = await openOfficeForWrite(deps, ctx);
  const unit = await getUnit(deps.store, input.unitId);
  if (!unit || !canManageUnitStaff(office.staff, { districtId: unit.districtId, unitId: unit._id })) throw new DomainError('UNIT.NOT_FOUND', ['unitId']);
  const roles = [...new Set(input.roles)];
  assertRolesGrantable(office, roles);
  const { code: inviteCode, hash: inviteCodeHash } = await freshInviteCode(deps);
  const inviteExpiresAt = inviteExpiry(ctx.now);
  const staff: Staff = {
    _id: newId('staff', ctx.now, deps.randomBytes),
    districtId: unit.districtId,
    unitId: unit._id,
    name: input.name,
    title: input.title,
    ...(input.nameEn?.trim() ? { nameEn: input.nameEn.trim() } : {}),
    ...(input.titleEn?.trim() ? { titleEn: input.titleEn.trim() } : {}),
    roles,
    status: 'invited',
    phone: input.phone,
    industryFocus: [],
    openid: null,
    inviteCode: null,
    inviteCodeHash,
    inviteExpiresAt,
    createdAt: ctx.now.toISOString(),
  };
  await deps.store.transaction(async (tx) => {
    await insertStaff(tx, staff);
    // The code is a secret: the audit says one was issued, not what it is.
    await recordAudit(tx, auditEntry(deps, ctx, actorOf(office), 'staff.create', { kind: 'staff', id: staff._id }, null, snapshot({ ...staff, inviteCodeHash: '********' })));
  });
  return { staffId: staff._id, inviteCode, inviteExpiresAt };
});
