import type { LeadEvent } from '../../../domain/lead/lead-event.schema';
import { COLLECTIONS } from '../store/collections';
import type { DocumentStore } from '../store/store-port';
import { insertLeadEvent } from './lead.repository';

/** One line of the audit log: who did what to which lead, when. Never contact data. */
export interface AuditEntry {
  _id: string;
  /** contact_revealed: the reveal step; facts_set / stage_confirmed: what the numbers are made of. */
  action: 'contact_revealed' | 'facts_set' | 'stage_confirmed';
  leadId: string;
  districtId: string;
  staffId: string;
  at: string;
  [k: string]: unknown;
}

/** A contact reveal is audited and shows in the lead's thread, both or neither. */
export const recordContactReveal = (store: DocumentStore, audit: AuditEntry, event: LeadEvent): Promise<void> =>
  store.transaction(async (tx) => {
    await tx.insert<AuditEntry>(COLLECTIONS.audit.name, audit);
    await insertLeadEvent(tx, event);
  });
