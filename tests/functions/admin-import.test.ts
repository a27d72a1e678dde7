import ExcelJS from 'exceljs';
import { IMPORT_COLUMNS } from '../../domain/carrier/carrier-import.rules';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { createTestBackend, OPENID, type TestBackend } from '../support/test-backend';

type Report = {
  fileError: { code: string } | null; totalRows: number; okRows: number; errorCount: number; errors: Array<{ row: number; code: string; column: string | null }>;
  created: number; updated: number; unchanged: number; annotatedFile: { fileName: string; base64: string } | null;
};

const HEADER = IMPORT_COLUMNS.map((c) => c.header);
const row = (i: number): Array<string | number> => [`EXT-${String(i).padStart(3, '0')}`, '厂房', `导入厂房 ${i} 号`, '金湾街道', `云川市临江区金湾路 ${i} 号`, 10000, 2000, 20, 30, '元/㎡·月', '钱经理', '13800138030', 31.2, 120.5, '行车 10 吨、货梯', '先进制造'];

const xlsx = async (rows: Array<Array<string | number | ExcelJS.CellValue>>): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('载体');
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
};

let uploads = 0;
const upload = async (b: TestBackend, file: Buffer, openid: string = OPENID.admin): Promise<string> => {
  const uploadId = `up_${String((uploads += 1)).padStart(16, '0')}`;
  const base64 = file.toString('base64');
  const chunks = base64.match(/.{1,48000}/g) ?? [];
  for (const [index, chunk] of chunks.entries()) await b.ok('admin.import.upload', { uploadId, index, total: chunks.length, chunk }, openid);
  return uploadId;
};
const importFile = async (b: TestBackend, file: Buffer, fileName: string, mode: 'dry_run' | 'apply') =>
  b.ok<Report>('admin.carrier.import', { uploadId: await upload(b, file), fileName, mode }, OPENID.admin);

