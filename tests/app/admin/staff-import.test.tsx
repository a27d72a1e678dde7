import { act, fireEvent, render, screen } from '@testing-library/react';
import StaffImportPage from '../../../src/admin/staff-import/index';
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

const base = { complete: true, resumeFromRow: null, fileError: null, created: 0, updated: 0, unchanged: 0, annotatedFile: null, invitesDue: 0, invites: [], invitesFile: null };
const BAD = {
  ...base,
  mode: 'dry_run',
  totalRows: 3,
  okRows: 1,
  errorCount: 2,
  created: 1,
  invitesDue: 1,
  errors: [
    { row: 3, column: '单位', code: 'ROW.UNKNOWN_UNIT', message: '单位名称与单位列表不符' },
    { row: 4, column: '角色', code: 'ROW.ROLE_NOT_GRANTABLE', message: '您不能授予或取消该角色' },
  ],
  annotatedFile: { fileName: '人员-错误原因.xlsx', base64: 'UEs=' },
};
const CLEAN = { ...base, mode: 'dry_run', totalRows: 2, okRows: 2, errorCount: 0, errors: [], created: 2, invitesDue: 2 };
const INVITES = [
  { staffId: 'staffimp_1', name: '许知行', phone: '13900130001', inviteCode: 'ABCD2345', inviteExpiresAt: '2026-12-07T02:00:00.000Z' },
  { staffId: 'staffimp_2', name: '林晓', phone: '13900130002', inviteCode: 'EFGH6789', inviteExpiresAt: '2026-12-07T02:00:00.000Z' },
];
const APPLIED = { ...CLEAN, mode: 'apply', invitesDue: 2, invites: INVITES, invitesFile: { fileName: '邀请码-2026-11-30.xlsx', base64: 'UEsD' } };

const choose = async (name: string, content: string) => {
  await act(async () => {
    fireEvent.change(screen.getByTestId('staff-import-file-input'), { target: { files: [new File([content], name)] } });
    await new Promise((r) => setTimeout(r, 50));
  });
};
const click = async (testId: string) => {
  await act(async () => {
    fireEvent.click(screen.getByTestId(testId));
    await new Promise((r) => setTimeout(r, 50));
  });
};

describe('staff import page', () => {
  it('downloads the template the backend makes (.xlsx)', async () => {
    const api = (backend = fakeBackend({ 'admin.staff.importTemplate': () => ({ fileName: '人员导入模板.xlsx', base64: 'UEsDBA==' }) }));
    render(<StaffImportPage />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('导入人员');
    await click('staff-import-template');
    expect(api.inputs('admin.staff.importTemplate')).toEqual([{}]);
    expect(downloads).toEqual([{ href: 'data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64,UEsDBA==', name: '人员导入模板.xlsx' }]);
  });

  it('uploads and dry-runs the chosen file; bad rows are listed with their codes, the annotated file downloads, and there is no apply', async () => {
    const api = (backend = fakeBackend({ 'admin.import.upload': (i) => ({ received: 1, total: i.total }), 'admin.staff.import': () => BAD }));
    render(<StaffImportPage />);
    await choose('人员.xlsx', 'x'.repeat(100));
    await screen.findByTestId('staff-import-report');
    const [upload] = api.inputs('admin.import.upload');
    expect(api.inputs('admin.staff.import')).toEqual([{ uploadId: upload.uploadId, fileName: '人员.xlsx', mode: 'dry_run' }]);
    expect(screen.getByTestId('staff-import-summary').textContent).toContain('共 3 行，1 行无误，2 行有问题');
    expect(screen.getAllByTestId('staff-import-row-error').map((e) => e.textContent)).toEqual([
      '第 3 行「单位」：单位名称与单位列表不符（ROW.UNKNOWN_UNIT）',
      '第 4 行「角色」：您不能授予或取消该角色（ROW.ROLE_NOT_GRANTABLE）',
    ]);
    expect(screen.queryByTestId('staff-import-apply')).toBeNull();
    await click('staff-import-annotated');
    expect(downloads.map((d) => d.name)).toEqual(['人员-错误原因.xlsx']);
  });

  it('applies a clean file once and shows the issued codes, with their .xlsx', async () => {
    const api = (backend = fakeBackend({ 'admin.import.upload': (i) => ({ received: 1, total: i.total }), 'admin.staff.import': (i) => (i.mode === 'apply' ? APPLIED : CLEAN) }));
    render(<StaffImportPage />);
    await choose('人员.csv', '姓名,职务\n');
    await screen.findByTestId('staff-import-apply');
    expect(screen.getByTestId('staff-import-summary').textContent).toContain('将发放邀请码 2 个');
    expect(screen.queryByTestId('staff-import-invites')).toBeNull();
    await click('staff-import-apply');
    expect(api.inputs('admin.staff.import').map((i) => i.mode)).toEqual(['dry_run', 'apply']);
    expect(screen.getByTestId('staff-import-summary').textContent).toContain('已导入');
    expect(screen.getAllByTestId('staff-import-invite-code').map((e) => e.textContent)).toEqual(['ABCD2345', 'EFGH6789']);
    expect(screen.getByTestId('staff-import-invites').textContent).toContain('有效期至 2026-12-07');
    expect(screen.queryByTestId('staff-import-apply')).toBeNull();
    await click('staff-import-invites-file');
    expect(downloads.map((d) => d.name)).toEqual(['邀请码-2026-11-30.xlsx']);
  });

  it('an apply that ran out of time offers to continue; the codes of both calls add up', async () => {
    const api = (backend = fakeBackend({
      'admin.import.upload': (i) => ({ received: 1, total: i.total }),
      'admin.staff.import': (i, n) => (i.mode === 'dry_run' ? CLEAN : n === 1 ? { ...APPLIED, complete: false, resumeFromRow: 3, invites: [INVITES[0]] } : { ...APPLIED, unchanged: 1, created: 1, invites: [INVITES[1]] }),
    }));
    render(<StaffImportPage />);
    await choose('人员.xlsx', 'x');
    await click((await screen.findByTestId('staff-import-apply')).dataset.testid!);
    expect(screen.getByTestId('staff-import-summary').textContent).toContain('已导入一部分');
    expect(screen.getByTestId('staff-import-unfinished')).toBeTruthy();
    await click('staff-import-continue');
    expect(api.inputs('admin.staff.import').map((i) => i.mode)).toEqual(['dry_run', 'apply', 'apply']);
    expect(screen.queryByTestId('staff-import-continue')).toBeNull();
    expect(screen.getAllByTestId('staff-import-invite-code').map((e) => e.textContent)).toEqual(['ABCD2345', 'EFGH6789']);
    expect(screen.getAllByTestId('staff-import-invites-file')).toHaveLength(2);
  });

  it('refuses other file types on the device, and shows a whole-file refusal as it comes', async () => {
    const api = (backend = fakeBackend({ 'admin.import.upload': (i) => ({ received: 1, total: i.total }), 'admin.staff.import': () => ({ ...base, mode: 'dry_run', fileError: { code: 'IMPORT.MERGED_CELLS', message: '表格中有合并的单元格，请取消合并后每格填写一项' }, totalRows: 0, okRows: 0, errorCount: 0, errors: [] }) }));
    render(<StaffImportPage />);
    await choose('人员.pdf', 'x');
    expect(screen.getByTestId('staff-import-error').textContent).toContain('.xlsx 或 .csv');
    expect(api.send).not.toHaveBeenCalled();
    await choose('人员.xlsx', 'x');
    expect((await screen.findByTestId('staff-import-file-error')).textContent).toContain('合并的单元格');
  });
});
