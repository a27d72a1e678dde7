import type { LeadEvent } from '../../../domain/lead/lead-event.schema';
import { COLLECTIONS } from '../store/collections';
import type { DocumentStore } from '../store/store-port';
import type { AuditEntry } from './audit-entry';
import { insertLeadEvent } from './lead.repository';

export type { AuditEntry } from './audit-entry';

/** A contact reveal is audited and shows in the lead's thread, both or neither. */
export const recordContactReveal = (store: DocumentStore, audit: AuditEntry, event: LeadEvent): Promise<void> =>
  store.transaction(async (tx) => {
    await tx.insert<AuditEntry>(COLLECTIONS.audit.name, audit);
    await insertLeadEvent(tx, event);
  });
