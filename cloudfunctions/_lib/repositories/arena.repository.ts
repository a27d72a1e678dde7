import type { LeadEvent } from '../../../domain/lead/lead-event.schema';
import type { Lead } from '../../../domain/lead/lead.schema';
import { COLLECTIONS } from '../store/collections';
import { MAX_FIND_LIMIT, type DocumentStore } from '../store/store-port';

/**
 * A district's closings as invalid in [fromIso, toIso] (status events, so a lead reopened since still shows the
 * closing it had): the candidates for the 报送后判定无效 penalty, checked against their events.
 */
export const listInvalidClosingsBetween = (store: DocumentStore, districtId: string, fromIso: string, toIso: string) =>
  store.find<LeadEvent>(COLLECTIONS.leadEvents.name, {
    where: { districtId, type: 'status_changed', 'data.to': 'invalid', at: { gte: fromIso, lte: toIso } },
    orderBy: [
      { field: 'at', direction: 'asc' },
      { field: '_id', direction: 'asc' },
    ],
    limit: MAX_FIND_LIMIT,
  });

/**
 * A district's inquiries that arrived in [startIso, endIso) and were first answered after `afterIso`: what a late
 * lock must take back out of the roll-ups' «answered in time» (the roll-ups only know the lead as it is now).
 * Few (answers after the lock to inquiries of the closed period), paged by arrival anyway.
 */
export const listAnsweredAfter = async (store: DocumentStore, districtId: string, startIso: string, endIso: string, afterIso: string): Promise<Lead[]> => {
  const found: Lead[] = [];
  let last: Lead | null = null;
  for (;;) {
    const page: Lead[] = await store.find<Lead>(COLLECTIONS.leads.name, {
      where: { districtId, createdAt: { gte: startIso, lt: endIso }, 'sla.firstRespondedAt': { gt: afterIso } },
      ...(last ? { anyOf: [{ createdAt: { gt: last.createdAt } }, { createdAt: last.createdAt, _id: { gt: last._id } }] } : {}),
      orderBy: [
        { field: 'createdAt', direction: 'asc' },
        { field: '_id', direction: 'asc' },
      ],
      limit: MAX_FIND_LIMIT,
    });
    found.push(...page);
    if (page.length < MAX_FIND_LIMIT) return found;
    last = page[page.length - 1] as Lead;
  }
};
