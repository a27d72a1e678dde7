/**
 * The fake cloud database is as strict as the real one (docs/wechat-platform.md «The cloud database, as strict as
 * it really is»): unknown collections, transactions after an error and past their 30 s, blocked writes, latency,
 * queries no declared index serves. Driven through the real wx-server-sdk 4.0.2, and through WxStore where the
 * port's view matters.
 */
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { WxStore, type WxDatabase } from '../../cloudfunctions/_lib/store/wx-store';
import { createTestWxDatabase, FAKE_ERRORS, installFakeTcbBackend, installNetworkGuard, type FakeTcbBackend, type NetworkGuard } from '../support/fake-tcb-backend';

const TX_TIMEOUT_MS = 300;

/** The untyped SDK surface these checks poke at, as a function would write it by hand. */
interface RawDoc {
  get(): Promise<{ data: unknown }>;
  set(o: { data: object }): Promise<unknown>;
  update(o: { data: object }): Promise<{ stats: { updated: number } }>;
}
interface RawCollection {
  add(o: { data: object }): Promise<unknown>;
  doc(id: string): RawDoc;
  where(c: object): { orderBy(f: string, d: string): { limit(n: number): { get(): Promise<{ data: unknown[] }> } }; count(): Promise<{ total: number }>; limit(n: number): { get(): Promise<{ data: unknown[] }> } };
  limit(n: number): { get(): Promise<{ data: unknown[] }> };
}
interface RawTransaction {
  collection(name: string): { add(o: { data: object }): Promise<unknown>; doc(id: string): RawDoc };
  commit(): Promise<unknown>;
  rollback(): Promise<unknown>;
}
interface RawDb {
  collection(name: string): RawCollection;
  createCollection(name: string): Promise<unknown>;
  startTransaction(): Promise<RawTransaction>;
}

const failure = async (p: Promise<unknown>): Promise<{ errCode?: unknown; errMsg?: string; code?: unknown; message?: string }> => {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  if (e === null) throw new Error('expected the request to fail, it succeeded');
  return e as { errCode?: unknown; errMsg?: string };
};
const text = (e: { errMsg?: string; message?: string }): string => `${e.errMsg ?? ''} ${e.message ?? ''}`;

