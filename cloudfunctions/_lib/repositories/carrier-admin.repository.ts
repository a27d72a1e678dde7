import type { Carrier } from '../../../domain/carrier/carrier.schema';
import { COLLECTIONS } from '../store/collections';
import type { DocumentStore, TransactionStore } from '../store/store-port';
import { getManyById } from './get-many';

const LISTED = COLLECTIONS.carriers.name;
const WITHDRAWN = COLLECTIONS.carriersWithdrawn.name;

/** A carrier wherever it is: on the market or withdrawn. */
export const getAnyCarrier = async (store: TransactionStore, id: string): Promise<{ carrier: Carrier; listed: boolean } | null> => {
  const listed = await store.get<Carrier>(LISTED, id);
  if (listed) return { carrier: listed, listed: true };
  const withdrawn = await store.get<Carrier>(WITHDRAWN, id);
  return withdrawn ? { carrier: withdrawn, listed: false } : null;
};

/**
 * Carriers by id wherever they are, for many ids at once: both collections read side by side, up to 1 000 ids a
 * request (an import of 5 000 rows reads what exists in one wave, not one request per row).
 */
export const getAnyCarriersByIds = async (store: DocumentStore, ids: Iterable<string>): Promise<Map<string, { carrier: Carrier; listed: boolean }>> => {
  const wanted = [...ids];
  const [listed, withdrawn] = await Promise.all([getManyById<Carrier>(store, LISTED, wanted), getManyById<Carrier>(store, WITHDRAWN, wanted)]);
  const found = new Map<string, { carrier: Carrier; listed: boolean }>();
  for (const carrier of withdrawn.values()) found.set(carrier._id, { carrier, listed: false });
  // Should a carrier ever sit in both, the catalogue's copy wins, as in getAnyCarrier.
  for (const carrier of listed.values()) found.set(carrier._id, { carrier, listed: true });
  return found;
};

/** Stalest first (the ones to confirm lead), keyset by (lastVerifiedAt, _id). */
export const listDistrictCarriersByFreshness = (store: DocumentStore, districtId: string, limit: number, after?: { at: string; id: string }) =>
  store.find<Carrier>(LISTED, {
    where: { districtId, ...(after ? { lastVerifiedAt: { gte: after.at } } : {}) },
    ...(after ? { anyOf: [{ lastVerifiedAt: { gt: after.at } }, { _id: { gt: after.id } }] } : {}),
    orderBy: [
      { field: 'lastVerifiedAt', direction: 'asc' },
      { field: '_id', direction: 'asc' },
    ],
    limit,
  });

/** Carriers whose vacancy was last verified before `before` (due for a reminder). */
export const listCarriersVerifiedBefore = (store: DocumentStore, districtId: string, before: string, limit: number) =>
  store.find<Carrier>(LISTED, {
    where: { districtId, lastVerifiedAt: { lt: before } },
    orderBy: [
      { field: 'lastVerifiedAt', direction: 'asc' },
      { field: '_id', direction: 'asc' },
    ],
    limit,
  });

export const listWithdrawnCarriers = (store: DocumentStore, districtId: string) =>
  store.find<Carrier>(WITHDRAWN, { where: { districtId }, orderBy: [{ field: '_id', direction: 'asc' }], limit: 200 });

/**
 * The whole carrier, one document: inside a transaction, or straight on the store where that one document is all
 * there is to write. False when an update found no document (it moved or went meanwhile): nothing was written.
 */
export const putCarrier = async (tx: TransactionStore, carrier: Carrier, listed: boolean, exists: boolean): Promise<boolean> => {
  const c = listed ? LISTED : WITHDRAWN;
  if (exists) {
    const { _id, ...rest } = carrier;
    return tx.update(c, _id, { set: rest });
  }
  await tx.insert(c, carrier);
  return true;
};

/** Off the market or back: the whole document moves between collections in the caller's transaction. */
export const moveCarrier = async (tx: TransactionStore, carrier: Carrier, toListed: boolean): Promise<void> => {
  await tx.remove(toListed ? WITHDRAWN : LISTED, carrier._id);
  await tx.insert(toListed ? LISTED : WITHDRAWN, carrier);
};

export const setCarrierFields = (tx: TransactionStore, id: string, listed: boolean, set: Partial<Carrier>) => tx.update(listed ? LISTED : WITHDRAWN, id, { set });
