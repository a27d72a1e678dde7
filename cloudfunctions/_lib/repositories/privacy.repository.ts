import type { AdminAuditEntry } from '../../../domain/audit/audit.schema';
import type { Lead } from '../../../domain/lead/lead.schema';
import type { District } from '../../../domain/org/district.schema';
import { anonymisedEventFields, anonymisedLeadFields, isAnonymised, NEVER_DUE } from '../../../domain/privacy/anonymisation.rules';
import type { PrivacyRequest } from '../../../domain/privacy/privacy-request.schema';
import { COLLECTIONS } from '../store/collections';
import type { DocumentStore, TransactionStore } from '../store/store-port';
import { getManyById } from './get-many';
import { listLeadEvents } from './lead.repository';

const REQUESTS = COLLECTIONS.privacyRequests.name;
const LEADS = COLLECTIONS.leads.name;
const EVENTS = COLLECTIONS.leadEvents.name;
const AUDIT = COLLECTIONS.audit.name;

export const getPrivacyRequest = (store: TransactionStore, id: string) => store.get<PrivacyRequest>(REQUESTS, id);

/** The requester's own requests, newest first (我的咨询 shows their status). */
export const listRequesterPrivacyRequests = (store: DocumentStore, requesterKey: string, limit: number) =>
  store.find<PrivacyRequest>(REQUESTS, {
    where: { requesterKey },
    orderBy: [{ field: 'requestedAt', direction: 'desc' }, { field: '_id', direction: 'desc' }],
    limit,
  });

/** A district's requests, newest first (the office's list). */
export const listDistrictPrivacyRequests = (store: DocumentStore, districtId: string, limit: number) =>
  store.find<PrivacyRequest>(REQUESTS, {
    where: { districtId },
    orderBy: [{ field: 'requestedAt', direction: 'desc' }, { field: '_id', direction: 'desc' }],
    limit,
  });

/**
 * Records an investor's request, once: its id is derived from what was asked, so asking again returns the
 * stored request (`created: false`) and writes nothing. A withdrawal takes effect in the same transaction: each
 * lead is marked, taken off the SLA ladder (its next rung is never due) and its follow-ups stop.
 */
export const recordPrivacyRequest = (store: DocumentStore, request: PrivacyRequest, audit: AdminAuditEntry): Promise<{ request: PrivacyRequest; created: boolean }> =>
  store.transaction(async (tx) => {
    const existing = await tx.get<PrivacyRequest>(REQUESTS, request._id);
    if (existing) return { request: existing, created: false };
    await tx.insert<PrivacyRequest>(REQUESTS, request);
    if (request.kind === 'withdraw_consent') {
      for (const leadId of request.leadIds) {
        const lead = await tx.get<Lead>(LEADS, leadId);
        if (!lead || lead.privacy?.consentWithdrawnAt) continue;
        await tx.update(LEADS, leadId, {
          set: {
            'privacy.consentWithdrawnAt': request.requestedAt,
            ...(lead.sla.firstRespondedAt === null && lead.status === 'new' ? { 'sla.nextEscalationAt': NEVER_DUE } : {}),
            'sla.followUpDueAt': null,
          },
        });
      }
    }
    await tx.insert(AUDIT, audit);
    return { request, created: true };
  });

/** Marks a request answered (done or refused) with its audit line; false when it was no longer pending. */
export const recordPrivacyAnswer = (store: DocumentStore, requestId: string, answer: Pick<PrivacyRequest, 'status' | 'answeredAt' | 'answeredBy' | 'answerNote'>, audit: AdminAuditEntry): Promise<boolean> =>
  store.transaction(async (tx) => {
    const current = await tx.get<PrivacyRequest>(REQUESTS, requestId);
    if (!current || current.status !== 'pending') return false;
    await tx.update(REQUESTS, requestId, { set: { ...answer } });
    await tx.insert(AUDIT, audit);
    return true;
  });

/**
 * Erases a lead's personal fields and the free text of its thread, with its audit line, atomically; the lead
 * and everything statistics count stay (no roll-up field is touched). False when it was already anonymised.
 * The thread is read first (a transaction reads by id only); a lead has at most a few hundred events.
 */
export const anonymiseLead = async (store: DocumentStore, leadId: string, at: string, reason: 'request' | 'retention', audit: AdminAuditEntry): Promise<boolean> => {
  const events = await listLeadEvents(store, leadId);
  return store.transaction(async (tx) => {
    const lead = await tx.get<Lead>(LEADS, leadId);
    if (!lead || isAnonymised(lead)) return false;
    await tx.update(LEADS, leadId, { set: anonymisedLeadFields(lead, at, reason) });
    for (const event of events) {
      const set = anonymisedEventFields(event);
      if (set) await tx.update(EVENTS, event._id, { set });
    }
    await tx.insert(AUDIT, audit);
    return true;
  });
};

/** Every district (a deployment holds a handful; the retention timer visits each). */
export const listDistrictsForRetention = (store: DocumentStore, limit: number) =>
  store.find<District>(COLLECTIONS.districts.name, { orderBy: [{ field: 'createdAt', direction: 'asc' }], limit });

/** A district's closed leads (`status`) last changed before `cutoff` and not anonymised yet, oldest first. */
export const findClosedLeadsPastRetention = (store: DocumentStore, districtId: string, status: 'landed' | 'invalid', cutoff: string, limit: number) =>
  store.find<Lead>(LEADS, {
    where: { districtId, 'privacy.anonymisedAt': null, status, updatedAt: { lt: cutoff } },
    orderBy: [{ field: 'updatedAt', direction: 'asc' }, { field: '_id', direction: 'asc' }],
    limit,
  });

/** The inquiries of a page of requests, in one request. */
export const getLeadsByIds = (store: DocumentStore, ids: Iterable<string>) => getManyById<Lead>(store, LEADS, ids);
