import ExcelJS from 'exceljs';
import { IMPORT_COLUMNS } from '../../domain/carrier/carrier-import.rules';
import { APPLY_BUDGET } from '../../cloudfunctions/admin/spreadsheet-import';
import { createCostHarness, type CostHarness } from '../../tests/support/cloud-cost';
import { fmt } from './stats';

/** A database round trip from a cloud function on WeChat Cloud, as the issue puts it (~20–40 ms). */
export const MS_PER_REQUEST = 30;
/** The admin function's timeout (its config.json): an apply call must end inside it. */
const FUNCTION_TIMEOUT_MS = 60_000;

export interface CloudImportCall {
  waves: number;
  requests: number;
  writes: number;
  /** What this call costs on the platform: the local work plus waves × MS_PER_REQUEST. */
  modelledMs: number;
  complete: boolean;
}

export interface CloudImportFigures {
  rows: number;
  msPerRequest: number;
  budgetMs: number;
  dryRun: CloudImportCall;
  /** The apply's calls, each carried on from where the last stopped, until the file is done. */
  apply: CloudImportCall[];
  /** The same file applied again once it is in: nothing to write. */
  again: CloudImportCall;
  /** Critical-path round trips per 100 rows of the first apply call. */
  wavesPer100Rows: number;
}

const ADMIN = 'demo-openid-admin';
const HEADER = IMPORT_COLUMNS.filter((c) => !c.header.includes('英文')).map((c) => c.header);
const rowOf = (i: number) => [`CLOUD-${String(i).padStart(5, '0')}`, '厂房', `云上厂房 ${i} 号`, '金湾街道', `云川市临江区金湾路 ${i} 号`, 10000, 2000, 20, 30, '元/㎡·月', '钱经理', '13800138030', 31.2, 120.5, '行车 10 吨、货梯', '先进制造'];

/**
 * The carrier import on WeChat Cloud's terms: the real wx-server-sdk over the strict fake database (the request
 * counter of tests/support/cloud-cost.ts), with the function's clock modelled as the local work plus 30 ms for
 * every wave of requests — so the apply's own time budget (40 s) decides where a call stops, as it would there.
 * Prints how many calls a 5 000-row apply needs and how many waves 100 rows cost.
 */
export const benchImportOnCloud = async (rows = 5000): Promise<CloudImportFigures> => {
  const h: CostHarness = await createCostHarness();
  try {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('载体');
    ws.addRow(HEADER);
    for (let i = 1; i <= rows; i += 1) ws.addRow(rowOf(i));
    const file = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const chunks = file.match(/.{1,48000}/g) ?? [];
    const uploadId = 'up_cloudbench000001';
    for (const [index, chunk] of chunks.entries()) await h.measureOk('admin.import.upload', { uploadId, index, total: chunks.length, chunk }, ADMIN);

    // The function's clock: wall time spent here plus one modelled round trip per wave of this call.
    let callStarted = 0;
    let callBase = h.clock.now.getTime();
    const wavesSoFar = () => h.backend.requests.reduce((max, r) => Math.max(max, r.wave), 0);
    Object.defineProperty(h.clock, 'now', { configurable: true, get: () => new Date(callBase + (performance.now() - callStarted) + wavesSoFar() * MS_PER_REQUEST) });

    const run = async (mode: 'dry_run' | 'apply'): Promise<CloudImportCall> => {
      callBase += 3_600_000;
      callStarted = performance.now();
      const { data, cost } = await h.measureOk<{ complete: boolean; errorCount: number }>('admin.carrier.import', { uploadId, fileName: '载体.xlsx', mode }, ADMIN);
      if (data.errorCount !== 0) throw new Error(`${mode}: ${data.errorCount} bad rows`);
      const local = performance.now() - callStarted;
      return { waves: cost.waves, requests: cost.requests, writes: cost.writes, modelledMs: local + cost.waves * MS_PER_REQUEST, complete: data.complete };
    };
    const dryRun = await run('dry_run');
    const apply: CloudImportCall[] = [];
    do apply.push(await run('apply'));
    while (!apply[apply.length - 1].complete && apply.length < 20);
    const again = await run('apply');
    const first = apply[0];
    return { rows, msPerRequest: MS_PER_REQUEST, budgetMs: APPLY_BUDGET.ms, dryRun, apply, again, wavesPer100Rows: (first.waves / Math.max(1, first.writes)) * 100 };
  } finally {
    h.close();
  }
};

export const printImportOnCloud = (f: CloudImportFigures) => {
  const line = (label: string, c: CloudImportCall) =>
    `    ${label.padEnd(12)} ${String(c.requests).padStart(5)} requests, ${String(c.waves).padStart(4)} waves, ${String(c.writes).padStart(5)} writes ≈ ${fmt(c.modelledMs / 1000, 1)} s${c.complete ? '' : ' (out of time: continued)'}`;
  console.log(`  on WeChat Cloud's terms (wx-server-sdk over the fake database, ${f.msPerRequest} ms per wave of requests, apply budget ${fmt(f.budgetMs / 1000, 0)} s of the function's ${FUNCTION_TIMEOUT_MS / 1000} s):`);
  console.log(line('dry_run', f.dryRun));
  f.apply.forEach((c, i) => console.log(line(`apply #${i + 1}`, c)));
  console.log(line('apply_again', f.again));
  const slowest = Math.max(...f.apply.map((c) => c.modelledMs));
  const fits = f.apply[f.apply.length - 1].complete && slowest < FUNCTION_TIMEOUT_MS;
  console.log(`  DB waves per 100 rows written: ${fmt(f.wavesPer100Rows, 1)} (rows in parallel: ${APPLY_BUDGET.concurrency}; what exists is read in one wave for the whole file)`);
  console.log(`  ${f.rows} rows apply ${fits ? 'fits' : 'does NOT fit'} in ${f.apply.length} call(s) of ≤ ${fmt(f.budgetMs / 1000, 0)} s at ${f.msPerRequest} ms/request (slowest call ≈ ${fmt(slowest / 1000, 1)} s)`);
};
