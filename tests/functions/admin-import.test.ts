import ExcelJS from 'exceljs';
import type { Carrier } from '../../domain/carrier/carrier.schema';
import { csvCell, IMPORT_COLUMNS, importTemplateCsv, parseCsv } from '../../domain/carrier/carrier-import.rules';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { StoreError } from '../../cloudfunctions/_lib/store/store-port';
import { importOnce, uploadFile, withApplyBudget, xlsxOf, type ImportReport } from '../support/import-files';
import { createTestBackend, OPENID, type TestBackend } from '../support/test-backend';

type Report = ImportReport & { notes?: Array<{ row: number; code: string; message: string }> };

const HEADER = IMPORT_COLUMNS.filter((c) => c.required || !c.header.includes('英文')).map((c) => c.header);
const row = (i: number): Array<string | number> => [`EXT-${String(i).padStart(3, '0')}`, '厂房', `导入厂房 ${i} 号`, '金湾街道', `云川市临江区金湾路 ${i} 号`, 10000, 2000, 20, 30, '元/㎡·月', '钱经理', '13800138030', 31.2, 120.5, '行车 10 吨、货梯', '先进制造'];

const xlsx = (rows: Array<Array<string | number | ExcelJS.CellValue>>, header: readonly string[] = HEADER) => xlsxOf('载体', header, rows);
const upload = (b: TestBackend, file: Buffer, openid: string = OPENID.admin) => uploadFile(b.ok, file, openid);
const importFile = (b: TestBackend, file: Buffer, fileName: string, mode: 'dry_run' | 'apply') => importOnce<Report>(b.ok, 'admin.carrier.import', file, fileName, mode, OPENID.admin);

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

  const imported = () => b.store.find<Carrier>(COLLECTIONS.carriers.name, { where: { districtId: 'demo-linjiang', name: { contains: '导入厂房' } }, limit: 1000 });

  /** Every store request moves the test's clock on by `ms`: a modelled WeChat Cloud round trip. */
  const modelRoundTrips = (ms: number) => {
    const store = b.store as unknown as Record<'get' | 'find' | 'count' | 'insert' | 'update' | 'remove' | 'transaction', (...args: unknown[]) => Promise<unknown>>;
    for (const name of ['get', 'find', 'count', 'insert', 'update', 'remove', 'transaction'] as const) {
      const real = store[name].bind(b.store);
      store[name] = (...args: unknown[]) => {
        b.clock.now = new Date(b.clock.now.getTime() + ms);
        return real(...args);
      };
    }
  };

  it('an apply whose time runs out mid-file says where to go on; applying again resumes, every carrier exactly once, each whole', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => row(i + 1));
    const file = await xlsx(rows);
    const before = await carriers();
    modelRoundTrips(30);
    const calls: Report[] = [];
    await withApplyBudget({ ms: 600, concurrency: 4 }, async () => {
      for (let n = 0; n < 20; n += 1) {
        const r = await importFile(b, file, '载体.xlsx', 'apply');
        calls.push(r);
        if (r.complete) break;
        // What is stored is exactly the file's rows before the one the next apply starts at, in file order.
        const written = (await imported()).map((c) => c.name).sort();
        expect(written).toEqual(rows.slice(0, r.resumeFromRow! - 2).map((x) => String(x[2])).sort());
      }
    });
    expect(calls.length).toBeGreaterThan(2);
    expect(calls[0]).toMatchObject({ complete: false, created: 60, updated: 0, unchanged: 0 });
    // Each call took rows on where the last one stopped, and the last one finished.
    const resumes = calls.map((c) => c.resumeFromRow);
    expect(resumes.at(-1)).toBeNull();
    for (let i = 1; i < resumes.length - 1; i += 1) expect(resumes[i]!).toBeGreaterThan(resumes[i - 1]!);
    for (const [i, c] of calls.entries()) if (i > 0) expect(c.unchanged).toBe(calls[i - 1].resumeFromRow! - 2);
    expect(await carriers()).toBe(before + 60);
    expect(new Set((await imported()).map((c) => c.name)).size).toBe(60);
    // Nothing half-written: the stored carriers are what the file says, field for field (a dry run finds no difference).
    expect(await importFile(b, file, '载体.xlsx', 'dry_run')).toMatchObject({ created: 0, updated: 0, unchanged: 60 });
    const log = await b.store.find<{ _id: string; action: string; after: { complete: boolean; written: number } }>(COLLECTIONS.audit.name, { where: { districtId: 'demo-linjiang', action: 'carrier.import' }, limit: 100 });
    expect(log.map((a) => a.after.written).reduce((x, y) => x + y, 0)).toBe(60);
    expect(log.filter((a) => a.after.complete)).toHaveLength(1);
  });

  it('an apply cut off by a failing write (a function killed mid-batch) leaves whole carriers; applying again completes it', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => row(i + 1));
    const file = await xlsx(rows);
    const before = await carriers();
    const store = b.store as unknown as { insert: (...args: unknown[]) => Promise<void> };
    const insert = store.insert.bind(b.store);
    let inserts = 0;
    store.insert = async (...args: unknown[]) => {
      inserts += 1;
      if (inserts === 11) throw new StoreError('STORE.UNAVAILABLE', 'the function was stopped');
      return insert(...args);
    };
    const cut = await b.call('admin.carrier.import', { uploadId: await upload(b, file), fileName: '载体.xlsx', mode: 'apply' }, OPENID.admin);
    expect(cut.ok).toBe(false);
    const partial = await carriers();
    expect(partial - before).toBeGreaterThanOrEqual(8);
    expect(partial - before).toBeLessThan(30);
    const again = await importFile(b, file, '载体.xlsx', 'apply');
    expect(again).toMatchObject({ complete: true, resumeFromRow: null, created: 30 - (partial - before), unchanged: partial - before });
    expect(await carriers()).toBe(before + 30);
    expect(await importFile(b, file, '载体.xlsx', 'dry_run')).toMatchObject({ created: 0, updated: 0, unchanged: 30 });
  });

  it('two applies of one file at once add each carrier once, and both finish', async () => {
    const file = await xlsx(Array.from({ length: 24 }, (_, i) => row(i + 1)));
    const before = await carriers();
    const ids = [await upload(b, file), await upload(b, file)];
    // Both read what exists before either writes: the race the second one's inserts must survive.
    const store = b.store as unknown as { find: (collection: string, query: unknown) => Promise<unknown> };
    const find = store.find.bind(b.store);
    const waiting: Array<() => void> = [];
    store.find = async (collection: string, query: unknown) => {
      if (collection === COLLECTIONS.carriers.name && waiting.length < 2) {
        await new Promise<void>((resolve) => {
          waiting.push(resolve);
          if (waiting.length === 2) for (const go of waiting) go();
        });
      }
      return find(collection, query);
    };
    const [a, c] = await withApplyBudget({ concurrency: 3 }, () => Promise.all(ids.map((uploadId) => b.ok<Report>('admin.carrier.import', { uploadId, fileName: '载体.xlsx', mode: 'apply' }, OPENID.admin))));
    expect([a.complete, c.complete]).toEqual([true, true]);
    expect(await carriers()).toBe(before + 24);
    expect(await importFile(b, file, '载体.xlsx', 'dry_run')).toMatchObject({ created: 0, updated: 0, unchanged: 24 });
  });

  it('what the file has no column for stays as the office set it: photos, policies, floors, the staff manager', async () => {
    const file = await xlsx([row(1), row(2)]);
    await importFile(b, file, '载体.xlsx', 'apply');
    const [one] = (await imported()).filter((c) => c.name === '导入厂房 1 号');
    const photo = 'cloud://env-demo.656e-env-demo-1300000000/carriers/p1.jpg';
    await b.store.update(COLLECTIONS.carriers.name, one._id, { set: { photos: [photo], policies: ['首年免租'], floors: 3, managerStaffId: 'staff-tech' } });
    expect(await importFile(b, file, '载体.xlsx', 'apply')).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(await b.store.get<Carrier>(COLLECTIONS.carriers.name, one._id)).toMatchObject({ photos: [photo], policies: ['首年免租'], floors: 3, managerStaffId: 'staff-tech' });
    // Another manager in the file: the staff member set in the editor no longer manages it.
    const moved = [row(1), row(2)];
    moved[0][10] = '孙经理';
    expect(await importFile(b, await xlsx(moved), '载体.xlsx', 'apply')).toMatchObject({ updated: 1, unchanged: 1 });
    expect(await b.store.get<Carrier>(COLLECTIONS.carriers.name, one._id)).toMatchObject({ managerName: '孙经理', managerStaffId: null, photos: [photo] });
  });

  it('optional English columns are read on import: stored for the carrier, shown on an English read; an empty cell keeps what is stored', async () => {
    const withEnglish = [...HEADER, '名称（英文）', '街道（英文）', '地址（英文）', '配套设施（英文）', '适合产业（英文）', '管理人（英文）'];
    const english = ['Imported Factory No. 1', 'Jinwan Subdistrict', '1 Jinwan Road, Linjiang District', 'Overhead crane, 10 t; Freight lift', 'Advanced manufacturing', 'Mr Qian'];
    const dry = await importFile(b, await xlsx([[...row(1), ...english], row(2)], withEnglish), '载体.xlsx', 'dry_run');
    expect(dry).toMatchObject({ errorCount: 0, created: 2 });
    await importFile(b, await xlsx([[...row(1), ...english], row(2)], withEnglish), '载体.xlsx', 'apply');
    const [one] = (await imported()).filter((c) => c.name === '导入厂房 1 号');
    expect(one).toMatchObject({ nameEn: english[0], streetEn: english[1], addressEn: english[2], facilitiesEn: ['Overhead crane, 10 t', 'Freight lift'], suitedIndustriesEn: ['Advanced manufacturing'], managerNameEn: 'Mr Qian' });
    const en = await b.ok<{ name: string; facilities: string[]; fallbackZh: string[] }>('carrier.get', { carrierId: one._id, lang: 'en' }, null);
    expect(en).toMatchObject({ name: 'Imported Factory No. 1', facilities: ['Overhead crane, 10 t', 'Freight lift'] });
    expect(en.fallbackZh).not.toContain('name');
    // The Chinese-only file again (or English cells left empty): the English stays, nothing changes.
    expect(await importFile(b, await xlsx([row(1), row(2)]), '载体.xlsx', 'apply')).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(await importFile(b, await xlsx([[...row(1), '', '', '', '', '', ''], row(2)], withEnglish), '载体.xlsx', 'apply')).toMatchObject({ unchanged: 2 });
    // A changed English name updates it; more English items than Chinese ones is a row problem.
    const renamed = [...english];
    renamed[0] = 'Imported Factory One';
    expect(await importFile(b, await xlsx([[...row(1), ...renamed]], withEnglish), '载体.xlsx', 'apply')).toMatchObject({ updated: 1 });
    const longer = [...english];
    longer[4] = 'Advanced manufacturing; Logistics';
    const bad = await importFile(b, await xlsx([[...row(1), ...longer]], withEnglish), '载体.xlsx', 'dry_run');
    expect(bad.errors.map((e) => [e.row, e.code, e.column])).toEqual([[2, 'ROW.ENGLISH_LIST_LONGER', '适合产业（英文）']]);
    const tooLong = [...english];
    tooLong[0] = 'x'.repeat(81);
    expect((await importFile(b, await xlsx([[...row(1), ...tooLong]], withEnglish), '载体.xlsx', 'dry_run')).errors.map((e) => [e.code, e.column])).toEqual([['ROW.INVALID', '名称（英文）']]);
  });

  it('reads CSV the same way, duplicates of a key included', async () => {
    const csv = [HEADER, row(1), row(2), row(1)].map((r) => r.map((c) => `"${String(c)}"`).join(',')).join('\r\n');
    const r = await importFile(b, Buffer.from(`\uFEFF${csv}`), 'carriers.csv', 'dry_run');
    expect(r).toMatchObject({ totalRows: 3, okRows: 2, errorCount: 1, errors: [{ row: 4, code: 'ROW.DUPLICATE_KEY' }] });
    expect(Buffer.from(r.annotatedFile!.base64, 'base64').toString('utf8')).toContain('错误原因');
  });

  describe('the content check the editor runs, on imported rows', () => {
    /** The local word list, counting its calls and what each read. */
    const countingCheck = () => {
      const original = b.deps.contentCheck;
      const calls: Array<{ text: string; openid: string | null }> = [];
      b.deps.contentCheck = {
        check: (text, openid) => {
          calls.push({ text, openid });
          return original.check(text, openid);
        },
      };
      return calls;
    };

    it('refused rows get ROW.CONTENT_REJECTED in the report and the annotated file; apply writes nothing; fixed, it imports', async () => {
      const calls = countingCheck();
      const rows = Array.from({ length: 50 }, (_, i) => row(i + 1));
      rows[6][2] = '博彩娱乐城'; // 名称
      rows[40][14] = '货梯、代开发票'; // 配套设施
      const before = await carriers();
      const dry = await importFile(b, await xlsx(rows), '载体.xlsx', 'dry_run');
      expect(dry).toMatchObject({ fileError: null, totalRows: 50, okRows: 48, errorCount: 2, created: 48 });
      const reason = { code: 'ROW.CONTENT_REJECTED', column: null, message: '内容包含不适宜发布的信息，请修改后再导入' };
      expect(dry.errors).toEqual([{ row: 8, ...reason }, { row: 42, ...reason }]);
      // Batched: the 50 rows' text went in a few calls (then halves of a refused batch), never one call per row,
      // and each call read at most what msgSecCheck reads, on behalf of the importer.
      expect(calls.length).toBeLessThan(20);
      expect(Math.max(...calls.map((c) => c.text.length))).toBeLessThanOrEqual(2500);
      expect(new Set(calls.map((c) => c.openid))).toEqual(new Set([OPENID.admin]));
      const back = new ExcelJS.Workbook();
      await back.xlsx.load(Buffer.from(dry.annotatedFile!.base64, 'base64') as unknown as ArrayBuffer);
      const ws = back.worksheets[0];
      expect(String(ws.getRow(8).getCell(HEADER.length + 1).value)).toContain('ROW.CONTENT_REJECTED');
      expect(String(ws.getRow(42).getCell(HEADER.length + 1).value)).toContain('ROW.CONTENT_REJECTED');
      expect(ws.getRow(9).getCell(HEADER.length + 1).value).toBeNull();

      expect(await importFile(b, await xlsx(rows), '载体.xlsx', 'apply')).toMatchObject({ errorCount: 2, created: 0 });
      expect(await carriers()).toBe(before);
      expect(await b.store.count(COLLECTIONS.carriers.name, { name: '博彩娱乐城' })).toBe(0);

      rows[6][2] = '导入厂房 7 号';
      rows[40][14] = '货梯';
      expect(await importFile(b, await xlsx(rows), '载体.xlsx', 'apply')).toMatchObject({ errorCount: 0, created: 50 });
      expect(await carriers()).toBe(before + 50);
      // Importing the same file again: no text changed, so nothing is checked again.
      calls.length = 0;
      expect(await importFile(b, await xlsx(rows), '载体.xlsx', 'apply')).toMatchObject({ unchanged: 50 });
      expect(calls).toEqual([]);
    });

    it('a changed text is checked (only that row), and the English columns are read as well', async () => {
      const rows = Array.from({ length: 5 }, (_, i) => row(i + 1));
      await importFile(b, await xlsx(rows), '载体.xlsx', 'apply');
      const calls = countingCheck();
      const withEnglish = [...HEADER, '名称（英文）'];
      const next = rows.map((r) => [...r, '']);
      next[1][2] = '导入厂房 2 号（新）';
      next[3][withEnglish.length - 1] = 'Casino 色情 hall';
      const dry = await importFile(b, await xlsx(next, withEnglish), '载体.xlsx', 'dry_run');
      expect(dry.errors.map((e) => [e.row, e.code])).toEqual([[5, 'ROW.CONTENT_REJECTED']]);
      expect(dry).toMatchObject({ updated: 1, unchanged: 3 });
      expect(calls.map((c) => c.text).join('\n')).not.toContain('导入厂房 1 号');
    });
  });

  describe('the template’s example row left in the file', () => {
    const [templateHeader, example] = parseCsv(importTemplateCsv());
    const NOTE = { code: 'ROW.TEMPLATE_EXAMPLE', message: '模板自带的示例行，已跳过，未导入' };
    const exampleCarriers = () => b.store.count(COLLECTIONS.carriers.name, { name: '示例标准厂房' });

    it('in the downloaded CSV itself: skipped with a note, not an error; apply imports the real rows only', async () => {
      // The template as downloaded, the user's two rows added under the example (the full header, English columns empty).
      const own = [row(1), row(2)].map((r) => [...r.map(String), '', '', '', '', '', '']);
      const csv = Buffer.from(`\uFEFF${importTemplateCsv()}${own.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`);
      const dry = await importFile(b, csv, '载体导入模板.csv', 'dry_run');
      expect(dry).toMatchObject({ fileError: null, totalRows: 3, okRows: 2, errorCount: 0, errors: [], created: 2, annotatedFile: null, notes: [{ row: 2, ...NOTE }] });
      const applied = await importFile(b, csv, '载体导入模板.csv', 'apply');
      expect(applied).toMatchObject({ errorCount: 0, created: 2, notes: [{ row: 2, ...NOTE }] });
      expect(await exampleCarriers()).toBe(0);
      expect(await b.store.count(COLLECTIONS.carriers.name, { name: '导入厂房 1 号' })).toBe(1);
    });

    it('in an .xlsx (the template opened in Excel and saved: figures become numbers): skipped the same way, noted in the annotated file', async () => {
      const numeric = new Set(['总面积', '空置面积', '价格下限', '价格上限', '管理人电话', '纬度', '经度']);
      const asExcelSavesIt = example.map((cell, i) => (numeric.has(templateHeader[i]) ? Number(cell) : cell));
      const bad = [...row(3).map(String), '', '', '', '', '', ''];
      bad[1] = '写字楼';
      const file = await xlsx([[...row(1).map(String), '', '', '', '', '', ''], asExcelSavesIt, bad], templateHeader);
      const dry = await importFile(b, file, '载体.xlsx', 'dry_run');
      expect(dry).toMatchObject({ totalRows: 3, okRows: 1, errorCount: 1, errors: [{ row: 4, code: 'ROW.BAD_TYPE' }], notes: [{ row: 3, ...NOTE }] });
      const back = new ExcelJS.Workbook();
      await back.xlsx.load(Buffer.from(dry.annotatedFile!.base64, 'base64') as unknown as ArrayBuffer);
      const ws = back.worksheets[0];
      expect(String(ws.getRow(3).getCell(templateHeader.length + 1).value)).toContain('ROW.TEMPLATE_EXAMPLE');
      expect(String(ws.getRow(4).getCell(templateHeader.length + 1).value)).toContain('ROW.BAD_TYPE');
      // Without the bad row, apply writes the real row and never the example.
      const fixed = await xlsx([[...row(1).map(String), '', '', '', '', '', ''], asExcelSavesIt], templateHeader);
      expect(await importFile(b, fixed, '载体.xlsx', 'apply')).toMatchObject({ errorCount: 0, created: 1, notes: [{ row: 3, ...NOTE }] });
      expect(await exampleCarriers()).toBe(0);
    });

    it('a row that only looks like the example (one value changed, or without the English columns) is the user’s own', async () => {
      const changed = [...example];
      changed[templateHeader.indexOf('空置面积')] = '1500';
      const chinese = templateHeader.filter((h) => !h.includes('英文'));
      const dry = await importFile(b, await xlsx([changed], templateHeader), '载体.xlsx', 'dry_run');
      expect(dry).toMatchObject({ okRows: 1, created: 1, notes: [] });
      // The Chinese columns only, exactly the example's values: still the example.
      const short = await importFile(b, await xlsx([example.slice(0, chinese.length)], chinese), '载体.xlsx', 'dry_run');
      expect(short).toMatchObject({ okRows: 0, created: 0, errorCount: 0, notes: [{ row: 2, ...NOTE }] });
    });
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
