/**
 * What every spreadsheet import (carriers, staff) shares: the caps, the file-level verdicts, the shape of a row
 * problem, header mapping, and CSV in and out. Each import adds only its columns and its row rules, so a dry run
 * and an apply of either one read a file the same way.
 */

export const IMPORT_MAX_ROWS = 5000;
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;
/** Uncompressed size an .xlsx may unpack to: more is treated as a zip bomb. */
export const IMPORT_MAX_UNPACKED_BYTES = 60 * 1024 * 1024;
export const IMPORT_ERRORS_SHOWN = 50;
/** The column the user's own file comes back with. */
export const ANNOTATION_HEADER = '错误原因';

export const FILE_REASONS = {
  'IMPORT.UNREADABLE': '无法读取该文件，请上传 .xlsx 或 .csv 格式的表格',
  'IMPORT.TOO_LARGE': '文件过大（最多 2 MB）',
  'IMPORT.TOO_MANY_ROWS': `行数过多（最多 ${IMPORT_MAX_ROWS} 行），请分批导入`,
  'IMPORT.MISSING_COLUMNS': '缺少必需的列，请使用导入模板',
  'IMPORT.EMPTY': '表格中没有数据行',
  'IMPORT.MERGED_CELLS': '表格中有合并的单元格，请取消合并后每格填写一项',
} as const;
export type FileReason = keyof typeof FILE_REASONS;

export interface ImportColumn<K extends string = string> {
  key: K;
  header: string;
  required: boolean;
}

export interface RowProblem<C extends string = string> {
  /** 1-based row number as the spreadsheet shows it (the header is row 1). */
  row: number;
  column: string | null;
  code: C;
  message: string;
}

/** Which column index holds each key, from the header row; `missing` lists the required headers not found. */
export const mapColumns = <K extends string>(columns: ReadonlyArray<ImportColumn<K>>, header: readonly string[]): { index: Partial<Record<K, number>>; missing: string[] } => {
  const index: Partial<Record<K, number>> = {};
  header.forEach((h, i) => {
    const col = columns.find((c) => c.header === h.trim());
    if (col && index[col.key] === undefined) index[col.key] = i;
  });
  return { index, missing: columns.filter((c) => c.required && index[c.key] === undefined).map((c) => c.header) };
};

/** A cell of a row by column key, trimmed; '' when the column is absent. */
export const cellOf = <K extends string>(cells: readonly string[], index: Partial<Record<K, number>>, key: K): string =>
  index[key] === undefined ? '' : (cells[index[key] as number] ?? '').trim();

/** Splits a list cell: 、，, ; ； and new lines all separate. */
export const listCell = (s: string): string[] =>
  s
    .split(/[、，,;；\n]/)
    .map((x) => x.trim())
    .filter(Boolean);

/**
 * Splits a list cell that translates another list item by item (English beside Chinese): items are separated by
 * ; ； or new lines, so commas stay inside a phrase; an empty item keeps its place (that one is shown in the
 * other language), trailing empty items are dropped.
 */
export const parallelListCell = (s: string): string[] => {
  const items = s.split(/[;；\n]/).map((x) => x.trim());
  while (items.length && items[items.length - 1] === '') items.pop();
  return items;
};

/** How a problem reads in the 错误原因 column: code, message and the column it is about. */
export const annotationOf = (p: Pick<RowProblem, 'code' | 'message' | 'column'>): string => `${p.code} ${p.message}${p.column ? `（${p.column}）` : ''}`;

/** The name the annotated copy of a file is handed back under: 人员.xlsx → 人员-错误原因.xlsx. */
export const annotatedFileName = (fileName: string): string => fileName.replace(/(\.[^.]+)$/, `-${ANNOTATION_HEADER}$1`);

/** RFC 4180 CSV (quotes, doubled quotes, CRLF); a BOM is dropped. Cells stay text: nothing is evaluated. */
export const parseCsv = (text: string): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i += 1) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
};

/** A CSV cell as written back: quoted when needed, and a leading = + - @ neutralised (CWE-1236). */
export const csvCell = (s: string): string => {
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};
