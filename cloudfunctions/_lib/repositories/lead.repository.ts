import type { Lead } from '../../../domain/lead/lead.schema';
import type { LeadEvent } from '../../../domain/lead/lead-event.schema';
import { COLLECTIONS } from '../store/collections';
import type { DocumentStore, FindQuery, TransactionStore } from '../store/store-port';

const LEADS = COLLECTIONS.leads.name;
const EVENTS = COLLECTIONS.leadEvents.name;

/** A lead's id is derived from the client's idempotency key: the store's unique id makes intake exactly-once. */
export const leadIdForKey = (idempotencyKey: string): string => `ld_${idempotencyKey}`;

export const getLead = (store: TransactionStore, id: string) => store.get<Lead>(LEADS, id);

export const findLeads = (store: DocumentStore, query: FindQuery) => store.find<Lead>(LEADS, query);

export const countLeads = (store: DocumentStore, where: FindQuery['where']) => store.count(LEADS, where);

export const insertLeadEvent = (store: TransactionStore, event: LeadEvent) => store.insert<LeadEvent>(EVENTS, event);

export const listLeadEvents = (store: DocumentStore, leadId: string) =>
  store.find<LeadEvent>(EVENTS, { where: { leadId }, orderBy: [{ field: 'at', direction: 'asc' }, { field: '_id', direction: 'asc' }], limit: 200 });

export const LEADS_COLLECTION = LEADS;
