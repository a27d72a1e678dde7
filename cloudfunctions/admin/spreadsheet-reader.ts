import ExcelJS from 'exceljs';
import { csvCell, IMPORT_MAX_UNPACKED_BYTES, parseCsv } from '../../domain/import/import-file.rules';

/** What the import reads: rows of text cells (header first). Formulas are read as their text, never evaluated. */
export interface Sheet {
  rows: string[][];
  /** The spreadsheet's own row number of rows[i] (empty rows are skipped in `rows`). */
  rowNumbers: number[];
  /** Writes the user's own file back with one more column (错误原因). */
  annotate(header: string, notes: Map<number, string>): Promise<Buffer>;
}

export class UnreadableFile extends Error {
  constructor(readonly reason: 'IMPORT.UNREADABLE' | 'IMPORT.TOO_LARGE' | 'IMPORT.MERGED_CELLS') {
    super(reason);
    this.name = 'UnreadableFile';
  }
}

/**
 * The sizes a zip says its entries unpack to, summed from its central directory before anything is unpacked:
 * a small file that would unpack to gigabytes (a zip bomb) is refused without being opened.
 */
export const unpackedSize = (buf: Buffer): number => {
  const EOCD = 0x06054b50;
  let end = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i -= 1) if (buf.readUInt32LE(i) === EOCD) { end = i; break; }
  if (end < 0) throw new UnreadableFile('IMPORT.UNREADABLE');
  const entries = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  let total = 0;
  for (let n = 0; n < entries; n += 1) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) throw new UnreadableFile('IMPORT.UNREADABLE');
    total += buf.readUInt32LE(at + 24);
    at += 46 + buf.readUInt16LE(at + 28) + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return total;
};

const cellText = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    // A formula is kept as the text the user typed: its cached result is not trusted and nothing is evaluated.
    if ('formula' in value && typeof value.formula === 'string') return `=${value.formula}`;
    if ('sharedFormula' in value && typeof value.sharedFormula === 'string') return `=${value.sharedFormula}`;
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return String(value.error);
  }
  return '';
};

/** The merged ranges of a loaded sheet ("A2:A3"); exceljs keeps them in the sheet's model. */
const mergedRanges = (sheet: ExcelJS.Worksheet): string[] => (sheet.model as { merges?: string[] }).merges ?? [];

export const readSpreadsheet = async (fileName: string, buf: Buffer, maxRows: number): Promise<Sheet> => {
  if (/\.csv$/i.test(fileName)) {
    const text = buf.toString('utf8');
    if (text.includes('\u0000')) throw new UnreadableFile('IMPORT.UNREADABLE');
    const rows = parseCsv(text);
    return {
      rows,
      rowNumbers: rows.map((_, i) => i + 1),
      annotate: async (header, notes) => {
        const out = rows.map((r, i) => [...r, i === 0 ? header : (notes.get(i + 1) ?? '')].map(csvCell).join(','));
        // (CSV row numbers are positions: the parser drops blank lines, as the report counts them.)
        return Buffer.from(`\uFEFF${out.join('\r\n')}\r\n`, 'utf8');
      },
    };
  }
  if (unpackedSize(buf) > IMPORT_MAX_UNPACKED_BYTES) throw new UnreadableFile('IMPORT.TOO_LARGE');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableFile('IMPORT.UNREADABLE');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UnreadableFile('IMPORT.UNREADABLE');
  // A merged cell holds one value for several rows or columns: which row it belongs to is a guess, so it is refused.
  if (mergedRanges(sheet).length > 0) throw new UnreadableFile('IMPORT.MERGED_CELLS');
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  let tooMany = false;
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    if (rows.length > maxRows + 1) {
      tooMany = true;
      return;
    }
    const cells: string[] = [];
    for (let c = 1; c <= Math.min(row.cellCount, 64); c += 1) cells.push(cellText(row.getCell(c).value).trim());
    rows.push(cells);
    rowNumbers.push(n);
  });
  if (tooMany) rows.length = maxRows + 2;
  return {
    rows,
    rowNumbers,
    annotate: async (header, notes) => {
      const col = Math.max(...rows.map((r) => r.length), 1) + 1;
      sheet.getRow(rowNumbers[0]).getCell(col).value = header;
      rows.forEach((_, i) => {
        const note = notes.get(rowNumbers[i]);
        if (note) sheet.getRow(rowNumbers[i]).getCell(col).value = note;
      });
      return Buffer.from(await workbook.xlsx.writeBuffer());
    },
  };
};
