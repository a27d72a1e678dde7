import { DomainError } from '../../domain/common/result';
import { canManageUnitStaff, rolesGrantableBy } from '../../domain/org/admin-access.rules';
import { inviteCodeFrom } from '../../domain/org/invite.rules';
import { inviteCodeHash } from '../_lib/invite-code-hash';
import type { Staff, StaffRole } from '../../domain/org/staff.schema';
import type { Deps } from '../_lib/deps';
import { findStaffByInviteHash, listAllDistrictStaff } from '../_lib/repositories/org-admin.repository';
import { getStaff } from '../_lib/repositories/staff.repository';
import type { Office } from './office-context';

/** A person the caller may manage; anyone else (another unit or district) looks missing. */
export const loadManageableStaff = async (deps: Deps, office: Office, staffId: string): Promise<Staff> => {
  const target = await getStaff(deps.store, staffId);
  if (!target || !canManageUnitStaff(office.staff, target)) throw new DomainError('STAFF.NOT_FOUND', ['staffId']);
  return target;
};

/** Roles given or taken away must all be the caller's to give (a unit leader cannot touch an admin). */
export const assertRolesGrantable = (office: Office, changed: readonly StaffRole[]): void => {
  const grantable = rolesGrantableBy(office.staff);
  if (changed.some((r) => !grantable.includes(r))) throw new DomainError('AUTH.FORBIDDEN', ['roles']);
};

/** A district keeps at least one active admin, or nobody could run its office. */
export const assertNotLastAdmin = async (deps: Deps, target: Staff): Promise<void> => {
  if (!target.roles.includes('admin') || target.status !== 'active') return;
  const admins = (await listAllDistrictStaff(deps.store, target.districtId)).filter((s) => s.status === 'active' && s.roles.includes('admin'));
  if (admins.length <= 1) throw new DomainError('ADMIN.LAST_ADMIN', ['staffId']);
};

/** A fresh invite code no other account holds: the code (shown once) and the hash that is stored. */
export const freshInviteCode = async (deps: Deps): Promise<{ code: string; hash: string }> => {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const code = inviteCodeFrom(deps.randomBytes(8));
    const hash = inviteCodeHash(deps.analyticsSecret, code);
    if (!(await findStaffByInviteHash(deps.store, hash))) return { code, hash };
  }
  throw new DomainError('STORE.BUSY');
};
