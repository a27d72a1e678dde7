import type { Carrier } from '../../../domain/carrier/carrier.schema';
import { COLLECTIONS } from '../store/collections';
import type { DocumentStore, FindQuery } from '../store/store-port';

const C = COLLECTIONS.carriers.name;

export const getCarrier = (store: DocumentStore, id: string) => store.get<Carrier>(C, id);

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
