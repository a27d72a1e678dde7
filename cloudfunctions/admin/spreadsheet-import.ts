import {
  annotatedFileName,
  annotationOf,
  ANNOTATION_HEADER,
  FILE_REASONS,
  IMPORT_ERRORS_SHOWN,
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  mapColumns,
  type FileReason,
  type ImportColumn,
  type RowProblem,
} from '../../domain/import/import-file.rules';
import { DomainError } from '../../domain/common/result';
import { adminScopeOf, type AdminScope } from '../../domain/org/admin-access.rules';
import type { Deps } from '../_lib/deps';
import { getChunk } from '../_lib/repositories/import-chunk.repository';
import type { Office } from './office-context';
import { readSpreadsheet, UnreadableFile, type Sheet } from './spreadsheet-reader';

/**
 * The machinery every spreadsheet import shares (carriers, staff): who may import, the uploaded chunks put back
 * together, the file-level checks (size, zip bomb, readability, merged cells, row cap, headers), the row loop
 * with its duplicate-key check, the annotated file and the report's shape. An import adds its row rules and its
 * writes; the dry run and the apply step of each go through exactly this path.
 */

export type ImportMode = 'dry_run' | 'apply';
export interface FileError {
  code: FileReason;
  message: string;
}

/** The annotated file rides back in the answer only while it stays well inside a function's 1 MB response. */
export const MAX_ANNOTATED_BYTES = 600 * 1024;

/** District admins and unit leaders import; a city admin (read-only) and everyone else are refused. */
export const importerScope = (office: Office): Extract<AdminScope, { kind: 'district' | 'unit' }> => {
  const scope = adminScopeOf(office.staff);
  if (scope?.kind !== 'district' && scope?.kind !== 'unit') throw new DomainError('AUTH.FORBIDDEN');
  return scope;
};

/** The caller's own upload, its chunks joined; someone else's (or a missing chunk) looks missing. */
export const readUploadedFile = async (deps: Deps, staffId: string, uploadId: string): Promise<Buffer> => {
  const first = await getChunk(deps.store, uploadId, 0);
  if (!first || first.staffId !== staffId) throw new DomainError('IMPORT.UPLOAD_NOT_FOUND', ['uploadId']);
  const parts: string[] = [];
  for (let i = 0; i < first.total; i += 1) {
    const c = i === 0 ? first : await getChunk(deps.store, uploadId, i);
    if (!c || c.staffId !== staffId) throw new DomainError('IMPORT.UPLOAD_NOT_FOUND', ['uploadId']);
    parts.push(c.data);
  }
  return Buffer.from(parts.join(''), 'base64');
};

export interface DataRow {
  /** The spreadsheet's own row number. */
  row: number;
  cells: string[];
}

export type OpenedImport<K extends string> =
  | { ok: false; fileError: FileError }
  | { ok: true; sheet: Sheet; index: Partial<Record<K, number>>; rows: DataRow[] };

const fileError = (code: FileReason, detail?: string): { ok: false; fileError: FileError } => ({ ok: false, fileError: { code, message: detail ? `${FILE_REASONS[code]}：${detail}` : FILE_REASONS[code] } });

/** Reads the file and checks it whole: any verdict here means nothing is read further and nothing written. */
export const openImport = async <K extends string>(fileName: string, buf: Buffer, columns: ReadonlyArray<ImportColumn<K>>, maxRows = IMPORT_MAX_ROWS): Promise<OpenedImport<K>> => {
  if (buf.length > IMPORT_MAX_BYTES) return fileError('IMPORT.TOO_LARGE');
  let sheet: Sheet;
  try {
    sheet = await readSpreadsheet(fileName, buf, maxRows);
  } catch (error) {
    return fileError(error instanceof UnreadableFile ? error.reason : 'IMPORT.UNREADABLE');
  }
  if (sheet.rows.length === 0) return fileError('IMPORT.EMPTY');
  if (sheet.rows.length - 1 > maxRows) return fileError('IMPORT.TOO_MANY_ROWS');
  const { index, missing } = mapColumns(columns, sheet.rows[0]);
  if (missing.length) return fileError('IMPORT.MISSING_COLUMNS', missing.join('、'));
  if (sheet.rows.length === 1) return fileError('IMPORT.EMPTY');
  return { ok: true, sheet, index, rows: sheet.rows.slice(1).map((cells, i) => ({ row: sheet.rowNumbers[i + 1], cells })) };
};

/**
 * Each row through the import's own check, then the key check: the second row with a key already seen in the
 * file is a problem (`duplicate`), never a second write.
 */