describe('district office: carrier import', () => {
  let b: TestBackend;
  beforeEach(async () => {
    b = await createTestBackend();
  });
  afterEach(() => b.close());
  const carriers = () => b.store.count(COLLECTIONS.carriers.name);

  it('50 rows with 3 bad ones: the dry run reports them with stable codes, apply writes nothing, the annotated file says why', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => row(i + 1));
    rows[4][5] = '一万'; // not a number
    rows[9][6] = 99999; // vacancy above total
    rows[19][1] = '写字楼'; // not a type
    // A formula cell is read as its text, never evaluated: its cached result must not slip in as the figure.
    rows[29][5] = { formula: '5000*2', result: 10000 } as ExcelJS.CellValue as string;
    const before = await carriers();
    const dry = await importFile(b, await xlsx(rows), '载体.xlsx', 'dry_run');
    expect(dry).toMatchObject({ fileError: null, totalRows: 50, okRows: 46, errorCount: 4 });
    expect(dry.errors.map((e) => [e.row, e.code, e.column])).toEqual([
      [6, 'ROW.BAD_NUMBER', '总面积'],
      [11, 'ROW.VACANCY_EXCEEDS_TOTAL', '空置面积'],
      [21, 'ROW.BAD_TYPE', '类型'],
      [31, 'ROW.BAD_NUMBER', '总面积'],
    ]);
    expect(dry.created).toBe(46);
    const applied = await importFile(b, await xlsx(rows), '载体.xlsx', 'apply');
    expect(applied).toMatchObject({ errorCount: 4, created: 0 });
    expect(await carriers()).toBe(before);

    const back = new ExcelJS.Workbook();
    await back.xlsx.load(Buffer.from(dry.annotatedFile!.base64, 'base64') as unknown as ArrayBuffer);
    const ws = back.worksheets[0];
    expect(ws.getRow(1).getCell(HEADER.length + 1).value).toBe('错误原因');
    expect(String(ws.getRow(6).getCell(HEADER.length + 1).value)).toContain('ROW.BAD_NUMBER');
    expect(ws.getRow(2).getCell(HEADER.length + 1).value).toBeNull();
    expect(dry.annotatedFile!.fileName).toBe('载体-错误原因.xlsx');
  });

  it('the fixed file applies once; importing it again changes nothing', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => row(i + 1));
    const before = await carriers();
    expect(await importFile(b, await xlsx(rows), '载体.xlsx', 'apply')).toMatchObject({ errorCount: 0, created: 50, updated: 0 });
    expect(await carriers()).toBe(before + 50);
    expect(await importFile(b, await xlsx(rows), '载体.xlsx', 'apply')).toMatchObject({ created: 0, updated: 0, unchanged: 50 });
    rows[0][6] = 1500;
    expect(await importFile(b, await xlsx(rows), '载体.xlsx', 'apply')).toMatchObject({ created: 0, updated: 1, unchanged: 49 });
    expect(await carriers()).toBe(before + 50);
    const found = await b.ok<{ items: Array<{ vacantArea: number }> }>('carrier.search', { districtId: 'demo-linjiang', keyword: '导入厂房 1 号' }, null);
    expect(found.items.map((c) => c.vacantArea)).toContain(1500);
  });

  it('reads CSV the same way, duplicates of a key included', async () => {
    const csv = [HEADER, row(1), row(2), row(1)].map((r) => r.map((c) => `"${String(c)}"`).join(',')).join('\r\n');
    const r = await importFile(b, Buffer.from(`\uFEFF${csv}`), 'carriers.csv', 'dry_run');
    expect(r).toMatchObject({ totalRows: 3, okRows: 2, errorCount: 1, errors: [{ row: 4, code: 'ROW.DUPLICATE_KEY' }] });
    expect(Buffer.from(r.annotatedFile!.base64, 'base64').toString('utf8')).toContain('错误原因');
  });

  it('refuses hostile files whole, with a clear code, writing nothing', async () => {
    const before = await carriers();
    expect((await importFile(b, Buffer.from('this is not a spreadsheet at all'), 'renamed.xlsx', 'apply')).fileError?.code).toBe('IMPORT.UNREADABLE');
    // A zip whose directory says it unpacks to gigabytes is not opened.
    const bomb = await xlsx([row(1)]);
    for (let i = bomb.length - 22; i > 0; i -= 1) {
      if (bomb.readUInt32LE(i) === 0x02014b50) bomb.writeUInt32LE(0xfffffff0, i + 24);
    }
    expect((await importFile(b, bomb, 'bomb.xlsx', 'apply')).fileError?.code).toBe('IMPORT.TOO_LARGE');
    const wrong = new ExcelJS.Workbook();
    wrong.addWorksheet('x').addRow(['名称', '面积']);
    expect((await importFile(b, Buffer.from(await wrong.xlsx.writeBuffer()), 'wrong.xlsx', 'apply')).fileError?.code).toBe('IMPORT.MISSING_COLUMNS');
    const many = [HEADER, ...Array.from({ length: 5001 }, (_, i) => row(i))].map((r) => r.join(',')).join('\n');
    expect((await importFile(b, Buffer.from(many), 'many.csv', 'apply')).fileError?.code).toBe('IMPORT.TOO_MANY_ROWS');
    expect(await carriers()).toBe(before);
  });

  it('an upload belongs to its uploader, and only admins and unit leaders import', async () => {
    const id = await upload(b, await xlsx([row(1)]));
    expect(await b.call('admin.carrier.import', { uploadId: id, fileName: 'a.xlsx', mode: 'apply' }, OPENID.investLeader)).toMatchObject({ ok: false, error: { code: 'IMPORT.UPLOAD_NOT_FOUND' } });
    expect(await b.call('admin.carrier.import', { uploadId: id, fileName: 'a.xlsx', mode: 'apply' }, OPENID.cityAdmin)).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    expect(await b.call('admin.import.upload', { uploadId: id, index: 0, total: 1, chunk: 'AAAA' }, OPENID.investLeader)).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
  });
});
