import { useCallback, useEffect, useRef, useState } from 'react';
import { isOnline, onReconnect } from '../services/offline-queue-network';
import type { OfflineQueue, QueuedItem } from '../services/offline-queue';

export interface OfflineQueueState<I> {
  /** What waits on the device (refused ones included, with their reason). */
  items: QueuedItem<I>[];
  /** Items that will go out by themselves once the network is back. */
  waiting: number;
  /** The last attempt found no network (or no server). */
  offline: boolean;
  sending: boolean;
  /** Sent from this page since it opened. */
  sentCount: number;
  enqueue: (item: Omit<QueuedItem<I>, 'queuedAt' | 'error'>) => void;
  remove: (key: string) => void;
  retry: (key: string) => void;
  flush: () => Promise<void>;
}

/**
 * A device queue on a page: shown as it is, sent on opening, after each new item and whenever the network comes
 * back. `send` is the typed call for one item.
 */
export const useOfflineQueue = <I>(queue: OfflineQueue<I>, send: (input: I) => Promise<unknown>): OfflineQueueState<I> => {
  const [items, setItems] = useState(() => queue.items());
  const [offline, setOffline] = useState(false);
  const [sending, setSending] = useState(false);
  const [sentCount, setSentCount] = useState(0);
  const sendRef = useRef(send);
  sendRef.current = send;
  const mounted = useRef(true);

  const flush = useCallback(async (): Promise<void> => {
    if (!queue.items().some((it) => !it.error)) return;
    if (!(await isOnline())) {
      if (mounted.current) setOffline(true);
      return;
    }
    setSending(true);
    try {
      const report = await queue.flush((input) => sendRef.current(input));
      if (!mounted.current) return;
      setOffline(report.offline);
      setSentCount((n) => n + report.sent);
    } finally {
      if (mounted.current) setSending(false);
    }
  }, [queue]);

  useEffect(() => {
    mounted.current = true;
    const unsubscribe = queue.subscribe(() => setItems(queue.items()));
    const stopListening = onReconnect(() => void flush());
    setItems(queue.items());
    void flush();
    return () => {
      mounted.current = false;
      unsubscribe();
      stopListening();
    };
  }, [queue, flush]);

  return {
    items,
    waiting: items.filter((it) => !it.error).length,
    offline,
    sending,
    sentCount,
    enqueue: (item) => {
      queue.add(item);
      void flush();
    },
    remove: (key) => queue.remove(key),
    retry: (key) => {
      queue.retry(key);
      void flush();
    },
    flush,
  };
};
