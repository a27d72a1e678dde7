import type { AdminAuditEntry } from '../../../domain/audit/audit.schema';
import { COLLECTIONS } from '../store/collections';
import type { DocumentStore, TransactionStore } from '../store/store-port';

const C = COLLECTIONS.audit.name;

/** Written inside the same transaction as the change it records. */
export const recordAudit = (tx: TransactionStore, entry: AdminAuditEntry) => tx.insert(C, entry);

/** Newest first, keyset by (at, _id). */
/** Any audit record of the district: the office's, and the workspace's contact reveals (no target/actorName). */
export type AnyAuditEntry = Partial<AdminAuditEntry> & Pick<AdminAuditEntry, '_id' | 'districtId' | 'action' | 'at'>;

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
