import type { Lead } from '../../../domain/lead/lead.schema';
import type { LeadEvent } from '../../../domain/lead/lead-event.schema';
import { COLLECTIONS } from '../store/collections';
import type { AuditEntry } from './audit-entry';
import { applyRollupDelta, leadAfter, rollupDeltaOf, touchesRollups } from './rollup.repository';
import { MAX_FIND_LIMIT, type DocumentStore, type FindQuery, type TransactionStore } from '../store/store-port';

const LEADS = COLLECTIONS.leads.name;
const EVENTS = COLLECTIONS.leadEvents.name;

/** A lead's id is derived from the client's idempotency key: the store's unique id makes intake exactly-once. */
export const leadIdForKey = (idempotencyKey: string): string => `ld_${idempotencyKey}`;

export const getLead = (store: TransactionStore, id: string) => store.get<Lead>(LEADS, id);

export const findLeads = (store: DocumentStore, query: FindQuery) => store.find<Lead>(LEADS, query);

export const countLeads = (store: DocumentStore, where: FindQuery['where']) => store.count(LEADS, where);

/**
 * The store's side of `awaitsFirstResponse` (domain/lead/awaiting-response.rules.ts): unanswered, still new, the
 * investor still reachable (null matches a missing field). Every `by_*_unanswered_due` index has these fields.
 */
export const AWAITING_RESPONSE_WHERE = { 'sla.firstRespondedAt': null, status: 'new', 'privacy.consentWithdrawnAt': null, 'privacy.anonymisedAt': null } as const;

/** «当前超时未回复» among the leads `where` picks (a district, a handling unit, handlers): counted on the index. */
export const countOverdueLeads = (store: DocumentStore, where: FindQuery['where'], now: Date) =>
  store.count(LEADS, { ...where, ...AWAITING_RESPONSE_WHERE, 'sla.firstResponseDueAt': { lt: now.toISOString() } });

/** The newest leads a person handled that have had their first response (for their usual response time). */
export const findAnsweredLeadsOf = (store: DocumentStore, staffId: string, limit: number) =>
  store.find<Lead>(LEADS, {
    where: { 'handling.staffId': staffId, 'sla.firstRespondedAt': { ne: null } },
    orderBy: [{ field: 'createdAt', direction: 'desc' }],
    limit,
  });

export const insertLeadEvent = (store: TransactionStore, event: LeadEvent) => store.insert<LeadEvent>(EVENTS, event);

/**
 * The events of several leads (optionally only some: `where`) in one request, grouped by lead in time order,
 * at most 1000 in all (one request's cap): for a page of leads and the events shown with them (replies).
 */
export const listEventsOfLeads = async (store: DocumentStore, leadIds: readonly string[], where: FindQuery['where'] = {}): Promise<Map<string, LeadEvent[]>> => {
  const byLead = new Map<string, LeadEvent[]>(leadIds.map((id) => [id, []]));
  if (leadIds.length === 0) return byLead;
  const events = await store.find<LeadEvent>(EVENTS, {
    where: { ...where, leadId: { in: [...new Set(leadIds)] } },
    orderBy: [{ field: 'leadId', direction: 'asc' }, { field: 'at', direction: 'asc' }, { field: '_id', direction: 'asc' }],
    limit: MAX_FIND_LIMIT,
  });
  for (const e of events) byLead.get(e.leadId)?.push(e);
  return byLead;
};

export const listLeadEvents = (store: DocumentStore, leadId: string) =>
  store.find<LeadEvent>(EVENTS, { where: { leadId }, orderBy: [{ field: 'at', direction: 'asc' }, { field: '_id', direction: 'asc' }], limit: 200 });

export const LEADS_COLLECTION = LEADS;

/**
 * Records a change to a lead with the events that explain it, atomically. With `expectedRev` the change applies
 * only if nobody changed the lead since it was read, and `rev` moves on; false (nothing written) when it moved
 * first. `null` skips the check: appending a reply or a note never conflicts with anyone. Without events it is
 * one update and no transaction; without changes, only the events are written. `audit` lines (facts, stage
 * confirmations) are written in the same transaction: the change, its thread entry and its audit line, or none.
 * A change to what the report roll-ups count (status, facts, confirmations, first response …) moves them in the
 * same transaction too, so the rows always equal a recount.
 */
export const recordLeadChange = async (
  store: DocumentStore,
  /** The lead as read (its id is enough for a change the roll-ups do not count). */
  lead: Lead | Pick<Lead, '_id'>,
  set: Record<string, unknown>,
  events: readonly LeadEvent[],
  expectedRev: number | null,
  audit: readonly AuditEntry[] = [],
): Promise<boolean> => {
  const options = expectedRev === null ? undefined : { ifRev: expectedRev };
  const changes = Object.keys(set).length > 0;
  const rollups = changes && touchesRollups(set);
  if (events.length === 0 && audit.length === 0 && !rollups) return changes ? store.update(LEADS, lead._id, { set }, options) : true;
  return store.transaction((tx) => recordLeadChangeIn(tx, lead, set, events, expectedRev, audit));
};

/**
 * `recordLeadChange` inside a transaction the caller already holds, for a change that must land together with
 * the caller's own records (a handover item and its audit line): the same rev check, events and roll-ups.
 * False when the rev moved first — nothing of the lead written; the caller decides whether to abort.
 */
export const recordLeadChangeIn = async (
  tx: TransactionStore,
  lead: Lead | Pick<Lead, '_id'>,
  set: Record<string, unknown>,
  events: readonly LeadEvent[],
  expectedRev: number | null,
  audit: readonly AuditEntry[] = [],
): Promise<boolean> => {
  const options = expectedRev === null ? undefined : { ifRev: expectedRev };
  const changes = Object.keys(set).length > 0;
  const rollups = changes && touchesRollups(set);
  // The roll-ups move from the lead as it stands: the rev-checked copy, or (no check) a fresh read here.
  const read = 'status' in lead && expectedRev !== null ? lead : null;
  const before = rollups ? (read ?? (await getLead(tx, lead._id))) : null;
  if (changes && !(await tx.update(LEADS, lead._id, { set }, options)) && expectedRev !== null) return false;
  if (before) await applyRollupDelta(tx, rollupDeltaOf(before, leadAfter(before, set)));
  for (const event of events) await insertLeadEvent(tx, event);
  for (const entry of audit) await tx.insert<AuditEntry>(COLLECTIONS.audit.name, entry);
  return true;
};

/**
 * Sets when the lead's next SLA rung is due (null: none). Bookkeeping for the timer, not a change anyone made:
 * no `rev` check and no `rev` bump, so it never makes a staff member's concurrent action fail.
 */
export const scheduleEscalation = (store: DocumentStore, lead: Pick<Lead, '_id'>, dueAt: string | null) =>
  store.update(LEADS, lead._id, { set: { 'sla.nextEscalationAt': dueAt } });

/** A district's leads whose `stage` the bureau confirmed on a day in [fromDay, toDay] (at most one request's cap). */
export const listConfirmedLeads = (store: DocumentStore, districtId: string, stage: 'signed' | 'landed', fromDay: string, toDay: string) =>
  store.find<Lead>(LEADS, {
    where: { districtId, [`confirmations.${stage}.date`]: { gte: fromDay, lte: toDay } },
    orderBy: [{ field: `confirmations.${stage}.date`, direction: 'asc' }, { field: '_id', direction: 'asc' }],
    limit: MAX_FIND_LIMIT,
  });