describe('the fake cloud database, as strict as the real one', () => {
  let guard: NetworkGuard;
  let backend: FakeTcbBackend;
  let db: WxDatabase;
  const raw = (): RawDb => db as unknown as RawDb;

  beforeAll(() => {
    guard = installNetworkGuard();
    backend = installFakeTcbBackend({
      collections: [COLLECTIONS.leads, COLLECTIONS.rateCounters, { name: 'scratch', indexes: 'unchecked' }],
      transactionTimeoutMs: TX_TIMEOUT_MS,
    });
    db = createTestWxDatabase();
  });
  afterAll(() => {
    backend.uninstall();
    guard.uninstall();
  });
  beforeEach(() => {
    backend.reset();
    backend.setLatency(0);
  });

  describe('collections', () => {
    test('an undeclared collection answers -502005 «Db or Table not exist» to every kind of request', async () => {
      const c = raw().collection('not_deployed');
      for (const request of [c.add({ data: { _id: 'a' } }), c.doc('a').get(), c.limit(1).get(), c.where({ a: 1 }).count()]) {
        const e = await failure(request);
        expect(e.errCode).toBe(-502005);
        expect(text(e)).toContain('Db or Table not exist');
      }
      expect(backend.collections.has('not_deployed')).toBe(false);
    });

    test('through WxStore it is STORE.UNAVAILABLE, and nothing is created by a write', async () => {
      const store = new WxStore(db);
      await expect(store.insert('not_deployed', { _id: 'a' })).rejects.toMatchObject({ code: 'STORE.UNAVAILABLE', message: expect.stringContaining('Db or Table not exist') });
      expect(backend.collections.has('not_deployed')).toBe(false);
    });

    test('db.createCollection makes it exist (once); the declared ones exist from the start', async () => {
      await raw().createCollection('fresh');
      await raw().collection('fresh').add({ data: { _id: 'a', n: 1 } });
      expect((await raw().collection('fresh').doc('a').get()).data).toEqual({ _id: 'a', n: 1 });
      const again = await failure(raw().createCollection('fresh'));
      expect(text(again)).toContain(FAKE_ERRORS.collectionExists.message);
      expect(await new WxStore(db).count(COLLECTIONS.leads.name)).toBe(0);
      backend.reset();
      expect(backend.collections.has('fresh')).toBe(false);
      expect(backend.collections.has(COLLECTIONS.leads.name)).toBe(true);
    });
  });

  describe('transactions', () => {
    test('the first error inside a transaction aborts it: later operations and the commit fail, nothing lands', async () => {
      await raw().collection('scratch').add({ data: { _id: 'taken', n: 0 } });
      const t = await raw().startTransaction();
      await t.collection('scratch').doc('other').set({ data: { n: 1 } });
      const duplicate = await failure(t.collection('scratch').add({ data: { _id: 'taken', n: 1 } }));
      expect(text(duplicate)).toMatch(/E11000/);
      const later = await failure(t.collection('scratch').doc('taken').update({ data: { n: 2 } }));
      // wx-server-sdk's code table has no DATABASE_TRANSACTION_FAIL: it surfaces as -501001 with the service's text.
      expect(later.errCode).toBe(-501001);
      expect(text(later)).toContain(FAKE_ERRORS.transactionEnded.message);
      const commit = await failure(t.commit());
      expect(`${text(commit)} ${String(commit.code)}`).toContain(FAKE_ERRORS.transactionEnded.code);
      expect(backend.openTransactions()).toBe(0);
      expect([...(backend.collections.get('scratch')?.keys() ?? [])]).toEqual(['taken']);
    });

    test('«insert, else update» inside one transaction fails as it would in production', async () => {
      const store = new WxStore(db);
      await store.insert('scratch', { _id: 'counter', n: 1 });
      await expect(
        store.transaction(async (tx) => {
          try {
            await tx.insert('scratch', { _id: 'counter', n: 1 });
          } catch {
            await tx.update('scratch', 'counter', { inc: { n: 1 } });
          }
        }),
      ).rejects.toMatchObject({ name: 'StoreError' });
      expect(await store.get('scratch', 'counter')).toEqual({ _id: 'counter', n: 1 });
    });

    test('a transaction not ended within its timeout is ended by the service with DATABASE_TRANSACTION_FAIL', async () => {
      const t = await raw().startTransaction();
      await t.collection('scratch').doc('slow').set({ data: { n: 1 } });
      await new Promise((resolve) => setTimeout(resolve, TX_TIMEOUT_MS + 50));
      const commit = await failure(t.commit());
      expect(`${text(commit)} ${String(commit.code)}`).toContain('DATABASE_TRANSACTION_FAIL');
      expect(backend.openTransactions()).toBe(0);
      expect(backend.collections.get('scratch')?.has('slow')).toBe(false);
    });

    test('a write to a document a transaction holds waits for the lock: until the commit…', async () => {
      await raw().collection('scratch').add({ data: { _id: 'held', n: 0 } });
      const t = await raw().startTransaction();
      await t.collection('scratch').doc('held').update({ data: { n: 10 } });
      let landed = false;
      const blocked = raw()
        .collection('scratch')
        .doc('held')
        .update({ data: { tag: 'after' } })
        .then(() => {
          landed = true;
        });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(landed).toBe(false);
      await t.commit();
      await blocked;
      expect(backend.collections.get('scratch')?.get('held')).toEqual({ _id: 'held', n: 10, tag: 'after' });
    });

    test('…or until the service ends an abandoned transaction at its timeout, not at an invented deadline', async () => {
      await raw().collection('scratch').add({ data: { _id: 'held', n: 0 } });
      const t = await raw().startTransaction();
      await t.collection('scratch').doc('held').update({ data: { n: 10 } });
      const started = Date.now();
      await raw().collection('scratch').doc('held').update({ data: { n: 1 } });
      expect(Date.now() - started).toBeGreaterThanOrEqual(TX_TIMEOUT_MS - 60);
      expect(backend.collections.get('scratch')?.get('held')).toEqual({ _id: 'held', n: 1 });
    });
  });

  describe('latency and waves', () => {
    test('each request takes latencyMs; parallel requests share a wave, a request after an answer is one wave later', async () => {
      backend.setLatency(30);
      const c = raw().collection('scratch');
      backend.beginTrace();
      const started = Date.now();
      await Promise.all([c.doc('a').get().catch(() => null), c.doc('b').get().catch(() => null)]);
      await c.doc('c').get().catch(() => null);
      const elapsed = Date.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(58);
      expect(backend.requests.map((r) => [r.action, r.wave])).toEqual([
        ['database.getDocument', 1],
        ['database.getDocument', 1],
        ['database.getDocument', 2],
      ]);
    });
  });

  describe('indexes', () => {
    const leads = (): RawCollection => raw().collection(COLLECTIONS.leads.name);

    test('a find or count no declared index serves fails, naming the collection, filter and sort', async () => {
      const e = await failure(leads().where({ 'contact.phone': '13800138000' }).limit(5).get());
      expect(text(e)).toContain('no index declared for "leads" serves leads.find where {"contact.phone":"13800138000"}');
      await failure(leads().where({ status: 'new' }).count());
      // The sort must be a run of the index after fields fixed by equality: createdAt alone skips sla.escalation.
      await failure(leads().where({ 'credit.staffId': 's1' }).orderBy('createdAt', 'desc').limit(5).get());
      expect(backend.unindexedQueries).toHaveLength(3);
      expect(() => backend.assertAllQueriesIndexed()).toThrow(/leads\.count where \{"status":"new"\}/);
    });

    test('queries an index serves pass: equality prefix, then its sort; by _id; the submitter index', async () => {
      await leads().where({ 'handling.staffId': 's1' }).orderBy('sla.escalation', 'desc').limit(5).get();
      await leads().where({ 'submitter.openid': 'o1' }).orderBy('createdAt', 'desc').limit(5).get();
      await leads().where({ _id: 'ld_1' }).count();
      const _ = db.command as unknown as { gte(v: string): object };
      await leads().where({ districtId: 'd1', createdAt: _.gte('2026') }).count();
      expect(backend.unindexedQueries).toEqual([]);
      expect(() => backend.assertAllQueriesIndexed()).not.toThrow();
    });
  });

  test('no connection or DNS lookup was attempted', () => {
    expect(guard.attempts).toEqual([]);
  });
});
