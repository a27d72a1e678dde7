/**
 * Adapter overhead on inserts: the SQLite store against raw better-sqlite3 doing the same work (same documents,
 * same pragmas, the same `(id TEXT PRIMARY KEY, doc TEXT NOT NULL)` table, one autocommit transaction per insert)
 * in temp files. The ratio is what validation, serialisation and the async gate cost.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import type { StoredDoc } from '../../cloudfunctions/_lib/store/store-port';
import { openSqliteStore } from '../local-cloud/sqlite-store';

/** Not in COLLECTIONS, so the adapter's table has no secondary index either: both sides do identical I/O. */
const BENCH_COLLECTION = 'bench_inserts';

const benchDoc = (i: number): StoredDoc => ({
  _id: `lead-${i.toString(36).padStart(8, '0')}`,
  districtId: 'district-demo',
  status: 'new',
  createdAt: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
  contact: { name: '李先生', company: '云帆智能科技有限公司', phone: '+86 139-0013-9000' },
  need: { industry: '人工智能', areaMin: 500, areaMax: 1500, carrierType: 'building' },
  handling: { unitId: 'unit-invest', staffId: null },
  tags: ['ai', 'rd-center'],
  _rev: 1,
});

export async function benchStoreInsert(n: number): Promise<{ adapterPerSec: number; rawPerSec: number; ratio: number }> {
  if (!Number.isInteger(n) || n < 1) throw new Error(`benchStoreInsert: n must be a positive integer, got ${n}`);
  const dir = mkdtempSync(join(tmpdir(), 'investcard-store-bench-'));
  const docs = Array.from({ length: n }, (_, i) => benchDoc(i));
  try {
    const store = openSqliteStore(join(dir, 'adapter.sqlite'), { collections: [] });
    let adapterMs: number;
    try {
      await store.insert(BENCH_COLLECTION, benchDoc(-1)); // creates the table and warms the statement cache
      const t0 = performance.now();
      for (const doc of docs) await store.insert(BENCH_COLLECTION, doc);
      adapterMs = performance.now() - t0;
    } finally {
      await store.close();
    }

    const raw = new Database(join(dir, 'raw.sqlite'));
    let rawMs: number;
    try {
      raw.pragma('journal_mode = WAL');
      raw.pragma('synchronous = NORMAL');
      raw.pragma('busy_timeout = 5000');
      raw.exec(`CREATE TABLE "${BENCH_COLLECTION}" (id TEXT PRIMARY KEY, doc TEXT NOT NULL)`);
      const insert = raw.prepare<[string, string]>(`INSERT INTO "${BENCH_COLLECTION}" (id, doc) VALUES (?, ?)`);
      const warm = benchDoc(-1);
      insert.run(warm._id, JSON.stringify(warm));
      const t0 = performance.now();
      for (const doc of docs) insert.run(doc._id, JSON.stringify(doc));
      rawMs = performance.now() - t0;
    } finally {
      raw.close();
    }

    const adapterPerSec = n / (adapterMs / 1000);
    const rawPerSec = n / (rawMs / 1000);
    return { adapterPerSec, rawPerSec, ratio: adapterPerSec / rawPerSec };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
