import { createHash } from 'node:crypto';
import { DomainError } from '../../domain/common/result';
import { forEachBounded } from './bounded-concurrency';
import { COLLECTIONS } from './store/collections';
import type { DocumentStore, TransactionStore } from './store/store-port';

export interface RateRule {
  key: string;
  limit: number;
  windowMs: number;
}

interface Counter {
  _id: string;
  count: number;
  expiresAt: string;
  [k: string]: unknown;
}

const COUNTERS = COLLECTIONS.rateCounters.name;

const windowStartOf = (rule: RateRule, now: Date) => Math.floor(now.getTime() / rule.windowMs) * rule.windowMs;

/**
 * A counter's id: the identity hashed (any length, any characters, always 40 hex digits), then its window.
 * Identity and window can never run into each other, so every window starts a fresh counter.
 */
export const rateCounterId = (rule: RateRule, now: Date): string =>
  `rc_${createHash('sha256').update(`${rule.windowMs}\u0000${rule.key}`).digest('hex').slice(0, 40)}_${windowStartOf(rule, now).toString(36)}`;

/** What consuming a set of rules will write, read in one go: whether any is at its limit, and each counter. */
export interface RateDraft {
  limited: boolean;
  counters: Array<{ id: string; existing: boolean; expiresAt: string }>;
}

/**
 * Reads every rule's counter at once (one wave of by-id reads inside the transaction, however many rules) and
 * says whether the request is within all limits. Nothing is written yet: see applyRate.
 */
export const prepareRate = async (tx: TransactionStore, rules: readonly RateRule[], now: Date): Promise<RateDraft> => {
  const wanted = rules.map((rule) => ({ rule, id: rateCounterId(rule, now), expiresAt: new Date(windowStartOf(rule, now) + rule.windowMs).toISOString() }));
  const current = await Promise.all(wanted.map((w) => tx.get<Counter>(COUNTERS, w.id)));
  return {
    limited: wanted.some((w, i) => (current[i]?.count ?? 0) >= w.rule.limit),
    counters: wanted.map((w, i) => ({ id: w.id, existing: current[i] !== null, expiresAt: w.expiresAt })),
  };
};

/** Counts the request against every counter of a draft, all writes at once (one wave). */
export const applyRate = async (tx: TransactionStore, draft: RateDraft): Promise<void> => {
  await Promise.all(
    draft.counters.map((c) => (c.existing ? tx.update(COUNTERS, c.id, { inc: { count: 1 } }) : tx.insert<Counter>(COUNTERS, { _id: c.id, count: 1, expiresAt: c.expiresAt }))),
  );
};

/**
 * Fixed-window counters kept in the store and consumed inside the same transaction as the write they guard,
 * so a rejected request leaves no trace and an accepted one is always counted. Two waves of requests (read all,
 * write all) whatever the number of rules. Each counter carries the end of its window (`expiresAt`); the SLA
 * timer purges the expired ones.
 */
export const consumeRate = async (tx: TransactionStore, rules: readonly RateRule[], now: Date): Promise<void> => {
  const draft = await prepareRate(tx, rules, now);
  if (draft.limited) throw new DomainError('RATE.LIMITED');
  await applyRate(tx, draft);
};

/** Consumes the rules in a transaction of their own, for a guard that comes before (not with) the write. */
export const spendRate = (store: DocumentStore, rules: readonly RateRule[], now: Date): Promise<void> => store.transaction((tx) => consumeRate(tx, rules, now));

/** Removes up to `limit` counters whose window ended before `now`, oldest first; returns how many went. */
export const purgeExpiredRateCounters = async (store: DocumentStore, now: Date, limit: number): Promise<number> => {
  const expired = await store.find<Counter>(COUNTERS, {
    where: { expiresAt: { lte: now.toISOString() } },
    orderBy: [{ field: 'expiresAt', direction: 'asc' }, { field: '_id', direction: 'asc' }],
    limit,
  });
  let removed = 0;
  await forEachBounded(expired, 8, async (counter) => {
    if (await store.remove(COUNTERS, counter._id)) removed += 1;
  });
  return removed;
};
