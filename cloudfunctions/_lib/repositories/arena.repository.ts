import type { Lead } from '../../../domain/lead/lead.schema';
import { COLLECTIONS } from '../store/collections';
import { MAX_FIND_LIMIT, type DocumentStore } from '../store/store-port';

/**
 * A district's leads closed as invalid and touched since `sinceIso` (closing one touches it, so every lead closed
 * since then is among them): the candidates for the 报送后判定无效 penalty, checked against their events.
 */
export const listInvalidTouchedSince = (store: DocumentStore, districtId: string, sinceIso: string) =>
  store.find<Lead>(COLLECTIONS.leads.name, {
    where: { districtId, status: 'invalid', updatedAt: { gte: sinceIso } },
    orderBy: [
      { field: 'updatedAt', direction: 'asc' },
      { field: '_id', direction: 'asc' },
    ],
    limit: MAX_FIND_LIMIT,
  });
