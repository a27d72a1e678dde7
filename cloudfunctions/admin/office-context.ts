import type { AdminAuditEntry } from '../../domain/audit/audit.schema';
import { DomainError } from '../../domain/common/result';
import { adminScopeOf, canReadDistrict, canWriteDistrict, type AdminScope } from '../../domain/org/admin-access.rules';
import type { District } from '../../domain/org/district.schema';
import type { Staff } from '../../domain/org/staff.schema';
import { requireStaff, type ActionContext } from '../_lib/define-action';
import type { Deps } from '../_lib/deps';
import { newId } from '../_lib/ids';
import { getDistrict } from '../_lib/repositories/org.repository';

export interface Office {
  staff: Staff;
  scope: AdminScope;
  /** The caller's own district. */
  home: District;
  /** The district being read (a city admin may look at another of the city). */
  district: District;
}

/**
 * Who is calling the district office, checked on every request from the stored account (a revoked or demoted
 * person loses access on their next call). Another district's data answers like a missing district.
 */
export const openOffice = async (deps: Deps, ctx: ActionContext, districtId?: string): Promise<Office> => {
  const staff = requireStaff(ctx);
  const scope = adminScopeOf(staff);
  if (!scope) throw new DomainError('AUTH.FORBIDDEN');
  const home = await getDistrict(deps.store, staff.districtId);
  if (!home) throw new DomainError('DISTRICT.NOT_FOUND');
  if (!districtId || districtId === home._id) return { staff, scope, home, district: home };
  const target = await getDistrict(deps.store, districtId);
  if (!target || !canReadDistrict(staff, home, target)) throw new DomainError('DISTRICT.NOT_FOUND');
  return { staff, scope, home, district: target };
};

/** Writes act on the caller's own district only. */
export const openOfficeForWrite = async (deps: Deps, ctx: ActionContext): Promise<Office> => {
  const office = await openOffice(deps, ctx);
  if (office.scope.kind === 'city') throw new DomainError('AUTH.FORBIDDEN');
  return office;
};

export const requireDistrictAdmin = (office: Office): void => {
  if (!canWriteDistrict(office.staff, office.home._id)) throw new DomainError('AUTH.FORBIDDEN');
};

export const auditEntry = (
  deps: Deps,
  ctx: ActionContext,
  actor: { districtId: string; staffId: string | null; actorName: string },
  action: string,
  target: AdminAuditEntry['target'],
  before: unknown,
  after: unknown,
): AdminAuditEntry => ({
  _id: newId('adm', ctx.now, deps.randomBytes),
  districtId: actor.districtId,
  action,
  target,
  staffId: actor.staffId,
  actorName: actor.actorName,
  at: ctx.now.toISOString(),
  before: before ?? null,
  after: after ?? null,
});

export const actorOf = (office: Office) => ({ districtId: office.home._id, staffId: office.staff._id, actorName: office.staff.name });

/** JSON-safe copy without undefined (audit snapshots are stored as they are). */
export const snapshot = <T>(value: T): T => JSON.parse(JSON.stringify(value ?? null)) as T;