export const checkRows = <T, C extends string>(
  rows: readonly DataRow[],
  check: (row: DataRow) => { ok: true; key: string; value: T } | { ok: false; problem: Omit<RowProblem<C>, 'row'> },
  duplicate: Omit<RowProblem<C>, 'row'>,
): { good: Array<{ row: number; key: string; value: T }>; problems: Array<RowProblem<C>> } => {
  const good: Array<{ row: number; key: string; value: T }> = [];
  const problems: Array<RowProblem<C>> = [];
  const seen = new Set<string>();
  for (const r of rows) {
    const outcome = check(r);
    if (!outcome.ok) problems.push({ row: r.row, ...outcome.problem });
    else if (seen.has(outcome.key)) problems.push({ row: r.row, ...duplicate });
    else {
      seen.add(outcome.key);
      good.push({ row: r.row, key: outcome.key, value: outcome.value });
    }
  }
  return { good, problems: problems.sort((a, b) => a.row - b.row) };
};

/**
 * The user's own file with a 错误原因 column, when there are problems and it fits in the answer. `rowNotes` (rows
 * skipped without being errors) are written in the same column, but never make a file of their own.
 */
export const annotate = async (
  sheet: Sheet,
  fileName: string,
  problems: readonly RowProblem[],
  rowNotes: ReadonlyArray<Pick<RowProblem, 'row' | 'code' | 'message'>> = [],
): Promise<{ fileName: string; base64: string } | null> => {
  if (!problems.length) return null;
  const notes = new Map<number, string>();
  for (const p of [...problems, ...rowNotes.map((n) => ({ ...n, column: null }))]) notes.set(p.row, notes.has(p.row) ? `${notes.get(p.row)}；${annotationOf(p)}` : annotationOf(p));
  const out = await sheet.annotate(ANNOTATION_HEADER, notes);
  return out.length <= MAX_ANNOTATED_BYTES ? { fileName: annotatedFileName(fileName), base64: out.toString('base64') } : null;
};

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/** The report of a file refused whole. */
export const fileErrorReport = (mode: ImportMode, error: FileError) => ({
  mode,
  fileError: error,
  totalRows: 0,
  okRows: 0,
  errorCount: 0,
  errors: [] as RowProblem[],
  created: 0,
  updated: 0,
  unchanged: 0,
  annotatedFile: null as { fileName: string; base64: string } | null,
  complete: true,
  resumeFromRow: null as number | null,
});

/**
 * The report of a file that was read: true totals, the first 50 problems. Apply writes only a file without bad
 * rows, so an apply with problems reports no counts (nothing was written).
 */
export const rowsReport = (mode: ImportMode, totalRows: number, okRows: number, problems: readonly RowProblem[], counts: ImportCounts, annotatedFile: { fileName: string; base64: string } | null) => {
  const shown = mode === 'dry_run' || problems.length === 0;
  return {
    mode,
    fileError: null,
    totalRows,
    okRows,
    errorCount: problems.length,
    errors: problems.slice(0, IMPORT_ERRORS_SHOWN),
    created: shown ? counts.created : 0,
    updated: shown ? counts.updated : 0,
    unchanged: shown ? counts.unchanged : 0,
    annotatedFile,
    // A dry run, or an apply that wrote nothing because of bad rows, is finished as it stands.
    complete: true,
    resumeFromRow: null as number | null,
  };
};

/**
 * How long an apply keeps taking new rows: a cloud function lives 60 s (admin's config.json), so an apply stops
 * well before and says so; applying the same file again carries on (rows already written are unchanged). Tests
 * shorten it to see the continuation.
 */
export const APPLY_BUDGET = { ms: 40_000, concurrency: 8 };

/**
 * Runs `write` over the items, `concurrency` at a time (each row its own small write), until they are done
 * or the budget is spent; at least one batch always runs, so every call makes progress. `results[i]` is the
 * outcome of `items[i]`: the items past `results.length` were not started.
 */
export const writeWithinBudget = async <T, R>(items: readonly T[], write: (item: T) => Promise<R>, elapsedMs: () => number): Promise<{ results: R[]; complete: boolean }> => {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += APPLY_BUDGET.concurrency) {
    results.push(...(await Promise.all(items.slice(i, i + APPLY_BUDGET.concurrency).map(write))));
    if (i + APPLY_BUDGET.concurrency < items.length && elapsedMs() >= APPLY_BUDGET.ms) return { results, complete: false };
  }
  return { results, complete: true };
};

/** Time spent on this request so far, by the deps' clock (a test's clock is the test's to move). */
export const elapsedSince = (deps: Deps, startedAt: Date) => (): number => deps.clock().getTime() - startedAt.getTime();

/**
 * Where the next apply starts writing: the first row this one did not write (not started, or `written` said
 * it did not land), or null when every row did.
 */
export const resumeRow = <T extends { row: number }>(pending: readonly T[], results: readonly boolean[]): number | null => {
  const missed = pending.find((_, i) => i >= results.length || !results[i]);
  return missed ? missed.row : null;
};
