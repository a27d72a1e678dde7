/**
 * WxStore over the real wx-server-sdk 4.0.2, its database transport replaced by the in-process fake. A network
 * guard is up before the SDK loads: any connection or DNS lookup would be recorded and refused.
 */
import { WxStore, type WxDatabase } from '../../cloudfunctions/_lib/store/wx-store';
import { createTestWxDatabase, installFakeTcbBackend, installNetworkGuard, type FakeTcbBackend, type NetworkGuard } from '../support/fake-tcb-backend';
import { CONTRACT_COLLECTIONS, describeStoreContract } from './store.contract';

let guard: NetworkGuard;
let backend: FakeTcbBackend;
let db: WxDatabase;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => {
  unhandled.push(reason);
};

beforeAll(() => {
  guard = installNetworkGuard();
  process.on('unhandledRejection', onUnhandled);
  // The suite's own collections, queried on every field on purpose: existing, but outside the index check.
  backend = installFakeTcbBackend({ collections: [...CONTRACT_COLLECTIONS, 'items'].map((name) => ({ name, indexes: 'unchecked' as const })) });
  db = createTestWxDatabase();
});

afterAll(() => {
  backend.uninstall();
  guard.uninstall();
  process.off('unhandledRejection', onUnhandled);
});

describeStoreContract('WxStore (wx-server-sdk 4.0.2 + fake TCB backend)', async () => {
  backend.reset();
  return {
    store: new WxStore(db),
    close: async () => {
      // Every transaction the adapter started was committed or aborted.
      expect(backend.openTransactions()).toBe(0);
    },
  };
});

describe('WxStore specifics', () => {
  let store: WxStore;
  beforeEach(() => {
    backend.reset();
    store = new WxStore(db);
  });

  const sentQueries = (action: string): Array<Record<string, unknown>> => backend.requests.filter((r) => r.action === action).map((r) => r.params);

  test('contains goes out as an escaped, case-insensitive regular expression', async () => {
    await store.find('items', { where: { name: { contains: 'a.*(b)' } }, limit: 5 });
    const [query] = sentQueries('database.getDocument');
    expect(JSON.parse(String(query.query))).toEqual({ name: { $regularExpression: { pattern: 'a\\.\\*\\(b\\)', options: 'i' } } });
  });

  test('every find carries an explicit limit and the sort in order', async () => {
    await store.find('items', {
      where: { a: 1 },
      orderBy: [
        { field: 'b', direction: 'desc' },
        { field: '_id', direction: 'asc' },
      ],
      limit: 7,
    });
    const [query] = sentQueries('database.getDocument');
    expect(query.limit).toBe(7);
    expect(Object.entries(JSON.parse(String(query.order)) as Record<string, unknown>).map(([k]) => k)).toEqual(['b', '_id']);
  });

  test('set replaces objects through _.set rather than merging flattened keys', async () => {
    await store.insert('items', { _id: 'x', profile: { a: 1, b: 2 } });
    await store.update('items', 'x', { set: { profile: { a: 3 } } });
    const [update] = sentQueries('database.modifyDocument');
    expect(JSON.parse(String(update.data))).toEqual({ $set: { profile: { a: { $numberInt: '3' } } } });
    expect(await store.get('items', 'x')).toEqual({ _id: 'x', profile: { a: 3 } });
  });

  test('backend failures map onto the port codes', async () => {
    const cases: Array<[{ code: string; message: string }, string]> = [
      [{ code: 'EXCEED_REQUEST_LIMIT', message: 'request limit exceeded' }, 'STORE.BUSY'],
      [{ code: 'EXCEED_CONCURRENT_REQUEST_LIMIT', message: 'too many concurrent requests' }, 'STORE.BUSY'],
      [{ code: 'DATABASE_COLLECTION_NOT_EXIST', message: 'Db or Table not exist' }, 'STORE.UNAVAILABLE'],
      [{ code: 'SYS_ERR', message: 'internal error' }, 'STORE.UNAVAILABLE'],
      [{ code: 'DATABASE_REQUEST_FAILED', message: 'E11000 duplicate key error collection: test-env.items index: _id_' }, 'STORE.DUPLICATE_ID'],
      [{ code: 'INVALID_PARAM', message: 'bad param' }, 'STORE.INVALID_QUERY'],
    ];
    for (const [error, code] of cases) {
      backend.failNext('database.getDocument', error);
      await expect(store.find('items', { limit: 1 })).rejects.toMatchObject({ name: 'StoreError', code, cause: expect.anything() });
    }
    backend.failNext('database.getDocument', { code: 'SYS_ERR', message: 'internal error' });
    await expect(store.get('items', 'x')).rejects.toMatchObject({ code: 'STORE.UNAVAILABLE' });
  });

  test('a write conflict at commit is retried with the work run again', async () => {
    await store.insert('items', { _id: 'c', n: 0 });
    backend.failNext('database.commitTransaction', { code: 'DATABASE_TRANSACTION_CONFLICT', message: 'database transaction conflict' });
    let runs = 0;
    await store.transaction(async (tx) => {
      runs += 1;
      await tx.update('items', 'c', { inc: { n: 1 } });
    });
    expect(runs).toBe(2);
    expect(await store.get('items', 'c')).toEqual({ _id: 'c', n: 1 });
    expect(backend.openTransactions()).toBe(0);
  });

  test('concurrent transactions really conflict in the fake, and the retries resolve it', async () => {
    await store.insert('items', { _id: 'c', n: 0 });
    await Promise.all(
      Array.from({ length: 10 }, () =>
        store.transaction(async (tx) => {
          const c = await tx.get<{ _id: string; n: number }>('items', 'c');
          await tx.update('items', 'c', { set: { n: (c?.n ?? 0) + 1 } });
        }),
      ),
    );
    expect(await store.get('items', 'c')).toEqual({ _id: 'c', n: 10 });
    expect(sentQueries('database.commitTransaction')).toHaveLength(10);
    expect(sentQueries('database.abortTransaction').length).toBeGreaterThan(0);
  });

  test('a transaction that keeps losing conflicts gives up with STORE.BUSY and leaves nothing behind', async () => {
    await store.insert('items', { _id: 'c', n: 0 });
    backend.failNext('database.modifyDocument', { code: 'DATABASE_TRANSACTION_CONFLICT', message: '[ResourceUnavailable.TransactionConflict] conflict' }, 1000);
    await expect(store.transaction(async (tx) => tx.update('items', 'c', { inc: { n: 1 } }))).rejects.toMatchObject({ code: 'STORE.BUSY' });
    const started = sentQueries('database.startTransaction').length;
    expect(started).toBeGreaterThan(1);
    expect(sentQueries('database.abortTransaction')).toHaveLength(started);
    expect(backend.openTransactions()).toBe(0);
    backend.reset();
    expect(await store.get('items', 'c')).toBeNull();
  }, 30_000);
});

describe('isolation from the network', () => {
  test('no connection or DNS lookup was attempted and no promise rejection went unhandled', () => {
    expect(guard.attempts).toEqual([]);
    expect(unhandled).toEqual([]);
  });
});
