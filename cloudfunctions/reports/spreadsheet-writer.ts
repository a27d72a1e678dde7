import ExcelJS from 'exceljs';
import { escapeFormulaCell, tableToCsv, type ExportTable } from '../../domain/report/export-table.rules';

/** Sheet names: at most 31 characters, none of `: \ / ? * [ ]` (Excel refuses the file otherwise). */
const sheetName = (title: string, taken: Set<string>): string => {
  const base = title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 28) || '表';
  let name = base;
  for (let n = 2; taken.has(name); n += 1) name = `${base}${n}`;
  taken.add(name);
  return name;
};

/**
 * Tables as an xlsx workbook, one sheet each. Every string cell is written as plain text after the formula
 * escape (exceljs never writes a formula for a string, but the person opening it may re-save it as CSV).
 */
export const tablesToXlsx = async (tables: readonly ExportTable[]): Promise<Uint8Array> => {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'InvestCard 招商名片';
  const taken = new Set<string>();
  for (const table of tables) {
    const sheet = workbook.addWorksheet(sheetName(table.title, taken));
    sheet.addRow(table.header).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map(escapeFormulaCell));
    // The note under the rows, after a blank one, so the table itself stays a plain header + rows.
    if (table.note) {
      sheet.addRow([]);
      sheet.addRow([escapeFormulaCell(table.note)]).font = { italic: true };
    }
    sheet.columns.forEach((column, i) => {
      const widest = Math.max(...[table.header, ...table.rows].map((r) => String(r[i] ?? '').length));
      column.width = Math.min(40, Math.max(8, widest * 2));
    });
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
};

/** One table as CSV bytes (UTF-8 with a BOM). */
export const tableToCsvBytes = (table: ExportTable): Uint8Array => new Uint8Array(Buffer.from(tableToCsv(table), 'utf8'));
