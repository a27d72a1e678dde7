import type { Lead, ShareChannel } from '../../../domain/lead/lead.schema';
import type { ViewCount, ViewMark } from '../../../domain/share/share.schema';
import { consumeRate, type RateRule } from '../rate-limit';
import { COLLECTIONS } from '../store/collections';
import { isStoreError, type DocumentStore, type TransactionStore } from '../store/store-port';
import { hashedId } from '../visitor-hash';
import { forEachBounded } from '../bounded-concurrency';

const COUNTS = COLLECTIONS.viewCounts.name;
const MARKS = COLLECTIONS.viewMarks.name;

export interface ViewToCount {
  districtId: string;
  cardId: string;
  channel: ShareChannel;
  /** China day of the view (`chinaDay`). */
  day: string;
  /** Mark that makes a second view of the same visitor, card and share in the same minute a repeat. */
  minuteMarkId: string;
  /** Mark that makes the visitor counted once per card and day. */
  dayMarkId: string;
}

const allTimeId = (cardId: string) => hashedId('vc', cardId);
const dayRowId = (cardId: string, day: string) => hashedId('vc', cardId, day);

const bump = async (tx: TransactionStore, id: string, view: ViewToCount, day: string | null, newVisitor: boolean) => {
  const existing = await tx.get<ViewCount>(COUNTS, id);
  if (existing) {
    await tx.update(COUNTS, id, { inc: { views: 1, [`viewsByChannel.${view.channel}`]: 1, ...(newVisitor ? { visitors: 1 } : {}) } });
    return;
  }
  await tx.insert<ViewCount>(COUNTS, { _id: id, districtId: view.districtId, cardId: view.cardId, day, views: 1, visitors: newVisitor ? 1 : 0, viewsByChannel: { [view.channel]: 1 } });
};

/**
 * Counts one view in one transaction: the card's rate budget, the marks, the day row and the all-time row.
 * 'repeat' when the visitor was already counted this minute; RATE.LIMITED comes out as thrown.
 */
export const countView = async (store: DocumentStore, view: ViewToCount, budget: readonly RateRule[], now: Date): Promise<'counted' | 'repeat'> => {
  const work = async (tx: TransactionStore) => {
    if (await tx.get<ViewMark>(MARKS, view.minuteMarkId)) return 'repeat' as const;
    await consumeRate(tx, budget, now);
    await tx.insert<ViewMark>(MARKS, { _id: view.minuteMarkId, cardId: view.cardId, day: view.day });
    const newVisitor = !(await tx.get<ViewMark>(MARKS, view.dayMarkId));
    if (newVisitor) await tx.insert<ViewMark>(MARKS, { _id: view.dayMarkId, cardId: view.cardId, day: view.day });
    await bump(tx, dayRowId(view.cardId, view.day), view, view.day, newVisitor);
    await bump(tx, allTimeId(view.cardId), view, null, newVisitor);
    return 'counted' as const;
  };
  // Two first views racing create the same row; the loser retries and then finds it (a repeat finds its mark).
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await store.transaction(work);
    } catch (error) {
      if (attempt >= 2 || !isStoreError(error, 'STORE.DUPLICATE_ID')) throw error;
    }
  }
};

/** Where one inquiry through a card is counted: the card's day row and its all-time row. */
export interface CardLeadToCount {
  districtId: string;
  cardId: string;
  channel: Lead['source']['channel'];
  /** China day the lead was created (`chinaDay`). */
  day: string;
}

/** Which of the card's two counter rows exist, read inside the lead's transaction beside its other reads. */
export interface CardLeadRows {
  count: CardLeadToCount;
  dayRow: boolean;
  allTimeRow: boolean;
}

export const readCardLeadRows = async (tx: TransactionStore, count: CardLeadToCount): Promise<CardLeadRows> => {
  const [dayRow, allTimeRow] = await Promise.all([tx.get<ViewCount>(COUNTS, dayRowId(count.cardId, count.day)), tx.get<ViewCount>(COUNTS, allTimeId(count.cardId))]);
  return { count, dayRow: dayRow !== null, allTimeRow: allTimeRow !== null };
};

/**
 * Counts one inquiry on the card's counters, in the transaction that stores the lead (both or neither). Rows read
 * absent are inserted; two first inquiries racing make one of them retry (STORE.DUPLICATE_ID), as views do.
 */
export const countCardLead = async (tx: TransactionStore, rows: CardLeadRows): Promise<void> => {
  const { count } = rows;
  const write = (id: string, exists: boolean, day: string | null) =>
    exists
      ? tx.update(COUNTS, id, { inc: { leads: 1, [`leadsByChannel.${count.channel}`]: 1 } })
      : tx.insert<ViewCount>(COUNTS, { _id: id, districtId: count.districtId, cardId: count.cardId, day, views: 0, visitors: 0, viewsByChannel: {}, leads: 1, leadsByChannel: { [count.channel]: 1 } });
  await Promise.all([write(dayRowId(count.cardId, count.day), rows.dayRow, count.day), write(allTimeId(count.cardId), rows.allTimeRow, null)]);
};

/** Counts one new share hop on the card's all-time row, in the hop's own transaction. */
export const countCardShare = async (tx: TransactionStore, share: { districtId: string; cardId: string; depth: number }): Promise<void> => {
  const id = allTimeId(share.cardId);
  const row = await tx.get<ViewCount>(COUNTS, id);
  if (!row) {
    await tx.insert<ViewCount>(COUNTS, { _id: id, districtId: share.districtId, cardId: share.cardId, day: null, views: 0, visitors: 0, viewsByChannel: {}, shares: 1, maxShareDepth: share.depth });
    return;
  }
  await tx.update(COUNTS, id, { inc: { shares: 1 }, ...(share.depth > (row.maxShareDepth ?? 0) ? { set: { maxShareDepth: share.depth } } : {}) });
};

export interface CardViewCounts {
  allTime: ViewCount | null;
  /** Day rows from `sinceDay` on, oldest first (at most one per day). */
  days: ViewCount[];
}

/** A card's view counters: two queries, however many views it had. */
export const readCardViewCounts = async (store: DocumentStore, cardId: string, sinceDay: string, maxDays: number): Promise<CardViewCounts> => {
  const [allTime, days] = await Promise.all([
    store.get<ViewCount>(COUNTS, allTimeId(cardId)),
    store.find<ViewCount>(COUNTS, { where: { cardId, day: { gte: sinceDay } }, orderBy: [{ field: 'day', direction: 'asc' }], limit: maxDays }),
  ]);
  return { allTime, days };
};

/**
 * Drops the dedupe marks of days before `today` (the per-day unique sets), a batch per query and eight removals
 * at a time, until none is left, `rounds` batches are done or `stop()` says the caller's time is up; returns how
 * many went. The timer calls it, so no mark outlives its day by more than a tick or two.
 */
export const dropPastViewMarks = async (
  store: DocumentStore,
  today: string,
  options: { batch?: number; rounds?: number; concurrency?: number; stop?: () => boolean } = {},
): Promise<number> => {
  const { batch = 500, rounds = 10, concurrency = 8, stop = () => false } = options;
  let dropped = 0;
  for (let round = 0; round < rounds && !stop(); round += 1) {
    const past = await store.find<ViewMark>(MARKS, { where: { day: { lt: today } }, orderBy: [{ field: 'day', direction: 'asc' }], limit: batch });
    await forEachBounded(
      past,
      concurrency,
      async (mark) => {
        if (await store.remove(MARKS, mark._id)) dropped += 1;
      },
      stop,
    );
    if (past.length < batch) break;
  }
  return dropped;
};
