import type { Bulletin } from '../../../domain/report/bulletin.schema';
import { COLLECTIONS } from '../store/collections';
import { isStoreError, type DocumentStore } from '../store/store-port';

const C = COLLECTIONS.bulletins.name;

export const getBulletin = (store: DocumentStore, id: string) => store.get<Bulletin>(C, id);

/** Records a made bulletin once: false when another run recorded this district's month first. */
export const recordBulletin = async (store: DocumentStore, bulletin: Bulletin): Promise<boolean> => {
  try {
    await store.insert<Bulletin>(C, bulletin);
    return true;
  } catch (error) {
    if (isStoreError(error, 'STORE.DUPLICATE_ID')) return false;
    throw error;
  }
};

/**
 * Replaces a bulletin's files with its next edition's, if it is still at `fromEdition` (a run racing this one
 * made it first: null, nothing written). Returns the bulletin as stored.
 */
export const recordBulletinEdition = (store: DocumentStore, id: string, fromEdition: number, set: Partial<Bulletin>): Promise<Bulletin | null> =>
  store.transaction(async (tx) => {
    const current = await tx.get<Bulletin>(C, id);
    if (!current || (current.edition ?? 1) !== fromEdition) return null;
    await tx.update(C, id, { set: { ...set } });
    return { ...current, ...set };
  });

/** A district's bulletins, newest month first; past ones stay. */
export const listBulletins = (store: DocumentStore, districtId: string, limit: number) =>
  store.find<Bulletin>(C, { where: { districtId }, orderBy: [{ field: 'month', direction: 'desc' }, { field: '_id', direction: 'desc' }], limit });
