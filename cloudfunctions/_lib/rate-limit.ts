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

/**
 * Fixed-window counters kept in the store and consumed inside the same transaction as the write they guard,
 * so a rejected request leaves no trace and an accepted one is always counted.
 */
export const consumeRate = async (tx: TransactionStore, rules: readonly RateRule[], now: Date): Promise<void> => {
  for (const rule of rules) {
    const windowStart = Math.floor(now.getTime() / rule.windowMs) * rule.windowMs;
    const id = `${rule.key}:${windowStart.toString(36)}`.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64);
    const counter = await tx.get<Counter>(COLLECTIONS.rateCounters.name, id);
    if (counter && counter.count >= rule.limit) throw new DomainError('RATE.LIMITED');
    if (counter) await tx.update(COLLECTIONS.rateCounters.name, id, { inc: { count: 1 } });
    else await tx.insert<Counter>(COLLECTIONS.rateCounters.name, { _id: id, count: 1, expiresAt: new Date(windowStart + rule.windowMs).toISOString() });
  }
};
