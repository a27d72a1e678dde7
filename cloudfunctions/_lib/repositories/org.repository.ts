import type { District } from '../../../domain/org/district.schema';
import type { Unit } from '../../../domain/org/unit.schema';
import { COLLECTIONS } from '../store/collections';
import type { DocumentStore } from '../store/store-port';

export const getDistrict = (store: DocumentStore, id: string) => store.get<District>(COLLECTIONS.districts.name, id);

/** A deployment usually serves one district: a bare link opens the first one's default card. */
export const firstDistrict = async (store: DocumentStore): Promise<District | null> => {
  const [d] = await store.find<District>(COLLECTIONS.districts.name, { orderBy: [{ field: 'createdAt', direction: 'asc' }], limit: 1 });
  return d ?? null;
};

export const getUnit = (store: DocumentStore, id: string) => store.get<Unit>(COLLECTIONS.units.name, id);

export const listUnits = (store: DocumentStore, districtId: string) =>
  store.find<Unit>(COLLECTIONS.units.name, { where: { districtId }, orderBy: [{ field: '_id', direction: 'asc' }], limit: 200 });
