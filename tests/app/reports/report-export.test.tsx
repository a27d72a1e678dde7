import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import DashboardPage from '../../../src/reports/dashboard/index';
import ReportLeadsPage from '../../../src/reports/leads/index';
import { exportSummary } from '../../../src/reports/dashboard/use-report-export';
import * as TaroMock from '../support/taro-mock';
import { fakeBackend } from '../share/share-mothers';

let restore: (() => void) | undefined;
const device = Taro as unknown as Record<string, jest.Mock>;
beforeEach(() => {
  TaroMock.resetTaroMock();
  device.downloadFile = jest.fn(() => Promise.resolve({ statusCode: 200, tempFilePath: 'wxfile://tmp/export.xlsx' }));
  device.openDocument = jest.fn(() => Promise.resolve({ errMsg: 'openDocument:ok' }));
});
afterEach(() => {
  restore?.();
  process.env.TARO_ENV = 'weapp';
});

const figures = { inquiries: 2, byUnit: [], byChannel: [], byIndustry: [], byOrigin: [], funnel: [], invalid: 0, responded: 0, respondedInTime: 0, promisesKeptPct: null, responseMedianMinutes: null, responseP90Minutes: null, confirmedSigned: 0, confirmedLanded: 0 };
const period = (key: string, label: string) => ({ kind: 'month', key, label, start: '2026-11-30T16:00:00.000Z', end: '2026-12-31T16:00:00.000Z' });
const DASHBOARD = { scope: 'unit', scopeLabel: '临江区投资促进局', period: period('2026-12', '2026年12月'), previous: period('2026-11', '2026年11月'), figures, previousFigures: figures, overdueNow: 0, leadsOpen: true, choices: { teams: [], city: false } };
const WHO = { kind: 'staff', staff: { staffId: 'staff-invest-leader', name: '陈启航', districtId: 'demo-linjiang', unitId: 'unit-invest', roles: ['unit_leader'], cardId: null } };
const EXPORTED = { fileName: '招商数据_临江区投资促进局_2026年12月_线索.xlsx', url: 'https://tcb.example/exports/x.xlsx?sign=1', rows: 12, contactRows: 3, hidden: 2 };

describe('exports from the reports pages', () => {
  it('says what a file holds: rows, contact rows (audited) or hidden contacts, and leads left out', () => {
    expect(exportSummary({ rows: 12, contactRows: 3, hidden: 2 })).toBe('已导出 12 行，其中 3 行含联系方式（已记录查看），2 条其他单位的线索未导出');
    expect(exportSummary({ rows: 4, contactRows: 0, hidden: 0 })).toBe('已导出 4 行，联系方式已隐藏');
  });

  it('exports the shown scope and period from the dashboard and opens it with openDocument (menu on) in WeChat', async () => {
    const fake = fakeBackend({ 'session.whoami': () => WHO, 'report.dashboard': () => DASHBOARD, 'report.export': () => EXPORTED });
    restore = fake.restore;
    render(<DashboardPage />);
    await screen.findByTestId('dashboard-export');
    await act(async () => {
      fireEvent.click(screen.getByTestId('export-leads.xlsx'));
    });
    expect(fake.inputsOf('report.export')).toEqual([{ scope: 'unit', period: { kind: 'month', key: '2026-12' }, table: 'leads', format: 'xlsx' }]);
    expect(device.downloadFile).toHaveBeenCalledWith({ url: EXPORTED.url });
    expect(device.openDocument).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/export.xlsx', fileType: 'xlsx', showMenu: true });
    expect(screen.getByText('已导出 12 行，其中 3 行含联系方式（已记录查看），2 条其他单位的线索未导出')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByTestId('export-dashboard.xlsx'));
    });
    expect(fake.inputsOf('report.export').at(-1)).toEqual({ scope: 'unit', period: { kind: 'month', key: '2026-12' }, table: 'dashboard', format: 'xlsx' });
  });

  it('exports the tapped figure from the leads page as a browser download on the web', async () => {
    process.env.TARO_ENV = 'h5';
    const clicked: Array<{ href: string; download: string }> = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function record(this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
    TaroMock.setRouterParams({ scope: 'unit', kind: 'month', key: '2026-12', filter: 'channel', value: 'qr' }, '/reports/leads/index');
    const lead = {
      id: 'ld_1', status: 'new', createdAt: '2026-12-02T02:00:00.000Z', contactName: '李先生', company: '云帆智能科技有限公司', phoneMasked: '139****9000', industry: '人工智能', scale: '暂未确定',
      carrierName: null, handlerUnitName: '临江区投资促进局', handlerName: '林致远', creditName: '林致远', firstResponseDueAt: '2026-12-02T06:00:00.000Z', firstRespondedAt: null, overdue: false,
    };
    const fake = fakeBackend({ 'report.leads': () => ({ items: [lead], nextCursor: null, hidden: 0 }), 'report.export': () => ({ ...EXPORTED, fileName: 'x.csv', url: '/api/_local/files/exports/x.csv?sig=1' }) });
    restore = fake.restore;
    render(<ReportLeadsPage />);
    await screen.findByTestId('report-leads-export');
    await act(async () => {
      fireEvent.click(screen.getByTestId('export-leads.csv'));
    });
    expect(fake.inputsOf('report.export')).toEqual([{ scope: 'unit', period: { kind: 'month', key: '2026-12' }, filter: 'channel', value: 'qr', table: 'leads', format: 'csv' }]);
    expect(clicked).toEqual([{ href: 'http://localhost/api/_local/files/exports/x.csv?sig=1', download: 'x.csv' }]);
    click.mockRestore();
  });

  it('shows why an export was refused', async () => {
    const fake = fakeBackend({ 'session.whoami': () => WHO, 'report.dashboard': () => DASHBOARD, 'report.export': () => ({ ok: false, error: { code: 'REPORT.EXPORT_TOO_LARGE', message: '要导出的咨询超过 5000 条' } }) });
    restore = fake.restore;
    render(<DashboardPage />);
    await screen.findByTestId('dashboard-export');
    await act(async () => {
      fireEvent.click(screen.getByTestId('export-leads.csv'));
    });
    expect(screen.getByRole('alert').textContent).toContain('超过 5000 条');
    expect(device.downloadFile).not.toHaveBeenCalled();
  });
});
