import type { EventFields, InvestEvent } from '../../../domain/event/event.schema';
import { COLLECTIONS } from '../store/collections';
import type { DocumentStore, TransactionStore } from '../store/store-port';

const C = COLLECTIONS.events.name;

/** How many 活动 a district's list shows: the latest by date (a district holds a few dozen a year). */
export const EVENT_LIST_LIMIT = 200;

export const getEvent = (store: TransactionStore, id: string) => store.get<InvestEvent>(C, id);

export const listDistrictEvents = (store: DocumentStore, districtId: string) =>
  store.find<InvestEvent>(C, {
    where: { districtId },
    // One direction for both fields, so the by_district_date index serves the sort on WeChat Cloud too.
    orderBy: [
      { field: 'date', direction: 'desc' },
      { field: '_id', direction: 'desc' },
    ],
    limit: EVENT_LIST_LIMIT,
  });

export const insertEvent = (tx: TransactionStore, event: InvestEvent) => tx.insert(C, event);

export const updateEventFields = (tx: TransactionStore, id: string, fields: EventFields & { updatedAt: string }) => tx.update(C, id, { set: { ...fields } });
