import type { Lead } from '../../../domain/lead/lead.schema';
import type { DisputeStatus } from '../../../domain/ranking/first-report-dispute.schema';
import { COLLECTIONS } from '../store/collections';
import type { DocumentStore, FindQuery } from '../store/store-port';

const LEADS = COLLECTIONS.leads.name;
/** One company reported more often than this in one district is not a 首报 question any more. */
const MAX_REPORTS = 50;
const MAX_DISPUTES = 100;

/**
 * The district's reports of the same company as `lead` (itself included), in arrival order: the same credit code,
 * else the same confirmed name key and phone (or, for inquiries left with no phone, the name key among those). Empty when staff have not stated what identifies the project.
 */
export const listProjectLeads = (store: DocumentStore, lead: Pick<Lead, 'districtId' | 'facts' | 'contact'>): Promise<Lead[]> => {
  const where: FindQuery['where'] | null = lead.facts?.creditCode
    ? { districtId: lead.districtId, 'facts.creditCode': lead.facts.creditCode }
    : lead.facts?.companyKey
      ? { districtId: lead.districtId, 'facts.companyKey': lead.facts.companyKey, 'contact.phone': lead.contact.phone ?? null }
      : null;
  if (!where) return Promise.resolve([]);
  return store.find<Lead>(LEADS, {
    where,
    orderBy: [
      { field: 'createdAt', direction: 'asc' },
      { field: '_id', direction: 'asc' },
    ],
    limit: MAX_REPORTS,
  });
};

/** A district's leads carrying a 首报 dispute in `status`, oldest dispute first. */
export const listDisputedLeads = (store: DocumentStore, districtId: string, status: DisputeStatus): Promise<Lead[]> =>
  store.find<Lead>(LEADS, {
    where: { districtId, 'firstReportDispute.status': status },
    orderBy: [
      { field: 'firstReportDispute.raisedAt', direction: 'asc' },
      { field: '_id', direction: 'asc' },
    ],
    limit: MAX_DISPUTES,
  });
