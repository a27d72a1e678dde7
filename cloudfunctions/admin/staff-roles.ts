import { adminStaffRevokeContract, adminStaffSetRolesContract } from '../../domain/api/admin.contracts';
import { DomainError } from '../../domain/common/result';
import { defineAction } from '../_lib/define-action';
import { recordAudit } from '../_lib/repositories/audit.repository';
import { getStaffTx, updateStaffFields } from '../_lib/repositories/org-admin.repository';
import { actorOf, auditEntry, openOfficeForWrite } from './office-context';
import { assertNotLastAdmin, assertRolesGrantable, loadManageableStaff } from './staff-access';

/** Changes a person's roles; effective on their next request (identity and roles are read per request). */
export const adminStaffSetRolesAction = defineAction(adminStaffSetRolesContract, async (deps, ctx, input) => {
  const office = await openOfficeForWrite(deps, ctx);
  const target = await loadManageableStaff(deps, office, input.staffId);
  const roles = [...new Set(input.roles)];
  const changed = [...roles.filter((r) => !target.roles.includes(r)), ...target.roles.filter((r) => !roles.includes(r))];
  assertRolesGrantable(office, changed);
  if (!roles.includes('admin')) await assertNotLastAdmin(deps, target);
  await deps.store.transaction(async (tx) => {
    const before = await getStaffTx(tx, target._id);
    if (!before) throw new DomainError('STAFF.NOT_FOUND', ['staffId']);
    await updateStaffFields(tx, target._id, { roles });
    await recordAudit(tx, auditEntry(deps, ctx, actorOf(office), 'staff.roles', { kind: 'staff', id: target._id }, { roles: before.roles }, { roles }));
  });
  return { staffId: target._id, roles };
});

/**
 * Revokes access. The runner resolves the caller from the stored account on every request, so the person's very
 * next call is refused (AUTH.STAFF_REVOKED); an unused invite code dies with the account.
 */
export const adminStaffRevokeAction = defineAction(adminStaffRevokeContract, async (deps, ctx, input) => {
  const office = await openOfficeForWrite(deps, ctx);
  const target = await loadManageableStaff(deps, office, input.staffId);
  // Revoking an admin is an admin's decision, like granting the role.
  if (target.roles.includes('admin')) assertRolesGrantable(office, ['admin']);
  await assertNotLastAdmin(deps, target);
  const at = ctx.now.toISOString();
  await deps.store.transaction(async (tx) => {
    const before = await getStaffTx(tx, target._id);
    if (!before) throw new DomainError('STAFF.NOT_FOUND', ['staffId']);
    await updateStaffFields(tx, target._id, { status: 'revoked', revokedAt: at, inviteCode: null, inviteExpiresAt: null });
    await recordAudit(tx, auditEntry(deps, ctx, actorOf(office), 'staff.revoke', { kind: 'staff', id: target._id }, { status: before.status }, { status: 'revoked' }));
  });
  return { staffId: target._id, status: 'revoked' };
});
