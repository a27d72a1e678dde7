import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IMPORT_COLUMNS } from '../../domain/carrier/carrier-import.rules';
import { runAction } from '../../cloudfunctions/_lib/action-runner';
import { silentLogger } from '../../cloudfunctions/_lib/deps';
import { adminActions } from '../../cloudfunctions/admin/actions';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { createLocalDeps } from '../local-cloud/local-deps';
import { openSqliteStore } from '../local-cloud/sqlite-store';
import { seedIfEmpty } from '../seed/seed-store';
import { fmt } from './stats';

export interface ImportPhase {
  phase: 'dry_run' | 'apply' | 'apply_again';
  rows: number;
  ms: number;
  rowsPerSec: number;
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportFigures {
  rows: number;
  fileBytes: number;
  phases: ImportPhase[];
  /** Peak resident set size of this process during the run (sampled every 10 ms), and the heap's peak. */
  peakRssMiB: number;
  peakHeapMiB: number;
  baselineRssMiB: number;
}

const ADMIN_OPENID = 'demo-openid-admin';

const rowOf = (i: number): Array<string | number> => [
  `BENCH-${String(i).padStart(5, '0')}`,
  '厂房',
  `基准厂房 ${i} 号`,
  '金湾街道',
  `云川市临江区金湾路 ${i} 号`,
  10000,
  2000,
  20,
  30,
  '元/㎡·月',
  '钱经理',
  '13800138030',
  31.2,
  120.5,
  '行车 10 吨、货梯',
  '先进制造',
];

/** The template's own columns, `rows` valid carriers: the same file a district would upload. */
const workbook = async (rows: number): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('载体');
  ws.addRow(IMPORT_COLUMNS.map((c) => c.header));
  for (let i = 1; i <= rows; i += 1) ws.addRow(rowOf(i));
  return Buffer.from(await wb.xlsx.writeBuffer());
};

/**
 * Carrier import through the real use cases (`admin.import.upload` in 48 000-character chunks, then
 * `admin.carrier.import`) on a SQLite file: the dry run, the apply, and the same file applied again (idempotent
 * by 外部编号: nothing changes). Rows per second per phase and the process's peak memory.
 */
export const benchImport = async (rows = 5000): Promise<ImportFigures> => {
  const dir = mkdtempSync(join(tmpdir(), 'investcard-import-bench-'));
  const store = openSqliteStore(join(dir, 'import.sqlite'));
  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  try {
    const now = new Date('2026-11-30T02:00:00.000Z');
    const deps = { ...createLocalDeps(store, { clock: () => now }), log: silentLogger };
    await seedIfEmpty(store, now);
    const file = await workbook(rows);
    const baselineRss = process.memoryUsage().rss;
    const timer = setInterval(sample, 10);
    let n = 0;
    const call = async <T>(action: string, input: unknown): Promise<T> => {
      const r = await runAction(adminActions, deps, { openid: ADMIN_OPENID, appid: null, origin: 'test', requestId: `bench-${(n += 1)}` }, { action, input });
      if (!r.ok) throw new Error(`${action}: ${r.error.code} ${r.error.message}`);
      return r.data as T;
    };
    const phases: ImportPhase[] = [];
    try {
      for (const [k, phase] of (['dry_run', 'apply', 'apply_again'] as const).entries()) {
        const uploadId = `up_bench${String(k).padStart(11, '0')}`;
        const t0 = process.hrtime.bigint();
        const chunks = file.toString('base64').match(/.{1,48000}/g) ?? [];
        for (const [index, chunk] of chunks.entries()) await call('admin.import.upload', { uploadId, index, total: chunks.length, chunk });
        const report = await call<{ okRows: number; errorCount: number; created: number; updated: number; unchanged: number }>('admin.carrier.import', {
          uploadId,
          fileName: '载体.xlsx',
          mode: phase === 'dry_run' ? 'dry_run' : 'apply',
        });
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        if (report.okRows !== rows || report.errorCount !== 0) throw new Error(`${phase}: ${report.okRows} ok, ${report.errorCount} bad of ${rows}`);
        phases.push({ phase, rows, ms, rowsPerSec: rows / (ms / 1000), created: report.created, updated: report.updated, unchanged: report.unchanged });
        sample();
      }
    } finally {
      clearInterval(timer);
    }
    const stored = await store.count(COLLECTIONS.carriers.name, { districtId: 'demo-linjiang' });
    if (stored < rows) throw new Error(`only ${stored} carriers stored after applying ${rows}`);
    const mib = (b: number) => b / 1024 / 1024;
    return { rows, fileBytes: file.length, phases, peakRssMiB: mib(peakRss), peakHeapMiB: mib(peakHeap), baselineRssMiB: mib(baselineRss) };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
};

export const printImport = (f: ImportFigures) => {
  console.log(`  ${f.rows} carriers, .xlsx of ${fmt(f.fileBytes / 1024, 0)} KiB (upload in 48 000-character chunks included)`);
  for (const p of f.phases) {
    console.log(`    ${p.phase.padEnd(12)} ${fmt(p.ms / 1000, 2)} s = ${fmt(p.rowsPerSec, 0)} rows/s (created ${p.created}, updated ${p.updated}, unchanged ${p.unchanged})`);
  }
  console.log(`  peak memory: RSS ${fmt(f.peakRssMiB, 0)} MiB (${fmt(f.baselineRssMiB, 0)} MiB before), heap ${fmt(f.peakHeapMiB, 0)} MiB`);
  console.log('  (main package and admin subpackage sizes: `--only=size`, section 1)');
};
