import ExcelJS from 'exceljs';
import { APPLY_BUDGET } from '../../cloudfunctions/admin/spreadsheet-import';

/**
 * What the spreadsheet-import tests share (carriers, staff, their cost budget): a workbook of rows under a
 * header, the upload in `admin.import.upload` chunks as the page sends it, and one import call on that upload.
 */

export type Cell = string | number | ExcelJS.CellValue;

/** The report every import answers with (the staff import adds its invite codes). */
export interface ImportReport {
  mode: string;
  fileError: { code: string; message: string } | null;
  totalRows: number;
  okRows: number;
  errorCount: number;
  errors: Array<{ row: number; code: string; column: string | null }>;
  created: number;
  updated: number;
  unchanged: number;
  annotatedFile: { fileName: string; base64: string } | null;
  complete: boolean;
  resumeFromRow: number | null;
}

/** An .xlsx whose first sheet holds `header` and then `rows`; `configure` may merge cells and the like. */
export const xlsxOf = async (sheetName: string, header: readonly string[], rows: readonly Cell[][], configure?: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  ws.addRow([...header]);
  for (const r of rows) ws.addRow(r);
  configure?.(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
};

/** Anything that runs an action as someone and unwraps its success: the SQLite test backend or the cost harness. */
export type OkCaller = <T>(action: string, input: unknown, openid: string) => Promise<T>;

let uploads = 0;
/** Sends the file as the page does (48 000 base64 characters a chunk) and returns the upload's id. */
export const uploadFile = async (ok: OkCaller, file: Buffer, openid: string): Promise<string> => {
  const uploadId = `up_${String((uploads += 1)).padStart(16, '0')}`;
  const chunks = file.toString('base64').match(/.{1,48000}/g) ?? [];
  for (const [index, chunk] of chunks.entries()) await ok('admin.import.upload', { uploadId, index, total: chunks.length, chunk }, openid);
  return uploadId;
};

/** Uploads `file` and runs `action` (admin.carrier.import, admin.staff.import) on it once. */
export const importOnce = async <R extends ImportReport = ImportReport>(ok: OkCaller, action: string, file: Buffer, fileName: string, mode: 'dry_run' | 'apply', openid: string): Promise<R> =>
  ok<R>(action, { uploadId: await uploadFile(ok, file, openid), fileName, mode }, openid);

/** Runs `work` with the apply step's time budget changed (a short one shows the continuation), then puts it back. */
export const withApplyBudget = async <T>(budget: Partial<typeof APPLY_BUDGET>, work: () => Promise<T>): Promise<T> => {
  const saved = { ...APPLY_BUDGET };
  Object.assign(APPLY_BUDGET, budget);
  try {
    return await work();
  } finally {
    Object.assign(APPLY_BUDGET, saved);
  }
};
