import { DomainError } from '../../domain/common/result';
import { COLLECTIONS } from './store/collections';
import type { TransactionStore } from './store/store-port';

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

/** What consuming a set of rules will write, read in one go: whether any is at its limit, and each counter. */
export interface RateDraft {
  limited: boolean;
  counters: Array<{ id: string; existing: boolean; expiresAt: string }>;
}

const counterOf = (rule: RateRule, now: Date): { id: string; expiresAt: string } => {
  const windowStart = Math.floor(now.getTime() / rule.windowMs) * rule.windowMs;
  return {
    id: `${rule.key}:${windowStart.toString(36)}`.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64),
    expiresAt: new Date(windowStart + rule.windowMs).toISOString(),
  };
};

/**
 * Reads every rule's counter at once (one wave of by-id reads inside the transaction, however many rules) and
 * says whether the request is within all limits. Nothing is written yet: see applyRate.
 */
export const prepareRate = async (tx: TransactionStore, rules: readonly RateRule[], now: Date): Promise<RateDraft> => {
  const wanted = rules.map((rule) => ({ rule, ...counterOf(rule, now) }));
  const current = await Promise.all(wanted.map((w) => tx.get<Counter>(COLLECTIONS.rateCounters.name, w.id)));
  return {
    limited: wanted.some((w, i) => (current[i]?.count ?? 0) >= w.rule.limit),
    counters: wanted.map((w, i) => ({ id: w.id, existing: current[i] !== null, expiresAt: w.expiresAt })),
  };
};

/** Counts the request against every counter of a draft, all writes at once (one wave). */
export const applyRate = async (tx: TransactionStore, draft: RateDraft): Promise<void> => {
  await Promise.all(
    draft.counters.map((c) =>
      c.existing ? tx.update(COLLECTIONS.rateCounters.name, c.id, { inc: { count: 1 } }) : tx.insert<Counter>(COLLECTIONS.rateCounters.name, { _id: c.id, count: 1, expiresAt: c.expiresAt }),
    ),
  );
};

/**
 * Fixed-window counters kept in the store and consumed inside the same transaction as the write they guard,
 * so a rejected request leaves no trace and an accepted one is always counted. Two waves of requests (read all,
 * write all) whatever the number of rules.
 */
export const consumeRate = async (tx: TransactionStore, rules: readonly RateRule[], now: Date): Promise<void> => {
  const draft = await prepareRate(tx, rules, now);
  if (draft.limited) throw new DomainError('RATE.LIMITED');
  await applyRate(tx, draft);
};
