import type { Lead } from '../../../domain/lead/lead.schema';
import type { Staff } from '../../../domain/org/staff.schema';
import type { Unit } from '../../../domain/org/unit.schema';
import { COLLECTIONS } from '../store/collections';
import type { DocumentStore } from '../store/store-port';
import { MAX_IN_VALUES } from '../store/store-validation';

/**
 * The SLA timer's reads. Leads are selected by when their next step is due and paged by (due time, id), so
 * leads already handled leave the page and every due lead is reached, whatever the backlog; the people a
 * page needs are read in one request per collection.
 */

const LEADS = COLLECTIONS.leads.name;

export interface DueCursor {
  at: string;
  id: string;
}

/**
 * Open, unanswered leads the ladder has not scheduled yet (new leads, and leads from before the schedule
 * existed), by id after `afterId`.
 */
export const findLeadsToSchedule = (store: DocumentStore, afterId: string | null, limit: number) =>
  store.find<Lead>(LEADS, {
    where: {
      'sla.nextEscalationAt': null,
      'sla.firstRespondedAt': null,
      status: 'new',
      'sla.escalation': { in: [0, 1, 2] },
      ...(afterId ? { _id: { gt: afterId } } : {}),
    },
    orderBy: [{ field: '_id', direction: 'asc' }],
    limit,
  });

const dueAfter = (field: string, now: string, after: DueCursor | null, limit: number) => ({
  where: { [field]: { lte: now } },
  ...(after ? { anyOf: [{ [field]: { gt: after.at, lte: now } }, { [field]: after.at, _id: { gt: after.id } }] } : {}),
  orderBy: [{ field, direction: 'asc' as const }, { field: '_id', direction: 'asc' as const }],
  limit,
});

/** Leads whose next rung is due at `now`, oldest due first, after the cursor. */
export const findLeadsDueForEscalation = (store: DocumentStore, now: string, after: DueCursor | null, limit: number) =>
  store.find<Lead>(LEADS, dueAfter('sla.nextEscalationAt', now, after, limit));

/** Answered, open leads whose follow-up is due at `now`, oldest first, after the cursor. */
export const findLeadsDueForFollowUp = (store: DocumentStore, now: string, after: DueCursor | null, limit: number) =>
  store.find<Lead>(LEADS, dueAfter('sla.followUpDueAt', now, after, limit));

const byIds = async <T extends { _id: string }>(store: DocumentStore, collection: string, ids: Iterable<string | null | undefined>): Promise<Map<string, T>> => {
  const unique = [...new Set([...ids].filter((id): id is string => typeof id === 'string' && id.length > 0))];
  const found = new Map<string, T>();
  for (let i = 0; i < unique.length; i += MAX_IN_VALUES) {
    const slice = unique.slice(i, i + MAX_IN_VALUES);
    for (const doc of await store.find<T & Record<string, unknown>>(collection, { where: { _id: { in: slice } }, limit: slice.length })) found.set(doc._id, doc);
  }
  return found;
};

export const getStaffByIds = (store: DocumentStore, ids: Iterable<string | null | undefined>) => byIds<Staff>(store, COLLECTIONS.staff.name, ids);

export const getUnitsByIds = (store: DocumentStore, ids: Iterable<string | null | undefined>) => byIds<Unit>(store, COLLECTIONS.units.name, ids);
