import type { District } from './district.schema';
import type { Staff } from './staff.schema';

/**
 * What a staff member may do in the district office. Pure: the use cases load the documents and ask.
 * Everything outside the caller's reach answers like a missing document, so ids cannot be probed.
 */
export type AdminScope =
  | { kind: 'district'; districtId: string }
  | { kind: 'unit'; districtId: string; unitId: string }
  | { kind: 'city'; districtId: string }
  | { kind: 'carriers'; districtId: string; staffId: string };

const has = (s: Staff, role: Staff['roles'][number]) => s.roles.includes(role);

/** The widest scope a person holds, or null when the district office is not for them. */
export const adminScopeOf = (s: Staff): AdminScope | null => {
  if (s.status !== 'active') return null;
  if (has(s, 'admin')) return { kind: 'district', districtId: s.districtId };
  if (has(s, 'unit_leader')) return { kind: 'unit', districtId: s.districtId, unitId: s.unitId };
  if (has(s, 'city_admin')) return { kind: 'city', districtId: s.districtId };
  if (has(s, 'carrier_manager')) return { kind: 'carriers', districtId: s.districtId, staffId: s._id };
  return null;
};

/** Reading a district's office data: its own people, or a city admin for any district of the same city. */
export const canReadDistrict = (s: Staff, home: Pick<District, '_id' | 'cityId'>, target: Pick<District, '_id' | 'cityId'>): boolean => {
  const scope = adminScopeOf(s);
  if (!scope) return false;
  if (target._id === s.districtId) return true;
  return scope.kind === 'city' && !!home.cityId && home.cityId === target.cityId;
};

/** District-wide settings (profile, units, teams, rota, roles): the district admin only. */
export const canWriteDistrict = (s: Staff, districtId: string): boolean => adminScopeOf(s)?.kind === 'district' && s.districtId === districtId;

/** People of a unit: the district admin, or that unit's leader. */
export const canManageUnitStaff = (s: Staff, target: { districtId: string; unitId: string }): boolean => {
  const scope = adminScopeOf(s);
  if (!scope || s.districtId !== target.districtId) return false;
  return scope.kind === 'district' || (scope.kind === 'unit' && scope.unitId === target.unitId);
};

/** A carrier: the district admin; the leader of the unit that owns it; the staff member who manages it. */
export const canManageCarrier = (s: Staff, c: { districtId: string; unitId?: string | null; managerStaffId?: string | null }): boolean => {
  const scope = adminScopeOf(s);
  if (!scope || s.districtId !== c.districtId) return false;
  if (scope.kind === 'district') return true;
  if (scope.kind === 'unit' && !!c.unitId && c.unitId === scope.unitId) return true;
  return has(s, 'carrier_manager') && c.managerStaffId === s._id;
};

/** Roles only a district admin may hand out; a unit leader may give staff/commissioner/carrier_manager. */
export const rolesGrantableBy = (s: Staff): ReadonlyArray<Staff['roles'][number]> => {
  const scope = adminScopeOf(s);
  if (scope?.kind === 'district') return ['commissioner', 'staff', 'unit_leader', 'admin', 'carrier_manager'];
  if (scope?.kind === 'unit') return ['commissioner', 'staff', 'carrier_manager'];
  return [];
};

const OFFICE_ROLES: ReadonlyArray<string> = ['admin', 'unit_leader', 'city_admin', 'carrier_manager'];

/** Whether the workspace shows the 管理 entry (the backend still checks every action). */
export const holdsOfficeRole = (roles: readonly string[]): boolean => roles.some((r) => OFFICE_ROLES.includes(r));
