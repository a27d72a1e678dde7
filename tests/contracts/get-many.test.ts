/**
 * Batch reads by id on both adapters: one request per 1000 ids, missing ids absent, repeats and empty ids asked
 * for once or not at all.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getManyById } from '../../cloudfunctions/_lib/repositories/get-many';
import type { DocumentStore } from '../../cloudfunctions/_lib/store/store-port';
import { WxStore } from '../../cloudfunctions/_lib/store/wx-store';
import { openSqliteStore } from '../../tools/local-cloud/sqlite-store';
import { createTestWxDatabase, installFakeTcbBackend, installNetworkGuard, type FakeTcbBackend, type NetworkGuard } from '../support/fake-tcb-backend';

const C = 'contract_items';

const behaves = async (store: DocumentStore): Promise<void> => {
  for (let i = 0; i < 1_200; i++) await store.insert(C, { _id: `d${i}`, n: i });
  expect((await getManyById(store, C, [])).size).toBe(0);
  const some = await getManyById<{ _id: string; n: number }>(store, C, ['d3', 'd3', null, '', 'missing', 'd1199', undefined]);
  expect([...some.keys()].sort()).toEqual(['d1199', 'd3']);
  expect(some.get('d3')?.n).toBe(3);
  const many = await getManyById(store, C, Array.from({ length: 1_300 }, (_, i) => `d${i}`));
  expect(many.size).toBe(1_200);
};

describe('getManyById', () => {
  test('on SQLite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'investcard-get-many-'));
    const store = openSqliteStore(join(dir, 's.sqlite'));
    try {
      await behaves(store);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('on WeChat Cloud (wx-server-sdk over the fake)', () => {
    let guard: NetworkGuard;
    let backend: FakeTcbBackend;
    beforeAll(() => {
      guard = installNetworkGuard();
      backend = installFakeTcbBackend({ collections: [{ name: C, indexes: [] }] });
    });
    afterAll(() => {
      backend.uninstall();
      guard.uninstall();
    });

    test('the same answers, in one request per 1000 ids, served by the _id index', async () => {
      const store = new WxStore(createTestWxDatabase());
      await behaves(store);
      backend.beginTrace();
      await getManyById(store, C, Array.from({ length: 1_300 }, (_, i) => `d${i}`));
      expect(backend.requests.map((r) => [r.action, r.wave])).toEqual([
        ['database.getDocument', 1],
        ['database.getDocument', 1],
      ]);
      backend.beginTrace();
      await getManyById(store, C, ['d1', 'd1']);
      expect(backend.requests).toHaveLength(1);
      expect(backend.unindexedQueries).toEqual([]);
      expect(guard.attempts).toEqual([]);
    });
  });
});
