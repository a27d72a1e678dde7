import type { Staff } from '../../../domain/org/staff.schema';
import { COLLECTIONS } from '../store/collections';
import type { DocumentStore } from '../store/store-port';

const C = COLLECTIONS.staff.name;

export const getStaff = (store: DocumentStore, id: string) => store.get<Staff>(C, id);

export const findStaffByOpenid = async (store: DocumentStore, openid: string): Promise<Staff | null> => {
  const [staff] = await store.find<Staff>(C, { where: { openid }, limit: 1 });
  return staff ?? null;
};

export const listDistrictStaff = (store: DocumentStore, districtId: string, unitId?: string) =>
  store.find<Staff>(C, { where: { districtId, status: 'active', ...(unitId ? { unitId } : {}) }, orderBy: [{ field: '_id', direction: 'asc' }], limit: 500 });
