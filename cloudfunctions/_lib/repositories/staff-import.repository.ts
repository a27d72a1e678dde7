import type { Staff } from '../../../domain/org/staff.schema';
import { COLLECTIONS } from '../store/collections';
import { MAX_FIND_LIMIT, type DocumentStore } from '../store/store-port';

const C = COLLECTIONS.staff.name;

/**
 * Every account of a district, whatever its status, however many (pages of 1000 by id on the `by_district`
 * index): an import that missed someone past the first page would add them a second time.
 */
export const listEveryDistrictStaff = async (store: DocumentStore, districtId: string): Promise<Staff[]> => {
  const all: Staff[] = [];
  for (;;) {
    const last = all.length ? all[all.length - 1]._id : null;
    const page = await store.find<Staff>(C, { where: last ? { districtId, _id: { gt: last } } : { districtId }, orderBy: [{ field: '_id', direction: 'asc' }], limit: MAX_FIND_LIMIT });
    all.push(...page);
    if (page.length < MAX_FIND_LIMIT) return all;
  }
};
