import type { District } from '../../../domain/org/district.schema';
import type { Unit } from '../../../domain/org/unit.schema';
import { COLLECTIONS } from '../store/collections';
import type { DocumentStore, TransactionStore } from '../store/store-port';
import { getManyById } from './get-many';

export const getDistrict = (store: DocumentStore, id: string) => store.get<District>(COLLECTIONS.districts.name, id);

/** A deployment usually serves one district: a bare link opens the first one's default card. */
export const firstDistrict = async (store: DocumentStore): Promise<District | null> => {
  const [d] = await store.find<District>(COLLECTIONS.districts.name, { orderBy: [{ field: 'createdAt', direction: 'asc' }], limit: 1 });
  return d ?? null;
};

export const getUnit = (store: TransactionStore, id: string) => store.get<Unit>(COLLECTIONS.units.name, id);

/** Units by id in one request (see getManyById). */
export const getUnitsByIds = (store: DocumentStore, ids: Iterable<string | null | undefined>) => getManyById<Unit>(store, COLLECTIONS.units.name, ids);

/** Districts by id in one request (see getManyById). */
export const getDistrictsByIds = (store: DocumentStore, ids: Iterable<string | null | undefined>) => getManyById<District>(store, COLLECTIONS.districts.name, ids);

export const listUnits = (store: DocumentStore, districtId: string) =>
  store.find<Unit>(COLLECTIONS.units.name, { where: { districtId }, orderBy: [{ field: '_id', direction: 'asc' }], limit: 200 });
