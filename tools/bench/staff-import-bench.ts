import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STAFF_IMPORT_COLUMNS } from '../../domain/org/staff-import.rules';
import { runAction } from '../../cloudfunctions/_lib/action-runner';
import { silentLogger } from '../../cloudfunctions/_lib/deps';
import { adminActions } from '../../cloudfunctions/admin/actions';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { createLocalDeps } from '../local-cloud/local-deps';
import { openSqliteStore } from '../local-cloud/sqlite-store';
import { seedIfEmpty } from '../seed/seed-store';
import type { ImportPhase } from './import-bench';
import { fmt } from './stats';

export interface StaffImportFigures {
  rows: number;
  fileBytes: number;
  phases: Array<ImportPhase & { invites: number; calls: number }>;
  peakRssMiB: number;
}

const UNITS = ['临江区投资促进局', '临江区科学技术局', '临江区商务局', '金湾街道'];
const rowOf = (i: number) => [`人员${i}`, '科员', UNITS[i % UNITS.length], '工作人员、招商专员', `139${String(i).padStart(8, '0')}`, `BENCH-${i}`];

/**
 * Staff import through the real use cases on a SQLite file: the dry run, the apply (each new person with a fresh
 * invite code, continued while the apply reports it ran out of its time budget) and the same file again (by
 * 工号: nothing changes, no code issued). Rows per second per phase and the peak memory.
 */
export const benchStaffImport = async (rows = 2000): Promise<StaffImportFigures> => {
  const dir = mkdtempSync(join(tmpdir(), 'investcard-staff-import-bench-'));
  const store = openSqliteStore(join(dir, 'staff.sqlite'));
  let peakRss = 0;
  const sample = () => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  };
  try {
    const now = new Date('2026-11-30T02:00:00.000Z');
    const deps = { ...createLocalDeps(store, { clock: () => now }), log: silentLogger };
    await seedIfEmpty(store, now);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('人员');
    ws.addRow(STAFF_IMPORT_COLUMNS.map((c) => c.header));
    for (let i = 1; i <= rows; i += 1) ws.addRow(rowOf(i));
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    let n = 0;
    const call = async <T>(action: string, input: unknown): Promise<T> => {
      const r = await runAction(adminActions, deps, { openid: 'demo-openid-admin', appid: null, origin: 'test', requestId: `bench-${(n += 1)}` }, { action, input });
      if (!r.ok) throw new Error(`${action}: ${r.error.code} ${r.error.message}`);
      return r.data as T;
    };
    const timer = setInterval(sample, 10);
    const phases: StaffImportFigures['phases'] = [];
    try {
      for (const [k, phase] of (['dry_run', 'apply', 'apply_again'] as const).entries()) {
        const uploadId = `up_staff${String(k).padStart(11, '0')}`;
        const t0 = process.hrtime.bigint();
        const chunks = file.toString('base64').match(/.{1,48000}/g) ?? [];
        for (const [index, chunk] of chunks.entries()) await call('admin.import.upload', { uploadId, index, total: chunks.length, chunk });
        type Report = { okRows: number; errorCount: number; created: number; updated: number; unchanged: number; complete: boolean; invites: unknown[] };
        let report: Report;
        let invites = 0;
        let calls = 0;
        do {
          report = await call<Report>('admin.staff.import', { uploadId, fileName: '人员.xlsx', mode: phase === 'dry_run' ? 'dry_run' : 'apply' });
          invites += report.invites.length;
          calls += 1;
        } while (!report.complete);
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        if (report.errorCount !== 0) throw new Error(`${phase}: ${report.errorCount} bad rows of ${rows}`);
        phases.push({ phase, rows, ms, rowsPerSec: rows / (ms / 1000), created: report.created, updated: report.updated, unchanged: report.unchanged, invites, calls });
        sample();
      }
    } finally {
      clearInterval(timer);
    }
    const stored = await store.count(COLLECTIONS.staff.name, { districtId: 'demo-linjiang', status: 'invited' });
    if (stored < rows) throw new Error(`only ${stored} invited people stored after importing ${rows}`);
    return { rows, fileBytes: file.length, phases, peakRssMiB: peakRss / 1024 / 1024 };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
};

export const printStaffImport = (f: StaffImportFigures) => {
  console.log(`  ${f.rows} people, .xlsx of ${fmt(f.fileBytes / 1024, 0)} KiB (upload in 48 000-character chunks included)`);
  for (const p of f.phases) {
    console.log(`    ${p.phase.padEnd(12)} ${fmt(p.ms / 1000, 2)} s = ${fmt(p.rowsPerSec, 0)} rows/s in ${p.calls} call(s) (created ${p.created}, updated ${p.updated}, unchanged ${p.unchanged}, codes issued ${p.invites})`);
  }
  console.log(`  peak memory: RSS ${fmt(f.peakRssMiB, 0)} MiB`);
};
