/**
 * What a carrier import costs on WeChat Cloud, read off the budgets' counter (tests/support/cloud-cost.ts): the
 * real wx-server-sdk over the strict fake database, each request traced with its wave. What exists is read in
 * one batch for the whole file, so reads do not grow one per row; each row to write is one request, eight at a
 * time, so the critical path grows by one wave per eight rows.
 */
import { IMPORT_COLUMNS } from '../../domain/carrier/carrier-import.rules';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { APPLY_BUDGET } from '../../cloudfunctions/admin/spreadsheet-import';
import { createCostHarness, type CostHarness, type RequestCost } from '../support/cloud-cost';
import { uploadFile, xlsxOf, type ImportReport } from '../support/import-files';

jest.setTimeout(120_000);

const ADMIN = 'demo-openid-admin';
const HEADER = IMPORT_COLUMNS.filter((c) => !c.header.includes('英文')).map((c) => c.header);
const row = (i: number) => [`COST-${String(i).padStart(4, '0')}`, '厂房', `计费厂房 ${i} 号`, '金湾街道', `云川市临江区金湾路 ${i} 号`, 10000, 2000, 20, 30, '元/㎡·月', '钱经理', '13800138030', 31.2, 120.5, '行车 10 吨、货梯', '先进制造'];
const CARRIER_COLLECTIONS = new Set<string>([COLLECTIONS.carriers.name, COLLECTIONS.carriersWithdrawn.name]);

let h: CostHarness;
beforeAll(async () => {
  h = await createCostHarness();
});
afterAll(() => h.close());
afterEach(() => h.backend.assertAllQueriesIndexed());

interface Measured {
  report: ImportReport;
  cost: RequestCost;
  /** Reads of the two carrier collections (what exists, by id). */
  carrierReads: number;
  /** Requests that wrote a carrier. */
  carrierWrites: number;
}

const apply = async (from: number, rows: number, mode: 'dry_run' | 'apply' = 'apply'): Promise<Measured> => {
  const file = await xlsxOf('载体', HEADER, Array.from({ length: rows }, (_, i) => row(from + i)));
  const ok = async <T,>(action: string, input: unknown, openid: string) => (await h.measureOk<T>(action, input, openid)).data;
  const uploadId = await uploadFile(ok, file, ADMIN);
  const { data: report, cost } = await h.measureOk<ImportReport>('admin.carrier.import', { uploadId, fileName: '载体.xlsx', mode }, ADMIN);
  const onCarriers = h.backend.requests.filter((r) => r.collection !== null && CARRIER_COLLECTIONS.has(r.collection));
  return {
    report,
    cost,
    carrierReads: onCarriers.filter((r) => r.action === 'database.getDocument').length,
    carrierWrites: onCarriers.filter((r) => r.action === 'database.insertDocument' || r.action === 'database.modifyDocument').length,
  };
};

/** Counts the content check's calls (msgSecCheck in WeChat; no database request, so not in the traced cost). */
const checkCalls = { n: 0 };
beforeAll(() => {
  const inner = h.deps.contentCheck;
  h.deps.contentCheck = { check: (text, openid) => ((checkCalls.n += 1), inner.check(text, openid)) };
});

describe('admin.carrier.import on WeChat Cloud', () => {
  test('the content check reads the rows in joined batches: a few calls for 400 new rows, none for a file already imported', async () => {
    checkCalls.n = 0;
    const fresh = await apply(5001, 400, 'dry_run');
    expect(fresh.report).toMatchObject({ created: 400, errorCount: 0 });
    // ~60 characters a row: 400 rows are ~10 calls of ≤ 2 500 characters (5 000 rows ~ 120), never one per row.
    expect(checkCalls.n).toBeGreaterThan(0);
    expect(checkCalls.n).toBeLessThanOrEqual(Math.ceil(400 / 25));
    expect(fresh.cost.writes).toBe(0);
  });


  test('reads of what exists stay one batch (two collections side by side) at 40 and at 400 rows; each row to write is one request', async () => {
    const small = await apply(1, 40);
    const large = await apply(1001, 400);
    expect(small.report).toMatchObject({ complete: true, created: 40 });
    expect(large.report).toMatchObject({ complete: true, created: 400 });
    expect(small.carrierReads).toBe(2);
    expect(large.carrierReads).toBe(2);
    expect(small.carrierWrites).toBe(40);
    expect(large.carrierWrites).toBe(400);
    // No transaction per row: the one transaction is the import's audit entry.
    expect(large.cost.txStarts).toBe(1);
    // 360 more rows cost 360 more requests (the file's extra upload chunks read aside) and 45 more waves.
    const extraChunks = large.cost.reads - small.cost.reads;
    expect(large.cost.requests - small.cost.requests).toBe(360 + extraChunks);
    expect(large.cost.waves - small.cost.waves).toBeLessThanOrEqual(Math.ceil(360 / APPLY_BUDGET.concurrency) + extraChunks);
  });

  test('a dry run and an apply of a file already imported read the same one batch and write nothing', async () => {
    const dry = await apply(1001, 400, 'dry_run');
    const again = await apply(1001, 400);
    checkCalls.n = 0;
    for (const m of [dry, again]) {
      expect(m.report).toMatchObject({ created: 0, updated: 0, unchanged: 400 });
      expect(m.carrierReads).toBe(2);
      expect(m.carrierWrites).toBe(0);
      expect(m.cost.writes).toBe(0);
    }
    // Nothing new to read: the texts passed when they were stored.
    expect(checkCalls.n).toBe(0);
  });
});
