import { act, fireEvent, render, screen } from '@testing-library/react';
import { IMPORT_COLUMNS } from '../../../domain/carrier/carrier-import.rules';
import CarrierImportPage from '../../../src/admin/carrier-import/index';
import { fakeBackend, type FakeBackend } from '../support/lead-loop-backend';
import * as TaroMock from '../support/taro-mock';

let backend: FakeBackend | undefined;
let downloads: Array<{ href: string; name: string }> = [];
beforeEach(() => {
  TaroMock.resetTaroMock();
  process.env.TARO_ENV = 'h5';
  downloads = [];
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ href: this.href, name: this.download });
  });
});
afterEach(() => {
  backend?.restore();
  jest.restoreAllMocks();
  process.env.TARO_ENV = 'weapp';
});

const REPORT = { mode: 'dry_run', fileError: null, totalRows: 3, okRows: 2, errorCount: 1, errors: [{ row: 3, column: '类型', code: 'ROW.BAD_TYPE', message: '类型不在可选范围内' }], created: 2, updated: 0, unchanged: 0, annotatedFile: { fileName: 'a-错误原因.csv', base64: 'QQ==' }, complete: true, resumeFromRow: null };

const choose = async (name: string, content: string) => {
  const file = new File([content], name);
  await act(async () => {
    fireEvent.change(screen.getByTestId('import-file-input'), { target: { files: [file] } });
    await new Promise((r) => setTimeout(r, 50));
  });
};

const CLEAN = { ...REPORT, totalRows: 60, okRows: 60, errorCount: 0, errors: [], created: 60, annotatedFile: null };
const click = async (testId: string) => {
  await act(async () => {
    fireEvent.click(screen.getByTestId(testId));
    await new Promise((r) => setTimeout(r, 50));
  });
};

describe('carrier import page', () => {
  it('downloads the template: the columns, the optional English ones among them, and an example row', async () => {
    backend = fakeBackend({});
    render(<CarrierImportPage />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('导入载体');
    await click('import-template');
    expect(downloads.map((d) => d.name)).toEqual(['载体导入模板.csv']);
    const csv = Buffer.from(downloads[0].href.replace(/^data:text\/csv;base64,/, ''), 'base64').toString('utf8');
    const [header, example] = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(header.split(',')).toEqual([...IMPORT_COLUMNS.map((c) => c.header)]);
    expect(header).toContain('名称（英文）');
    expect(example).toContain('"Overhead crane, 10 t; Freight lift"');
  });

  it('an apply that ran out of time says from which row it goes on, and 继续导入其余行 applies the same upload again until done', async () => {
    const api = (backend = fakeBackend({
      'admin.import.upload': (i) => ({ received: 1, total: i.total }),
      'admin.carrier.import': (i, n) =>
        i.mode === 'dry_run' ? CLEAN : n === 1 ? { ...CLEAN, mode: 'apply', complete: false, resumeFromRow: 34 } : { ...CLEAN, mode: 'apply', created: 28, unchanged: 32 },
    }));
    render(<CarrierImportPage />);
    await choose('载体.xlsx', 'x');
    await click('import-apply');
    expect(screen.getByTestId('import-summary').textContent).toContain('已导入一部分：共 60 行');
    expect(screen.getByTestId('import-unfinished').textContent).toContain('下次从第 34 行继续');
    expect(screen.queryByTestId('import-apply')).toBeNull();
    await click('import-continue');
    const calls = api.inputs('admin.carrier.import');
    expect(calls.map((c) => c.mode)).toEqual(['dry_run', 'apply', 'apply']);
    expect(new Set(calls.map((c) => c.uploadId)).size).toBe(1);
    expect(screen.getByTestId('import-summary').textContent).toContain('已导入：共 60 行，60 行无误，0 行有问题；新增 28，更新 0，未变 32');
    expect(screen.queryByTestId('import-continue')).toBeNull();
    expect(screen.queryByTestId('import-unfinished')).toBeNull();
  });

  it('a skipped template example row is shown as a note, not as a problem, and apply stays offered', async () => {
    backend = fakeBackend({
      'admin.import.upload': (i) => ({ received: 1, total: i.total }),
      'admin.carrier.import': () => ({ ...CLEAN, totalRows: 61, notes: [{ row: 2, code: 'ROW.TEMPLATE_EXAMPLE', message: '模板自带的示例行，已跳过，未导入' }] }),
    });
    render(<CarrierImportPage />);
    await choose('载体.xlsx', 'x');
    expect(screen.getAllByTestId('import-row-note').map((n) => n.textContent)).toEqual(['第 2 行：模板自带的示例行，已跳过，未导入']);
    expect(screen.queryAllByTestId('import-row-error')).toEqual([]);
    expect(screen.getByTestId('import-apply')).toBeTruthy();
  });

  it('uploads the chosen file in chunks, dry-runs it, and offers no apply while rows are bad', async () => {
    const api = (backend = fakeBackend({ 'admin.import.upload': (i) => ({ received: Number(i.index) + 1, total: i.total }), 'admin.carrier.import': () => REPORT }));
    render(<CarrierImportPage />);
    await choose('载体.csv', 'x'.repeat(40_000));
    await screen.findByTestId('import-report');
    const uploads = api.inputs('admin.import.upload');
    // 40 000 bytes → 53 336 base64 characters → two chunks of at most 48 000.
    expect(uploads.map((u) => [u.index, u.total, String(u.chunk).length])).toEqual([[0, 2, 48_000], [1, 2, 5_336]]);
    expect(api.inputs('admin.carrier.import')).toEqual([{ uploadId: uploads[0].uploadId, fileName: '载体.csv', mode: 'dry_run' }]);
    expect(screen.getByTestId('import-row-error').textContent).toBe('第 3 行「类型」：类型不在可选范围内（ROW.BAD_TYPE）');
    expect(screen.queryByTestId('import-apply')).toBeNull();
    expect(screen.getByTestId('import-annotated')).toBeTruthy();
  });

  it('refuses other file types on the device', async () => {
    const api = (backend = fakeBackend({}));
    render(<CarrierImportPage />);
    await choose('载体.pdf', 'x');
    expect(screen.getByTestId('import-error').textContent).toContain('.xlsx 或 .csv');
    expect(api.send).not.toHaveBeenCalled();
  });
});
