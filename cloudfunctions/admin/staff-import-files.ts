import ExcelJS from 'exceljs';
import { STAFF_IMPORT_COLUMNS, STAFF_IMPORT_GUIDE } from '../../domain/org/staff-import.rules';
import { chinaDay } from '../../domain/common/time';

const xlsxBase64 = async (wb: ExcelJS.Workbook): Promise<string> => Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');

/**
 * The template: the 人员 sheet (the one an import reads: first in the workbook) holds only the header, so a
 * forgotten example row can never become a person; the example and the rules stand on 填写说明, with the
 * caller's units spelled as the import expects them.
 */
export const staffTemplateFile = async (unitNames: readonly string[]): Promise<{ fileName: string; base64: string }> => {
  const wb = new ExcelJS.Workbook();
  const people = wb.addWorksheet('人员');
  people.addRow(STAFF_IMPORT_COLUMNS.map((c) => c.header));
  people.getRow(1).font = { bold: true };
  people.columns.forEach((col) => {
    col.width = 18;
  });
  const guide = wb.addWorksheet('填写说明');
  guide.getColumn(1).width = 90;
  guide.addRow(['填写说明']).font = { bold: true };
  for (const text of STAFF_IMPORT_GUIDE) guide.addRow([text]);
  guide.addRow([]);
  guide.addRow([`示例：${['许知行', '科技局 科员', unitNames[0] ?? '（单位名称）', '工作人员、招商专员', '13800138020', 'E1001', 'Xu Zhixing', 'Officer, Science and Technology Bureau'].join(' | ')}`]);
  guide.addRow([]);
  guide.addRow(['单位列表']).font = { bold: true };
  for (const name of unitNames) guide.addRow([name]);
  return { fileName: '人员导入模板.xlsx', base64: await xlsxBase64(wb) };
};

/** The codes an apply issued, to print or pass on: 姓名, 手机, 邀请码, 有效期至 (China date). */
export const invitesFile = async (invites: ReadonlyArray<{ name: string; phone: string; inviteCode: string; inviteExpiresAt: string }>, at: Date): Promise<{ fileName: string; base64: string }> => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('邀请码');
  ws.addRow(['姓名', '手机', '邀请码', '有效期至']).font = { bold: true };
  for (const i of invites) ws.addRow([i.name, i.phone, i.inviteCode, chinaDay(new Date(i.inviteExpiresAt))]);
  ws.columns.forEach((col) => {
    col.width = 18;
  });
  return { fileName: `邀请码-${chinaDay(at)}.xlsx`, base64: await xlsxBase64(wb) };
};
