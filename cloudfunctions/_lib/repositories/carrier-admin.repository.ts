import type { Carrier } from '../../../domain/carrier/carrier.schema';
import { COLLECTIONS } from '../store/collections';
import type { DocumentStore, TransactionStore } from '../store/store-port';

const LISTED = COLLECTIONS.carriers.name;
const WITHDRAWN = COLLECTIONS.carriersWithdrawn.name;

/** A carrier wherever it is: on the market or withdrawn. */
export const getAnyCarrier = async (store: TransactionStore, id: string): Promise<{ carrier: Carrier; listed: boolean } | null> => {
  const listed = await store.get<Carrier>(LISTED, id);
  if (listed) return { carrier: listed, listed: true };
  const withdrawn = await store.get<Carrier>(WITHDRAWN, id);
  return withdrawn ? { carrier: withdrawn, listed: false } : null;
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

export const putCarrier = async (tx: TransactionStore, carrier: Carrier, listed: boolean, exists: boolean): Promise<void> => {
  const c = listed ? LISTED : WITHDRAWN;
  if (exists) {
    const { _id, ...rest } = carrier;
    await tx.update(c, _id, { set: rest });
  } else {
    await tx.insert(c, carrier);
  }
};

/** Off the market or back: the whole document moves between collections in the caller's transaction. */
export const moveCarrier = async (tx: TransactionStore, carrier: Carrier, toListed: boolean): Promise<void> => {
  await tx.remove(toListed ? WITHDRAWN : LISTED, carrier._id);
  await tx.insert(toListed ? LISTED : WITHDRAWN, carrier);
};

export const setCarrierFields = (tx: TransactionStore, id: string, listed: boolean, set: Partial<Carrier>) => tx.update(listed ? LISTED : WITHDRAWN, id, { set });
