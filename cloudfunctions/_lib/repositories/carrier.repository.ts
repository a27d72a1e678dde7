import type { Carrier } from '../../../domain/carrier/carrier.schema';
import type { StoredShareImages } from '../../../domain/share/share-image.schema';
import { COLLECTIONS } from '../store/collections';
import type { DocumentStore, FindQuery, TransactionStore, Where } from '../store/store-port';
import { getManyById } from './get-many';

const C = COLLECTIONS.carriers.name;

/** A listed carrier by id; works inside a transaction too. */
export const getCarrier = (store: TransactionStore, id: string) => store.get<Carrier>(C, id);

/** The share images of a listed carrier, per language (only share images: nothing else of it changes). */
export const setCarrierShareImages = (tx: TransactionStore, carrierId: string, images: { zh?: StoredShareImages; en?: StoredShareImages }) => tx.update(C, carrierId, { set: { shareImages: images } });

/** Carriers by id in one request (see getManyById): a card's featured carriers, the carriers a page of leads names. */
export const getCarriersByIds = (store: DocumentStore, ids: Iterable<string | null | undefined>) => getManyById<Carrier>(store, C, ids);

export const findCarriers = (store: DocumentStore, query: FindQuery) => store.find<Carrier>(C, query);

/** Carriers with at least `minVacantArea` vacant, smallest first: the tightest fits for matching a need. */
export const findMatchCandidates = (store: DocumentStore, q: { districtId: string; type?: Carrier['type']; minVacantArea: number; limit: number }) =>
  store.find<Carrier>(C, {
    where: { districtId: q.districtId, ...(q.type ? { type: q.type } : {}), vacantArea: { gte: q.minVacantArea } },
    orderBy: [
      { field: 'vacantArea', direction: 'asc' },
      { field: '_id', direction: 'asc' },
    ],
    limit: q.limit,
  });

/** How many listed carriers a district has. */
export const countCarriers = (store: DocumentStore, districtId: string) => store.count(C, { districtId });

/** How many carriers a search's filter matches (the result count the list shows). */
export const countMatchingCarriers = (store: DocumentStore, where: Where) => store.count(C, where);
