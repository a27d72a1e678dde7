import { ApiError } from '../../../src/services/api-error';
import { createOfflineQueue, newQueueKey, type QueueStorage } from '../../../src/services/offline-queue';
import { IDEMPOTENCY_KEY_PATTERN } from '../../../domain/api/lead.contracts';
import { ERROR_MESSAGES } from '../../../domain/common/error-codes';

/** Device storage as WeChat keeps it: strings by key, surviving the page (a "reload" is a new queue object). */
const deviceStorage = (): QueueStorage & { raw: Map<string, string> } => {
  const raw = new Map<string, string>();
  return { raw, read: (k) => raw.get(k) ?? '', write: (k, v) => void raw.set(k, v) };
};
const asText = (x: unknown) => (typeof x === 'string' ? x : null);
const key = (n: number) => `queue-key-${String(n).padStart(8, '0')}`;

describe('offline queue', () => {
  it('keeps items across a reload, once per key, oldest first', () => {
    const storage = deviceStorage();
    const q = createOfflineQueue('t', asText, storage);
    q.add({ key: key(1), input: 'a', label: '李先生 · 云帆' });
    q.add({ key: key(2), input: 'b', label: '周女士' });
    q.add({ key: key(1), input: 'a-again', label: 'dup' });
    const reloaded = createOfflineQueue('t', asText, storage);
    expect(reloaded.items().map((i) => [i.key, i.input, i.label])).toEqual([
      [key(1), 'a', '李先生 · 云帆'],
      [key(2), 'b', '周女士'],
    ]);
  });

  it('sends each item once and removes it; a network failure stops the flush and keeps the rest for later', async () => {
    const storage = deviceStorage();
    const q = createOfflineQueue('t', asText, storage);
    for (let i = 1; i <= 3; i += 1) q.add({ key: key(i), input: `v${i}`, label: '' });
    const sent: string[] = [];
    let online = false;
    const send = async (input: string) => {
      if (!online && input === 'v2') throw new ApiError('NETWORK.FAILED');
      sent.push(input);
    };
    expect(await q.flush(send)).toEqual({ sent: 1, offline: true, refused: 0 });
    expect(q.items().map((i) => i.input)).toEqual(['v2', 'v3']);
    online = true;
    expect(await q.flush(send)).toEqual({ sent: 2, offline: false, refused: 0 });
    expect(sent).toEqual(['v1', 'v2', 'v3']);
    expect(createOfflineQueue('t', asText, storage).items()).toEqual([]);
  });

  it('two flushes at once (reconnect and a tap) send nothing twice', async () => {
    const q = createOfflineQueue('t', asText, deviceStorage());
    for (let i = 1; i <= 3; i += 1) q.add({ key: key(i), input: `v${i}`, label: '' });
    const sent: string[] = [];
    const send = async (input: string) => {
      await new Promise((r) => setTimeout(r, 5));
      sent.push(input);
    };
    await Promise.all([q.flush(send), q.flush(send), q.flush(send)]);
    expect(sent).toEqual(['v1', 'v2', 'v3']);
  });

  it('an item the server refuses for good is kept with its reason, skipped, and sent again only on retry', async () => {
    const q = createOfflineQueue('t', asText, deviceStorage());
    q.add({ key: key(1), input: 'bad', label: '' });
    q.add({ key: key(2), input: 'good', label: '' });
    let eventBack = false;
    const send = jest.fn(async (input: string) => {
      // As the backend refuses: the code with its message (src/services/client-error-messages.ts has no text for it).
      if (input === 'bad' && !eventBack) throw new ApiError('EVENT.NOT_FOUND', ERROR_MESSAGES['EVENT.NOT_FOUND']);
    });
    expect(await q.flush(send)).toEqual({ sent: 1, offline: false, refused: 1 });
    expect(q.items()).toEqual([expect.objectContaining({ key: key(1), error: { code: 'EVENT.NOT_FOUND', message: expect.stringContaining('未找到该活动') } })]);
    await q.flush(send);
    expect(send).toHaveBeenCalledTimes(2);
    eventBack = true;
    q.retry(key(1));
    expect(await q.flush(send)).toMatchObject({ sent: 1 });
    expect(q.items()).toEqual([]);
  });

  it('drops what storage holds that it cannot trust (bad key, unparsable input, not JSON), never sends it', async () => {
    const storage = deviceStorage();
    storage.write('investcard.queue:t', JSON.stringify([{ key: 'short', input: 'x' }, { key: key(1), input: 42 }, { key: key(2), input: 'ok', label: 'L' }]));
    const q = createOfflineQueue('t', asText, storage);
    expect(q.items().map((i) => i.input)).toEqual(['ok']);
    storage.write('investcard.queue:t', '{not json');
    expect(q.items()).toEqual([]);
  });

  it('tells subscribers of every change', () => {
    const q = createOfflineQueue('t', asText, deviceStorage());
    const seen: number[] = [];
    const stop = q.subscribe(() => seen.push(q.items().length));
    q.add({ key: key(1), input: 'a', label: '' });
    q.remove(key(1));
    stop();
    q.add({ key: key(2), input: 'b', label: '' });
    expect(seen).toEqual([1, 0]);
  });

  it('makes keys the contract accepts', () => {
    const keys = new Set(Array.from({ length: 50 }, newQueueKey));
    expect(keys.size).toBe(50);
    for (const k of keys) expect(k).toMatch(IDEMPOTENCY_KEY_PATTERN);
  });
});
