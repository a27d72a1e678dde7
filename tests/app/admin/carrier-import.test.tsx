import { act, fireEvent, render, screen } from '@testing-library/react';
import CarrierImportPage from '../../../src/admin/carrier-import/index';
import { fakeBackend, type FakeBackend } from '../support/lead-loop-backend';
import * as TaroMock from '../support/taro-mock';

let backend: FakeBackend | undefined;
beforeEach(() => {
  TaroMock.resetTaroMock();
  process.env.TARO_ENV = 'h5';
});
afterEach(() => {
  backend?.restore();
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

describe('carrier import page', () => {
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
