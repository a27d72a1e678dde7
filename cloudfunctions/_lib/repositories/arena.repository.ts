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

const STATUS_CHANGE_BATCH = 20;

/**
 * The status changes of `leadIds` up to `asOf`, per lead, oldest first: what a board locked at `asOf` judges the
 * competing 首报 reports by. Read 20 leads at a time, each batch paged by (leadId, at, _id) so none is cut off.
 */
export const listStatusChangesUpTo = async (store: DocumentStore, leadIds: readonly string[], asOf: string): Promise<Map<string, LeadEvent[]>> => {
  const ids = [...new Set(leadIds)];
  const byLead = new Map<string, LeadEvent[]>(ids.map((id) => [id, []]));
  const batches: string[][] = [];
  for (let i = 0; i < ids.length; i += STATUS_CHANGE_BATCH) batches.push(ids.slice(i, i + STATUS_CHANGE_BATCH));
  await Promise.all(
    batches.map(async (batch) => {
      let last: LeadEvent | null = null;
      for (;;) {
        const page: LeadEvent[] = await store.find<LeadEvent>(COLLECTIONS.leadEvents.name, {
          where: { leadId: last ? { in: batch, gte: last.leadId } : { in: batch }, type: 'status_changed', at: { lte: asOf } },
          ...(last
            ? { anyOf: [{ leadId: { gt: last.leadId } }, { leadId: last.leadId, at: { gt: last.at } }, { leadId: last.leadId, at: last.at, _id: { gt: last._id } }] }
            : {}),
          orderBy: [
            { field: 'leadId', direction: 'asc' },
            { field: 'at', direction: 'asc' },
            { field: '_id', direction: 'asc' },
          ],
          limit: MAX_FIND_LIMIT,
        });
        for (const e of page) byLead.get(e.leadId)?.push(e);
        if (page.length < MAX_FIND_LIMIT) return;
        last = page[page.length - 1];
      }
    }),
  );
  return byLead;
};
