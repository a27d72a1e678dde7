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
 * Open, unanswered leads at rung `escalation` (0–2) that the ladder has not scheduled yet (new leads, and leads
 * from before the schedule existed), by id after `afterId`. One rung per query, so every condition is an
 * equality on the index and answered or finished leads are never scanned.
 */
export const findLeadsToSchedule = (store: DocumentStore, escalation: 0 | 1 | 2, afterId: string | null, limit: number) =>
  store.find<Lead>(LEADS, {
    where: {
      'sla.nextEscalationAt': null,
      'sla.firstRespondedAt': null,
      status: 'new',
      'sla.escalation': escalation,
      ...(afterId ? { _id: { gt: afterId } } : {}),
    },
    orderBy: [{ field: '_id', direction: 'asc' }],
    limit,
  });

/** Due at or before `now`, after the cursor: one index range, the cursor a filter inside it (no sort step). */
const dueAfter = (field: string, now: string, after: DueCursor | null, limit: number) => ({
  where: { [field]: after ? { gte: after.at, lte: now } : { lte: now } },
  ...(after ? { anyOf: [{ [field]: { gt: after.at } }, { _id: { gt: after.id } }] } : {}),
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

/**
 * Takes a district's waiting leads off the schedule, so the next tick places them again under the district's
 * current SLA settings. Call it after changing a district's `sla`: scheduled due times were computed with the
 * old settings. Pages by id; returns how many leads were taken off.
 */
export const unscheduleDistrictLadder = async (store: DocumentStore, districtId: string): Promise<number> => {
  let cleared = 0;
  let afterId: string | null = null;
  for (;;) {
    const page: Lead[] = await store.find<Lead>(LEADS, {
      // Any ISO time is greater than '': a scheduled lead, whatever its due time.
      where: { districtId, 'sla.firstRespondedAt': null, status: 'new', 'sla.nextEscalationAt': { gt: '' }, ...(afterId ? { _id: { gt: afterId } } : {}) },
      orderBy: [{ field: '_id', direction: 'asc' }],
      limit: 200,
    });
    for (const lead of page) if (await store.update(LEADS, lead._id, { set: { 'sla.nextEscalationAt': null } })) cleared += 1;
    if (page.length < 200) return cleared;
    afterId = page[page.length - 1]._id;
  }
};
