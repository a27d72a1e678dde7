import type { Lead } from '../../../domain/lead/lead.schema';
import { LEAD_STATUSES, isOpen } from '../../../domain/lead/lead-status.rules';
import { COLLECTIONS } from '../store/collections';
import type { DocumentStore } from '../store/store-port';

/**
 * The 待认领 pool's reads: how many claimed, still-open leads a person holds (the district's limit), and the
 * claimed leads whose idle check is due (the SLA timer's pool step), paged by (check time, id).
 */

const LEADS = COLLECTIONS.leads.name;
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
