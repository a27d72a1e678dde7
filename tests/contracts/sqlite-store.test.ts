import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ALL_COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { benchStoreInsert } from '../../tools/bench/store-bench';
import { openSqliteStore, type SqliteStore } from '../../tools/local-cloud/sqlite-store';
import { describeStoreContract } from './store.contract';

const dirs: string[] = [];
const tempFile = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'investcard-sqlite-store-'));
  dirs.push(dir);
  return join(dir, 'store.sqlite');
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describeStoreContract('SqliteStore (temp file)', async () => {
  const store = openSqliteStore(tempFile());
  return { store, close: () => store.close() };
});

describe('SqliteStore specifics', () => {
  let file: string;
  let store: SqliteStore;
  beforeEach(() => {
    file = tempFile();
    store = openSqliteStore(file);
  });
  afterEach(async () => {
    await store.close();
  });

  test('the file is in WAL mode and holds a table and the declared indexes for every collection', () => {
    const raw = new Database(file, { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      const names = new Set(raw.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type IN ('table', 'index')").all().map((r) => r.name));
      for (const spec of ALL_COLLECTIONS) {
        expect(names).toContain(spec.name);
        for (const index of spec.indexes) expect(names).toContain(`${spec.name}__${index.name}`);
      }
    } finally {
      raw.close();
    }
  });

  test('keyset queries use the expression index with no sort step', async () => {
    const indexed = openSqliteStore(tempFile(), {
      collections: [{ name: 'things', indexes: [{ name: 'by_group_score', fields: ['group', 'score', '_id'] }] }],
    });
    try {
      const plan = indexed.explainFind('things', {
        where: { group: 'g' },
        anyOf: [{ score: { gt: 5 } }, { score: 5, _id: { gt: 'x' } }],
        orderBy: [
          { field: 'score', direction: 'asc' },
          { field: '_id', direction: 'asc' },
        ],
        limit: 20,
      });
      expect(plan.join('\n')).toMatch(/SEARCH things USING INDEX things__by_group_score/);
      expect(plan.join('\n')).not.toMatch(/TEMP B-TREE/);
      expect(indexed.explainFind('things', { where: { group: true }, limit: 1 }).join('\n')).toMatch(/USING INDEX things__by_group_score/);
    } finally {
      await indexed.close();
    }
  });

  test('documents survive closing and reopening the file', async () => {
    await store.insert('docs', { _id: 'p1', v: '持久' });
    await store.close();
    store = openSqliteStore(file);
    expect(await store.get('docs', 'p1')).toEqual({ _id: 'p1', v: '持久' });
  });

  test('an operation issued during a transaction waits for its commit and sees only committed state', async () => {
    await store.insert('docs', { _id: 'c', n: 0 });
    const events: string[] = [];
    const tx = store.transaction(async (t) => {
      await t.update('docs', 'c', { set: { n: 1 } });
      await sleep(30);
      await t.update('docs', 'c', { set: { n: 2 } });
      events.push('tx done');
    });
    await sleep(5);
    const read = store.get<{ _id: string; n: number }>('docs', 'c').then((d) => {
      events.push(`read ${d?.n}`);
    });
    await Promise.all([tx, read]);
    expect(events).toEqual(['tx done', 'read 2']);
  });

  test('calling the store itself inside transaction() fails fast instead of deadlocking, and rolls back', async () => {
    await store.insert('docs', { _id: 'x', n: 0 });
    await expect(
      store.transaction(async (tx) => {
        await tx.update('docs', 'x', { set: { n: 1 } });
        await store.find('docs', { limit: 1 });
      }),
    ).rejects.toMatchObject({ code: 'STORE.INVALID_QUERY', message: expect.stringMatching(/tx handle/) });
    expect((await store.get<{ _id: string; n: number }>('docs', 'x'))?.n).toBe(0);
  });

  test('a collection first created inside a rolled-back transaction is usable afterwards', async () => {
    await expect(
      store.transaction(async (tx) => {
        await tx.insert('brand_new', { _id: 'n1' });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await store.find('brand_new', { limit: 5 })).toEqual([]);
    await store.insert('brand_new', { _id: 'n2' });
    expect(await store.count('brand_new')).toBe(1);
  });

  test('close waits for the running transaction, then the store refuses work', async () => {
    let committed = false;
    const tx = store.transaction(async (t) => {
      await sleep(20);
      await t.insert('docs', { _id: 'late' });
      committed = true;
    });
    await sleep(1);
    await store.close();
    await tx;
    expect(committed).toBe(true);
    await expect(store.get('docs', 'late')).rejects.toMatchObject({ code: 'STORE.UNAVAILABLE' });
    store = openSqliteStore(file);
    expect(await store.get('docs', 'late')).toEqual({ _id: 'late' });
  });

  test('another connection holding the write lock past busy_timeout gives STORE.BUSY', async () => {
    const impatient = openSqliteStore(file, { busyTimeoutMs: 20 });
    const other = new Database(file);
    try {
      other.exec('BEGIN IMMEDIATE');
      await expect(impatient.insert('docs', { _id: 'blocked' })).rejects.toMatchObject({ code: 'STORE.BUSY' });
      await expect(impatient.transaction(async () => 1)).rejects.toMatchObject({ code: 'STORE.BUSY' });
      other.exec('ROLLBACK');
      await impatient.insert('docs', { _id: 'unblocked' });
    } finally {
      other.close();
      await impatient.close();
    }
  });

  test('a file that cannot be opened gives STORE.UNAVAILABLE', () => {
    const unavailable = expect.objectContaining({ name: 'StoreError', code: 'STORE.UNAVAILABLE' });
    expect(() => openSqliteStore(join(tmpdir(), 'investcard-no-such-dir', 'x', 'store.sqlite'))).toThrow(unavailable);
    const aDirectory = mkdtempSync(join(tmpdir(), 'investcard-sqlite-dir-'));
    dirs.push(aDirectory);
    expect(() => openSqliteStore(aDirectory)).toThrow(unavailable);
  });

  test('the insert benchmark measures both sides', async () => {
    const r = await benchStoreInsert(200);
    expect(r.adapterPerSec).toBeGreaterThan(0);
    expect(r.rawPerSec).toBeGreaterThan(0);
    expect(r.ratio).toBeCloseTo(r.adapterPerSec / r.rawPerSec, 10);
  });
});
