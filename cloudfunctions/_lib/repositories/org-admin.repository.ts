import type { District } from '../../../domain/org/district.schema';
import type { Staff } from '../../../domain/org/staff.schema';
import type { Unit } from '../../../domain/org/unit.schema';
import { COLLECTIONS } from '../store/collections';
import type { DocumentStore, TransactionStore } from '../store/store-port';

/** Writes of the district office to districts, units and staff (reads stay in org/staff repositories). */

export const listCityDistricts = (store: DocumentStore, cityId: string) =>
  store.find<District>(COLLECTIONS.districts.name, { where: { cityId }, orderBy: [{ field: '_id', direction: 'asc' }], limit: 100 });

/** Every account of a district, whatever its status (the office lists invited and revoked people too). */
export const listAllDistrictStaff = (store: DocumentStore, districtId: string) =>
  store.find<Staff>(COLLECTIONS.staff.name, { where: { districtId }, orderBy: [{ field: '_id', direction: 'asc' }], limit: 1000 });

/** Accounts still holding an invite code in plain text (stored before codes were hashed), at most `limit`. */
export const listStaffWithPlainInviteCode = (store: DocumentStore, limit: number) =>
  store.find<Staff>(COLLECTIONS.staff.name, { where: { inviteCode: { gt: '' } }, limit });

/** The account holding a code with this hash (a fresh code must not collide with one in use). */
export const findStaffByInviteHash = async (store: DocumentStore, inviteCodeHash: string): Promise<Staff | null> => {
  const [s] = await store.find<Staff>(COLLECTIONS.staff.name, { where: { inviteCodeHash }, limit: 1 });
  return s ?? null;
};

export const updateDistrictFields = (tx: TransactionStore, id: string, set: Partial<District>) => tx.update(COLLECTIONS.districts.name, id, { set });

export const insertUnit = (tx: TransactionStore, unit: Unit) => tx.insert(COLLECTIONS.units.name, unit);
export const updateUnitFields = (tx: TransactionStore, id: string, set: Partial<Unit>) => tx.update(COLLECTIONS.units.name, id, { set });

export const insertStaff = (tx: TransactionStore, staff: Staff) => tx.insert(COLLECTIONS.staff.name, staff);
export const updateStaffFields = (tx: TransactionStore, id: string, set: Partial<Staff>) => tx.update(COLLECTIONS.staff.name, id, { set });
export const getStaffTx = (tx: TransactionStore, id: string) => tx.get<Staff>(COLLECTIONS.staff.name, id);
export const getDistrictTx = (tx: TransactionStore, id: string) => tx.get<District>(COLLECTIONS.districts.name, id);
export const getUnitTx = (tx: TransactionStore, id: string) => tx.get<Unit>(COLLECTIONS.units.name, id);
