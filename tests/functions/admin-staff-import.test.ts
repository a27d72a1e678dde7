import ExcelJS from 'exceljs';
import type { Staff } from '../../domain/org/staff.schema';
import { STAFF_IMPORT_COLUMNS } from '../../domain/org/staff-import.rules';
import { inviteCodeHash } from '../../cloudfunctions/_lib/invite-code-hash';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { importOnce, withApplyBudget, xlsxOf, type Cell, type ImportReport } from '../support/import-files';
import { createTestBackend, OPENID, type TestBackend } from '../support/test-backend';

type Report = ImportReport & {
  invitesDue: number;
  invites: Array<{ staffId: string; name: string; phone: string; inviteCode: string; inviteExpiresAt: string }>;
  invitesFile: { fileName: string; base64: string } | null;
};

const HEADER = STAFF_IMPORT_COLUMNS.map((c) => c.header);
/** 姓名 职务 单位 角色 手机 工号 */
const person = (i: number, overrides: Partial<Record<'name' | 'title' | 'unit' | 'roles' | 'phone' | 'no', Cell>> = {}): Cell[] => [
  overrides.name ?? `导入人员${i}`,
  overrides.title ?? '科员',
  overrides.unit ?? '临江区科学技术局',
  overrides.roles ?? '工作人员、招商专员',
  overrides.phone ?? `1390013${String(i).padStart(4, '0')}`,
  overrides.no ?? `E${1000 + i}`,
];

const xlsx = (rows: Cell[][], configure?: (ws: ExcelJS.Worksheet) => void) => xlsxOf('人员', HEADER, rows, configure);
const importFile = (b: TestBackend, file: Buffer, mode: 'dry_run' | 'apply', openid: string = OPENID.admin, fileName = '人员.xlsx') =>
  importOnce<Report>(b.ok, 'admin.staff.import', file, fileName, mode, openid);

