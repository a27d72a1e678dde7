import type { Lead } from '../../../domain/lead/lead.schema';
import { LEAD_STATUSES, isOpen } from '../../../domain/lead/lead-status.rules';
import { COLLECTIONS } from '../store/collections';
import { isStoreError, type DocumentStore, type TransactionStore } from '../store/store-port';

/**
 * The 待认领 pool's reads: how many claimed, still-open leads a person holds (the district's limit), and the
 * claimed leads whose idle check is due (the SLA timer's pool step), paged by (check time, id).
 */

const LEADS = COLLECTIONS.leads.name;
const GUARDS = COLLECTIONS.poolClaimGuards.name;
const OPEN_STATUSES = LEAD_STATUSES.filter(isOpen);

/** Leads this person claimed from the pool and still handles, not yet 落地 or 无效. */
export const countClaimedOpenLeads = (store: DocumentStore, staffId: string) =>
  store.count(LEADS, { 'handling.staffId': staffId, 'pool.heldBy': staffId, status: { in: [...OPEN_STATUSES] } });

export interface PoolCheckCursor {
  at: string;
  id: string;
}

/** Claimed leads whose idle check is due at `now`, oldest first, after the cursor (one index range). */
export const findPoolLeadsDueForCheck = (store: DocumentStore, now: string, after: PoolCheckCursor | null, limit: number) =>
  store.find<Lead>(LEADS, {
    where: { 'pool.checkAt': after ? { gte: after.at, lte: now } : { lte: now } },
    ...(after ? { anyOf: [{ 'pool.checkAt': { gt: after.at } }, { _id: { gt: after.id } }] } : {}),
    orderBy: [
      { field: 'pool.checkAt', direction: 'asc' },
      { field: '_id', direction: 'asc' },
    ],
    limit,
  });

/**
 * A person's claim guard: `_rev` counts their claims. A claim reads it before it counts what the person holds and
 * bumps it (rev-checked) in the claim's own transaction, so a claim that committed after that count makes this one
 * fail and count again: claims by one person are serialised, and the pool limit holds however many race.
 */
export interface PoolClaimGuard {
  _id: string;
  claims: number;
  lastClaimAt: string;
  _rev: number;
  [k: string]: unknown;
}

/** The guard's rev as it stands; null before the person's first claim (no document yet). */
export const readClaimGuardRev = async (store: DocumentStore, staffId: string): Promise<number | null> => (await store.get<PoolClaimGuard>(GUARDS, staffId))?._rev ?? null;

/**
 * Creates a person's guard before their first claim (outside any transaction: the claim's transaction then only
 * updates it by id, rev-checked). Another claim of theirs creating it first is just as good.
 */
export const createClaimGuard = async (store: DocumentStore, staffId: string, at: string): Promise<void> => {
  try {
    await store.insert<PoolClaimGuard>(GUARDS, { _id: staffId, claims: 0, lastClaimAt: at, _rev: 1 });
  } catch (error) {
    if (!isStoreError(error, 'STORE.DUPLICATE_ID')) throw error;
  }
};

/** Inside the claim's transaction: moves the guard on from `seenRev`; false when another claim by the same person moved it first. */
export const advanceClaimGuard = (tx: TransactionStore, staffId: string, seenRev: number, at: string): Promise<boolean> =>
  tx.update(GUARDS, staffId, { set: { lastClaimAt: at }, inc: { claims: 1 } }, { ifRev: seenRev });
