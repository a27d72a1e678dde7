import type { ArenaAdjustment, ArenaSnapshot } from '../../../domain/ranking/arena-snapshot.schema';
import { COLLECTIONS } from '../store/collections';
import { isStoreError, type DocumentStore, type TransactionStore } from '../store/store-port';

const C = COLLECTIONS.arenaSnapshots.name;

export const getArenaSnapshot = (store: TransactionStore, id: string) => store.get<ArenaSnapshot>(C, id);

/**
 * Stores a period's locked board once. Two runs racing to lock the same period both try; the deterministic id lets
 * only the first in, and the other reads (and uses) what the first stored.
 */
export const recordArenaSnapshot = async (store: DocumentStore, snapshot: ArenaSnapshot): Promise<ArenaSnapshot> => {
  try {
    await store.insert<ArenaSnapshot>(C, snapshot);
    return snapshot;
  } catch (error) {
    if (!isStoreError(error, 'STORE.DUPLICATE_ID')) throw error;
    const stored = await store.get<ArenaSnapshot>(C, snapshot._id);
    if (!stored) throw error;
    return stored;
  }
};

/** Appends one adjustment to a locked board inside the caller's transaction (an append: two at once both land). */
export const pushArenaAdjustment = (tx: TransactionStore, id: string, adjustment: ArenaAdjustment) => tx.update(C, id, { push: { adjustments: [adjustment] } });
