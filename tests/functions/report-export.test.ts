import ExcelJS from 'exceljs';
import type { Lead } from '../../domain/lead/lead.schema';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { DEMO_DISTRICT_ID } from '../../tools/seed/demo-district';
import { createTestBackend, leadInput, OPENID, type TestBackend } from '../support/test-backend';

type ExportAnswer = { fileName: string; url: string; rows: number; contactRows: number; hidden: number };

const month = { kind: 'month', key: '2026-12' };

/** What a spreadsheet program would see: every cell of the first sheet as [type, value]. */
const readXlsx = async (bytes: Uint8Array) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
  const rows: Array<Array<string | number | null>> = [];
  const types = new Set<ExcelJS.ValueType>();
  sheet.eachRow((row) => {
    const cells: Array<string | number | null> = [];
    row.eachCell({ includeEmpty: true }, (cell) => {
      types.add(cell.type);
      cells.push(cell.value === null || cell.value === undefined ? null : (cell.value as string | number));
    });
    rows.push(cells);
  });
  return { rows, types, sheetName: sheet.name };
};

describe('report.export', () => {
  let b: TestBackend;
  let hostile: string;
  let fromEdu: string;

  const exported = async (openid: string, input: Record<string, unknown>) => {
    const answer = await b.ok<ExportAnswer>('report.export', input, openid);
    const link = new URL(answer.url, 'http://local');
    const fileId = `local:${link.pathname.replace('/api/_local/files/', '')}`;
    const bytes = await b.deps.files.get(fileId);
    if (!bytes) throw new Error(`no file behind ${answer.url}`);
    return { answer, bytes };
  };
  const audits = () => b.store.find<{ _id: string; action: string; staffId: string; after: { contactLeadIds?: string[] } & Record<string, unknown> }>(COLLECTIONS.audit.name, { where: { districtId: DEMO_DISTRICT_ID }, orderBy: [{ field: 'at', direction: 'desc' }, { field: '_id', direction: 'desc' }], limit: 50 });

  beforeEach(async () => {
    b = await createTestBackend({ now: '2026-12-02T02:00:00.000Z' });
    b.deps.intakeLimits = { perInvestorPer10Min: 100, perInvestorPerDay: 100, perDistrictPerMinute: 100 };
    // Every field an investor types that a spreadsheet could read as a formula or a hidden control.
    const bad = leadInput({
      contact: { name: '@SUM(A1)', company: '=HYPERLINK("http://evil.example","点我")', phone: '+852 9123 4567', email: 'li@example.com' },
      message: '+1 计划\t在此设厂',
      need: { industry: '-人工智能', scale: '10m_50m' },
    });
    hostile = (await b.ok<{ leadId: string }>('lead.submit', bad, OPENID.investorA)).leadId;
    // 教育局 is not an economic unit: its card's inquiries go to the investment bureau's pool; it keeps the credit.
    fromEdu = (await b.ok<{ leadId: string }>('lead.submit', leadInput({ contact: { name: '张女士', company: '育才教育科技', phone: '13900139002' }, source: { channel: 'qr', cardId: 'card-staff-edu-head' } }), OPENID.investorB)).leadId;
  });
  afterEach(() => b.close());

  it('escapes every cell that could start a formula, in the xlsx read back and in the CSV (golden)', async () => {
    const { answer, bytes } = await exported(OPENID.admin, { scope: 'district', period: month, table: 'leads', format: 'xlsx' });
    expect(answer).toMatchObject({ fileName: '招商数据_全区_2026年12月_线索.xlsx', rows: 2, contactRows: 2, hidden: 0 });
    const xlsx = await readXlsx(bytes);
    expect(xlsx.types.has(ExcelJS.ValueType.Formula)).toBe(false);
    const row = xlsx.rows.find((r) => r[0] === hostile) as Array<string | number | null>;
    expect(row.slice(3, 10)).toEqual(["'=HYPERLINK(\"http://evil.example\",\"点我\")", "'@SUM(A1)", "'+85291234567", 'li@example.com', '', "'+1 计划\t在此设厂", "'-人工智能"]);

    const csv = await exported(OPENID.admin, { scope: 'district', period: month, table: 'leads', format: 'csv' });
    const text = Buffer.from(csv.bytes).toString('utf8');
    expect(text.startsWith('\uFEFF线索编号,提交时间,状态,公司,联系人,电话,')).toBe(true);
    const line = text.split('\r\n').find((l) => l.startsWith(hostile)) as string;
    expect(line).toContain(`,"'=HYPERLINK(""http://evil.example"",""点我"")",'@SUM(A1),'+85291234567,li@example.com,,'+1 计划\t在此设厂,'-人工智能,`);
    // No line of the file begins a cell with an unescaped trigger.
    for (const cell of text.split(/[,\r\n]/)) expect(cell).not.toMatch(/^"?[=+\-@\t\0]/);
  });

  it('carries contact data only for those who may reveal it, and audits each export with those leads', async () => {
    // The investment bureau's leader works the pool: the 教育局 lead in full.
    const leader = await exported(OPENID.investLeader, { scope: 'unit', unitId: 'unit-edu', period: month, table: 'leads', format: 'xlsx' }).catch((e: Error) => e);
    expect(leader).toBeInstanceOf(Error); // another unit's numbers: refused like the dashboard
    // 教育局 brought it but does not handle it: a referrer sees the company and the need, no name or phone.
    const edu = await exported(OPENID.edu, { scope: 'unit', period: month, table: 'leads', format: 'xlsx' });
    expect(edu.answer).toMatchObject({ rows: 1, contactRows: 0 });
    const eduRow = (await readXlsx(edu.bytes)).rows[1] as Array<string | number | null>;
    expect(eduRow[0]).toBe(fromEdu);
    expect(eduRow[3]).toBe('育才教育科技');
    expect(eduRow.slice(4, 9)).toEqual(['', '', '', '', '']);
    // A colleague of the handling unit: the name and a masked phone, no email, WeChat or reveal.
    const lead = (await b.store.get<Lead>(COLLECTIONS.leads.name, hostile)) as Lead;
    await b.ok('lead.assign', { leadId: hostile, toUnitId: 'unit-invest', toStaffId: 'staff-head', note: '', rev: lead._rev }, OPENID.admin);
    const colleague = await exported(OPENID.commissioner, { scope: 'unit', period: month, table: 'leads', format: 'csv' });
    const line = Buffer.from(colleague.bytes).toString('utf8').split('\r\n').find((l) => l.startsWith(hostile)) as string;
    // A number from abroad starts with + : escaped like any other cell.
    expect(line).toContain(",'@SUM(A1),'+852****4567,,,'+1 计划");
    expect(line).not.toContain('91234567');
    expect(colleague.answer.contactRows).toBe(0);

    const log = await audits();
    const [latest, previous] = log.filter((a) => a.action === 'report.export');
    expect(latest).toMatchObject({ staffId: 'staff-commissioner', after: { table: 'leads', format: 'csv', rows: 1, contactLeadIds: [] } });
    expect(previous).toMatchObject({ staffId: 'staff-edu-head', after: { contactLeadIds: [] } });
    const admin = await exported(OPENID.admin, { scope: 'district', period: month, table: 'leads', format: 'csv' });
    expect(admin.answer.contactRows).toBe(2);
    expect([...((await audits())[0]?.after.contactLeadIds ?? [])].sort()).toEqual([hostile, fromEdu].sort());
  });

  it('exports the dashboard table beside the previous period, from the roll-ups', async () => {
    const { answer, bytes } = await exported(OPENID.admin, { scope: 'district', period: month, table: 'dashboard', format: 'xlsx' });
    expect(answer.fileName).toBe('招商数据_全区_2026年12月_看板.xlsx');
    const { rows } = await readXlsx(bytes);
    expect(rows[0]).toEqual(['分组', '项目', '本期', '上期']);
    expect(rows[1]).toEqual(['总量', '咨询', 2, 0]);
    expect(rows.find((r) => r[0] === '按渠道' && r[1] === '小程序码')).toEqual(['按渠道', '小程序码', 1, 0]);
    expect(rows.find((r) => r[0] === '按行业' && r[1] === "'-人工智能")).toEqual(['按行业', "'-人工智能", 1, 0]);
  });

  it('refuses what makes no sense, writing nothing', async () => {
    await exported(OPENID.admin, { scope: 'district', period: month, table: 'dashboard', format: 'csv' });
    const before = (await audits()).length;
    expect(before).toBeGreaterThan(0);
    const refusals = [
      [OPENID.investLeader, { scope: 'district', period: month, table: 'leads', format: 'xlsx' }, 'AUTH.FORBIDDEN'],
      [OPENID.tech, { scope: 'unit', unitId: 'unit-invest', period: month, table: 'leads', format: 'csv' }, 'AUTH.FORBIDDEN'],
      [OPENID.wangshanAdmin, { scope: 'unit', unitId: 'unit-invest', period: month, table: 'leads', format: 'csv' }, 'AUTH.FORBIDDEN'],
      [OPENID.investorA, { scope: 'unit', period: month, table: 'leads', format: 'csv' }, 'AUTH.FORBIDDEN'],
      [OPENID.admin, { scope: 'district', period: month, table: 'dashboard', format: 'csv', filter: 'unit', value: 'unit-invest' }, 'VALIDATION.INVALID_INPUT'],
      [OPENID.admin, { scope: 'district', period: month, table: 'leads', format: 'csv', filter: 'channel' }, 'VALIDATION.INVALID_INPUT'],
      [OPENID.admin, { scope: 'district', period: month, table: 'leads', format: 'pdf' }, 'VALIDATION.INVALID_INPUT'],
      [OPENID.admin, { scope: 'district', period: { kind: 'month', key: '2026-13' }, table: 'leads', format: 'csv' }, 'REPORT.PERIOD_INVALID'],
    ] as const;
    for (const [openid, input, code] of refusals) {
      const r = await b.call('report.export', input, openid);
      expect([JSON.stringify(input), r.ok ? 'ok' : r.error.code]).toEqual([JSON.stringify(input), code]);
    }
    expect((await audits()).length).toBe(before);
  });

  it('exports only the figure tapped (a channel), hiding nothing the caller may open', async () => {
    const { answer } = await exported(OPENID.admin, { scope: 'district', period: month, table: 'leads', format: 'csv', filter: 'channel', value: 'qr' });
    expect(answer).toMatchObject({ rows: 1, contactRows: 1 });
  });
});
