import type { AdminAuditEntry } from '../../../domain/audit/audit.schema';
import type { LeadEvent } from '../../../domain/lead/lead-event.schema';
import { COLLECTIONS } from '../store/collections';
import type { DocumentStore, TransactionStore } from '../store/store-port';
import type { AuditEntry } from './audit-entry';
import { insertLeadEvent } from './lead.repository';

export type { AuditEntry } from './audit-entry';

const C = COLLECTIONS.audit.name;

/** A contact reveal is audited and shows in the lead's thread, both or neither. */
export const recordContactReveal = (store: DocumentStore, audit: AuditEntry, event: LeadEvent): Promise<void> =>
  store.transaction(async (tx) => {
    await tx.insert<AuditEntry>(C, audit);
    await insertLeadEvent(tx, event);
  });

/** An office change's record (who, when, what, before, after): written inside the same transaction as the change. */
export const recordAudit = (tx: TransactionStore, entry: AdminAuditEntry) => tx.insert(C, entry);

/** Any audit record of the district: the office's, and the workspace's contact reveals (no target/actorName). */
export type AnyAuditEntry = Partial<AdminAuditEntry> & Pick<AdminAuditEntry, '_id' | 'districtId' | 'action' | 'at'>;

/** Newest first, keyset by (at, _id). */
export const listAudit = (store: DocumentStore, districtId: string, limit: number, after?: { at: string; id: string }) =>
  store.find<AnyAuditEntry>(C, {
    where: { districtId, ...(after ? { at: { lte: after.at } } : {}) },
    ...(after ? { anyOf: [{ at: { lt: after.at } }, { _id: { lt: after.id } }] } : {}),
    orderBy: [
      { field: 'at', direction: 'desc' },
      { field: '_id', direction: 'desc' },
    ],
    limit,
  });
