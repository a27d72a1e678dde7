import Taro from '@tarojs/taro';
import { isErrorCode, type ErrorCode } from '../../domain/common/error-code-list';
import { IDEMPOTENCY_KEY_PATTERN } from '../../domain/api/lead.contracts';
import { isApiError } from './api-error';

/**
 * Calls kept on the device until the network is back (event mode at a fair with no signal, an inquiry sent
 * offline). Each item carries the idempotency key it was created with, so sending it again — after a reload,
 * a lost answer, two flushes racing — lands on the same record on the server: sent exactly once.
 */
export interface QueuedItem<I> {
  /** The idempotency key the item was created with; also its id in the queue. */
  key: string;
  input: I;
  queuedAt: string;
  /** What the list shows (e.g. 姓名 · 公司), never the whole input. */
  label: string;
  /** Refused by the server for good (not the network): kept, with why, until someone removes or resends it. */
  error?: { code: ErrorCode; message: string };
}

export interface FlushReport {
  sent: number;
  /** Stopped early: the network (or the server) is not reachable now; the rest waits for the next try. */
  offline: boolean;
  refused: number;
}

/** Errors that say nothing about the item itself: it stays queued and is tried again later. */
const RETRYABLE: ReadonlySet<ErrorCode> = new Set(['NETWORK.FAILED', 'STORE.UNAVAILABLE', 'STORE.BUSY', 'RATE.LIMITED', 'INTERNAL.UNEXPECTED']);

export const isRetryable = (e: unknown): boolean => !isApiError(e) || RETRYABLE.has(e.code);

export interface QueueStorage {
  read(key: string): unknown;
  write(key: string, value: string): void;
}

const taroStorage: QueueStorage = {
  read: (key) => Taro.getStorageSync(key) as unknown,
  write: (key, value) => Taro.setStorageSync(key, value),
};

const PREFIX = 'investcard.queue:';

export interface OfflineQueue<I> {
  items(): QueuedItem<I>[];
  /** Adds an item (an item with the same key is already there: nothing changes). */
  add(item: Omit<QueuedItem<I>, 'queuedAt' | 'error'>, now?: Date): void;
  remove(key: string): void;
  /** Puts a refused item back in line (after the cause was fixed, e.g. the event was restored). */
  retry(key: string): void;
  /** Sends what is queued, oldest first, one at a time; one flush at a time per queue. */
  flush(send: (input: I) => Promise<unknown>): Promise<FlushReport>;
  /** Called after every change; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * A queue kept in device storage under `name`. `parseInput` accepts what storage holds back (an older or tampered
 * entry is dropped, never sent).
 */
export const createOfflineQueue = <I>(name: string, parseInput: (raw: unknown) => I | null, storage: QueueStorage = taroStorage): OfflineQueue<I> => {
  const storageKey = PREFIX + name;
  const listeners = new Set<() => void>();
  let flushing: Promise<FlushReport> | null = null;

  const read = (): QueuedItem<I>[] => {
    try {
      const raw = storage.read(storageKey);
      const parsed: unknown = typeof raw === 'string' && raw ? JSON.parse(raw) : raw;
      if (!Array.isArray(parsed)) return [];
      const out: QueuedItem<I>[] = [];
      for (const entry of parsed) {
        if (!isRecord(entry) || typeof entry.key !== 'string' || !IDEMPOTENCY_KEY_PATTERN.test(entry.key)) continue;
        const input = parseInput(entry.input);
        if (input === null) continue;
        const error = isRecord(entry.error) && isErrorCode(entry.error.code) && typeof entry.error.message === 'string' ? { code: entry.error.code, message: entry.error.message } : undefined;
        out.push({ key: entry.key, input, queuedAt: String(entry.queuedAt ?? ''), label: String(entry.label ?? ''), ...(error ? { error } : {}) });
      }
      return out;
    } catch {
      return [];
    }
  };

  const write = (items: QueuedItem<I>[]): void => {
    // If storage fails the queue cannot keep anything: let the caller know rather than lose an inquiry silently.
    storage.write(storageKey, JSON.stringify(items));
    for (const l of [...listeners]) l();
  };

  const update = (key: string, change: (item: QueuedItem<I>) => QueuedItem<I> | null): void => {
    const next: QueuedItem<I>[] = [];
    for (const item of read()) {
      const changed = item.key === key ? change(item) : item;
      if (changed) next.push(changed);
    }
    write(next);
  };

  const runFlush = async (send: (input: I) => Promise<unknown>): Promise<FlushReport> => {
    const report: FlushReport = { sent: 0, offline: false, refused: 0 };
    for (const item of read()) {
      if (item.error) continue;
      try {
        await send(item.input);
        update(item.key, () => null);
        report.sent += 1;
      } catch (e) {
        if (isRetryable(e)) {
          report.offline = true;
          break;
        }
        const code = isApiError(e) ? e.code : 'INTERNAL.UNEXPECTED';
        const message = e instanceof Error ? e.message : '';
        update(item.key, (it) => ({ ...it, error: { code, message } }));
        report.refused += 1;
      }
    }
    return report;
  };

  return {
    items: read,
    add(item, now = new Date()) {
      const items = read();
      if (items.some((it) => it.key === item.key)) return;
      write([...items, { key: item.key, input: item.input, label: item.label, queuedAt: now.toISOString() }]);
    },
    remove(key) {
      update(key, () => null);
    },
    retry(key) {
      update(key, (it) => ({ key: it.key, input: it.input, queuedAt: it.queuedAt, label: it.label }));
    },
    flush(send) {
      if (!flushing) {
        flushing = runFlush(send).finally(() => {
          flushing = null;
        });
      }
      return flushing;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
};

/** A fresh idempotency key for an item about to be queued: the same keys the investor's form makes. */
export { newIdempotencyKey as newQueueKey } from './idempotency-key';