describe('district office: staff import', () => {
  let b: TestBackend;
  beforeEach(async () => {
    b = await createTestBackend();
  });
  afterEach(() => b.close());
  const staffCount = () => b.store.count(COLLECTIONS.staff.name);
  const staffDoc = (id: string) => b.store.get<Staff>(COLLECTIONS.staff.name, id);
  const audits = () => b.store.find<{ _id: string; action: string; after: unknown }>(COLLECTIONS.audit.name, { where: { districtId: 'demo-linjiang' }, limit: 500 });

  it('a file with 3 bad rows: the dry run reports them, apply reaches the same verdicts and writes nothing; the file comes back with 错误原因', async () => {
    const rows = Array.from({ length: 10 }, (_, i) => person(i + 1));
    rows[2] = person(3, { unit: '临江区不存在局' });
    rows[6] = person(7, { roles: '局长' });
    // A formula is read as its text: '=…' is no phone number, whatever its cached result.
    rows[8] = person(9, { phone: { formula: '13900130000+9', result: 13900130009 } as ExcelJS.CellValue });
    const file = await xlsx(rows);
    const before = await staffCount();
    const dry = await importFile(b, file, 'dry_run');
    expect(dry).toMatchObject({ fileError: null, totalRows: 10, okRows: 7, errorCount: 3, created: 7, invitesDue: 7, invites: [] });
    expect(dry.errors.map((e) => [e.row, e.code, e.column])).toEqual([
      [4, 'ROW.UNKNOWN_UNIT', '单位'],
      [8, 'ROW.UNKNOWN_ROLE', '角色'],
      [10, 'ROW.BAD_PHONE', '手机'],
    ]);
    const applied = await importFile(b, file, 'apply');
    expect(applied.errors).toEqual(dry.errors);
    expect(applied).toMatchObject({ errorCount: 3, created: 0, updated: 0, invites: [], invitesFile: null });
    expect(await staffCount()).toBe(before);

    const back = new ExcelJS.Workbook();
    await back.xlsx.load(Buffer.from(dry.annotatedFile!.base64, 'base64') as unknown as ArrayBuffer);
    const ws = back.worksheets[0];
    expect(ws.getRow(1).getCell(HEADER.length + 1).value).toBe('错误原因');
    expect(String(ws.getRow(4).getCell(HEADER.length + 1).value)).toContain('ROW.UNKNOWN_UNIT');
    expect(ws.getRow(2).getCell(HEADER.length + 1).value).toBeNull();
    expect(dry.annotatedFile!.fileName).toBe('人员-错误原因.xlsx');
  });

  it('a clean file creates each person once with a one-time code, listed in an .xlsx; importing it again changes nothing and issues no code', async () => {
    const rows = Array.from({ length: 5 }, (_, i) => person(i + 1));
    const before = await staffCount();
    const first = await importFile(b, await xlsx(rows), 'apply');
    expect(first).toMatchObject({ errorCount: 0, created: 5, updated: 0, unchanged: 0, invitesDue: 5 });
    expect(first.invites).toHaveLength(5);
    expect(new Set(first.invites.map((i) => i.inviteCode)).size).toBe(5);
    expect(first.invites[0]).toMatchObject({ name: '导入人员1', phone: '13900130001', inviteExpiresAt: '2026-12-07T02:00:00.000Z' });
    expect(await staffCount()).toBe(before + 5);
    expect(await staffDoc(first.invites[0].staffId)).toMatchObject({ status: 'invited', unitId: 'unit-tech', roles: ['commissioner', 'staff'], employeeNo: 'E1001' });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(first.invitesFile!.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).values).toEqual([undefined, '姓名', '手机', '邀请码', '有效期至']);
    expect(ws.getRow(2).values).toEqual([undefined, '导入人员1', '13900130001', first.invites[0].inviteCode, '2026-12-07']);

    const again = await importFile(b, await xlsx(rows), 'apply');
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 5, invitesDue: 0, invites: [], invitesFile: null });
    expect(await staffCount()).toBe(before + 5);

    // Issued like admin.staff.create: each person audited, the code never written down.
    const log = await audits();
    expect(log.filter((a) => a.action === 'staff.create')).toHaveLength(5);
    expect(log.filter((a) => a.action === 'staff.import')).toHaveLength(1);
    for (const i of first.invites) expect(JSON.stringify(log)).not.toContain(i.inviteCode);
    // The code binds that person, once.
    expect(await b.ok('staff.bindInvite', { inviteCode: first.invites[1].inviteCode }, 'demo-openid-imported')).toEqual({ staffId: first.invites[1].staffId, name: '导入人员2' });
  });

  it('two applies of one file at once add each person once, with one code each', async () => {
    const file = await xlsx(Array.from({ length: 6 }, (_, i) => person(i + 1)));
    const before = await staffCount();
    const [a, c] = await Promise.all([importFile(b, file, 'apply'), importFile(b, file, 'apply')]);
    expect(await staffCount()).toBe(before + 6);
    const issued = [...a.invites, ...c.invites];
    expect(issued.map((i) => i.staffId).sort()).toEqual([...new Set(issued.map((i) => i.staffId))].sort());
    expect(issued).toHaveLength(6);
    // Each person holds the hash of the code issued to them, never the code.
    for (const i of issued) expect(await staffDoc(i.staffId)).toMatchObject({ inviteCode: null, inviteCodeHash: inviteCodeHash(b.deps.analyticsSecret, i.inviteCode) });
  });

  it('a key that exists updates that person: by 工号 (title, roles, unit, phone), and by phone for people added by hand', async () => {
    const first = await importFile(b, await xlsx([person(1)]), 'apply');
    const id = first.invites[0].staffId;
    const before = await staffCount();
    const changed = await importFile(b, await xlsx([person(1, { title: '科长', roles: '工作人员、载体管理人', unit: '临江区商务局', phone: '+86 139-0013-9999' })]), 'apply');
    expect(changed).toMatchObject({ created: 0, updated: 1, unchanged: 0, invites: [] });
    expect(await staffDoc(id)).toMatchObject({ title: '科长', roles: ['staff', 'carrier_manager'], unitId: 'unit-commerce', phone: '13900139999' });
    // 王书恒 was seeded without a 工号: a row with his phone (written another way) is him, not a second person.
    const wang = await importFile(b, await xlsx([person(2, { name: '王书恒', title: '科技局 产业科科长', phone: '138 0013 8004', no: '' })]), 'apply');
    expect(wang).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    expect(await staffCount()).toBe(before);
    const renamed = await importFile(b, await xlsx([person(2, { name: '王书恒', title: '科技局 副局长', phone: '13800138004', no: 'T-7' })]), 'apply');
    expect(renamed).toMatchObject({ updated: 1 });
    expect(await staffDoc('staff-tech')).toMatchObject({ title: '科技局 副局长', employeeNo: 'T-7', status: 'active' });
    // Now 13800138004 is T-7's number: another 工号 with it is someone else claiming it.
    const taken = await importFile(b, await xlsx([person(3, { phone: '13800138004', no: 'X-1' })]), 'dry_run');
    expect(taken.errors.map((e) => e.code)).toEqual(['ROW.PHONE_TAKEN']);
    // The same key twice in one file, and two rows naming one person, are problems, not two writes.
    const twice = await importFile(b, await xlsx([person(4), person(4, { title: '副科长' }), person(5, { phone: '13800138004', no: 'T-7' }), person(6, { phone: '13800138004', no: '' })]), 'dry_run');
    expect(twice.errors.map((e) => [e.row, e.code])).toEqual([[3, 'ROW.DUPLICATE_KEY'], [5, 'ROW.DUPLICATE_KEY']]);
  });

  it('a unit leader imports only their own unit’s people and roles; a city admin is refused; nobody grants 市级管理员', async () => {
    // 陈启航 leads the investment bureau.
    const rows = [
      person(1, { unit: '临江区投资促进局' }),
      person(2, { unit: '临江区科学技术局' }),
      person(3, { unit: '临江区投资促进局', roles: '区管理员' }),
      person(4, { name: '周若岚', title: '投资促进局 招商专员', unit: '临江区投资促进局', roles: '招商专员、工作人员、单位负责人', phone: '13800138002', no: '' }),
      person(5, { name: '王书恒', title: '科技局 产业科科长', unit: '临江区投资促进局', roles: '招商专员、工作人员', phone: '13800138004', no: '' }),
    ];
    const file = await xlsx(rows);
    const dry = await importFile(b, file, 'dry_run', OPENID.investLeader);
    expect(dry.errors.map((e) => [e.row, e.code])).toEqual([
      [3, 'ROW.OTHER_UNIT'],
      [4, 'ROW.ROLE_NOT_GRANTABLE'],
      [5, 'ROW.ROLE_NOT_GRANTABLE'],
      [6, 'ROW.OTHER_UNIT'],
    ]);
    expect(await importFile(b, await xlsx([rows[0]]), 'apply', OPENID.investLeader)).toMatchObject({ created: 1, invitesDue: 1 });
    const city = await b.call('admin.staff.import', { uploadId: 'up_0000000000000001', fileName: '人员.xlsx', mode: 'dry_run' }, OPENID.cityAdmin);
    expect(city).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    const cityAdmin = await importFile(b, await xlsx([person(9, { roles: '市级管理员' })]), 'dry_run');
    expect(cityAdmin.errors.map((e) => e.code)).toEqual(['ROW.ROLE_NOT_GRANTABLE']);
    // The district admin may grant 区管理员; the last active admin keeps it.
    expect((await importFile(b, await xlsx([person(8, { roles: '区管理员、工作人员' })]), 'dry_run')).errorCount).toBe(0);
    const demote = await importFile(b, await xlsx([person(7, { name: '许安然', title: '投资促进局 信息管理员', unit: '临江区投资促进局', roles: '工作人员', phone: '13800138009', no: '' })]), 'dry_run');
    expect(demote.errors.map((e) => e.code)).toEqual(['ROW.LAST_ADMIN']);
  });

  it('re-importing issues a new code only to invited people whose code expired or was revoked, never to bound ones', async () => {
    const first = await importFile(b, await xlsx([person(1), person(2), person(3)]), 'apply');
    await b.ok('staff.bindInvite', { inviteCode: first.invites[0].inviteCode }, 'demo-openid-imported');
    await b.ok('admin.staff.invite', { staffId: first.invites[1].staffId, op: 'revoke' }, OPENID.admin);
    const within = await importFile(b, await xlsx([person(1), person(2), person(3)]), 'apply');
    expect(within.invites.map((i) => i.staffId)).toEqual([first.invites[1].staffId]);
    b.clock.advanceHours(8 * 24);
    const dry = await importFile(b, await xlsx([person(1), person(2), person(3)]), 'dry_run');
    expect(dry).toMatchObject({ invitesDue: 2, invites: [] });
    const later = await importFile(b, await xlsx([person(1), person(2), person(3)]), 'apply');
    expect(later.invites.map((i) => i.staffId).sort()).toEqual([first.invites[1].staffId, first.invites[2].staffId].sort());
    expect(await b.ok('staff.bindInvite', { inviteCode: later.invites.find((i) => i.staffId === first.invites[2].staffId)!.inviteCode }, 'demo-openid-late')).toMatchObject({ staffId: first.invites[2].staffId });
    expect((await audits()).filter((a) => a.action === 'staff.invite_reissue')).toHaveLength(3);
  });

  it('an apply out of time stops after a batch and says so; applying the file again carries on, nothing twice', async () => {
    await withApplyBudget({ ms: 0, concurrency: 2 }, async () => {
      const file = await xlsx(Array.from({ length: 5 }, (_, i) => person(i + 1)));
      const before = await staffCount();
      const first = await importFile(b, file, 'apply');
      // Rows 2 and 3 written: the next apply starts at row 4.
      expect(first).toMatchObject({ complete: false, resumeFromRow: 4, created: 5, invitesDue: 2 });
      expect(await staffCount()).toBe(before + 2);
      const second = await importFile(b, file, 'apply');
      expect(second).toMatchObject({ complete: false, resumeFromRow: 6, created: 3, unchanged: 2 });
      const third = await importFile(b, file, 'apply');
      expect(third).toMatchObject({ complete: true, resumeFromRow: null, created: 1, unchanged: 4 });
      const codes = [...first.invites, ...second.invites, ...third.invites];
      expect(new Set(codes.map((i) => i.staffId)).size).toBe(5);
      expect(await staffCount()).toBe(before + 5);
    });
    expect(await importFile(b, await xlsx([person(9)]), 'apply')).toMatchObject({ complete: true, created: 1 });
  });

  it('reads CSV the same way, and refuses hostile files whole with a clear code, writing nothing', async () => {
    const csv = [HEADER, person(1), person(2)].map((r) => r.map((c) => `"${String(c)}"`).join(',')).join('\r\n');
    expect(await importFile(b, Buffer.from(`\uFEFF${csv}`), 'dry_run', OPENID.admin, '人员.csv')).toMatchObject({ totalRows: 2, okRows: 2, created: 2 });
    const before = await staffCount();
    const code = async (file: Buffer, name = 'x.xlsx') => (await importFile(b, file, 'apply', OPENID.admin, name)).fileError?.code;
    expect(await code(Buffer.from('this is not a spreadsheet at all'), 'renamed.xlsx')).toBe('IMPORT.UNREADABLE');
    expect(await code(await xlsx([]))).toBe('IMPORT.EMPTY');
    const wrong = new ExcelJS.Workbook();
    wrong.addWorksheet('x').addRow(['姓名', '电话']);
    expect(await code(Buffer.from(await wrong.xlsx.writeBuffer()))).toBe('IMPORT.MISSING_COLUMNS');
    expect(await code(await xlsx([person(1), person(2)], (ws) => ws.mergeCells('C2:C3')))).toBe('IMPORT.MERGED_CELLS');
    const bomb = await xlsx([person(1)]);
    for (let i = bomb.length - 22; i > 0; i -= 1) if (bomb.readUInt32LE(i) === 0x02014b50) bomb.writeUInt32LE(0xfffffff0, i + 24);
    expect(await code(bomb, 'bomb.xlsx')).toBe('IMPORT.TOO_LARGE');
    const lines = (n: number) => [HEADER, ...Array.from({ length: n }, (_, i) => person(i))].map((r) => r.join(',')).join('\n');
    expect(await code(Buffer.from(lines(2001)), 'many.csv')).toBe('IMPORT.TOO_MANY_ROWS');
    // 100 000 rows: refused by size before anything is parsed.
    expect(await code(Buffer.from(lines(100_000)).subarray(0, 2 * 1024 * 1024 + 1), 'huge.csv')).toBe('IMPORT.TOO_LARGE');
    expect(await staffCount()).toBe(before);
  });

  it('the template is an .xlsx with the columns and a 填写说明 sheet naming the caller’s units; imported untouched it adds nobody', async () => {
    const t = await b.ok<{ fileName: string; base64: string }>('admin.staff.importTemplate', {}, OPENID.investLeader);
    expect(t.fileName).toBe('人员导入模板.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(t.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['人员', '填写说明']);
    expect(wb.worksheets[0].getRow(1).values).toEqual([undefined, '姓名', '职务', '单位', '角色', '手机', '工号', '姓名（英文）', '职务（英文）']);
    const guide: string[] = [];
    wb.worksheets[1].eachRow((r) => guide.push(String(r.getCell(1).value)));
    expect(guide).toContain('临江区投资促进局');
    expect(guide).not.toContain('临江区科学技术局');
    expect((await importFile(b, Buffer.from(t.base64, 'base64'), 'apply', OPENID.investLeader)).fileError?.code).toBe('IMPORT.EMPTY');
    expect(await b.call('admin.staff.importTemplate', {}, OPENID.cityAdmin)).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
  });
});
