import { act, fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import DashboardPage from '../../../src/reports/dashboard/index';
import ReportLeadsPage from '../../../src/reports/leads/index';
import { barRows, compareText, neighbourKey, responseText } from '../../../src/reports/dashboard/dashboard-view';
import * as TaroMock from '../support/taro-mock';
import { fakeBackend } from '../share/share-mothers';

let restore: (() => void) | undefined;
beforeEach(() => TaroMock.resetTaroMock());
afterEach(() => restore?.());

const figures = (over: Record<string, unknown> = {}) => ({
  inquiries: 6,
  byUnit: [{ key: 'unit-invest', label: '临江区投资促进局', count: 4 }, { key: 'unit-tech', label: '临江区科学技术局', count: 2 }],
  byChannel: [{ key: 'chat', label: '微信好友', count: 6 }],
  byIndustry: [{ key: '人工智能', label: '人工智能', count: 6 }],
  byOrigin: [],
  funnel: [{ stage: 'contacted', label: '已联系', count: 3 }, { stage: 'signed', label: '签约', count: 1 }],
  invalid: 0,
  responded: 4,
  respondedInTime: 3,
  promisesKeptPct: 50,
  responseMedianMinutes: 120,
  responseP90Minutes: null,
  confirmedSigned: 1,
  confirmedLanded: 0,
  ...over,
});
const period = (key: string, label: string) => ({ kind: 'month', key, label, start: '2026-11-30T16:00:00.000Z', end: '2026-12-31T16:00:00.000Z' });
const dashboard = (key = '2026-12', label = '2026年12月') => ({
  scope: 'unit',
  scopeLabel: '临江区投资促进局',
  period: period(key, label),
  previous: period('2026-11', '2026年11月'),
  figures: figures(),
  previousFigures: figures({ inquiries: 4, byUnit: [{ key: 'unit-invest', label: '临江区投资促进局', count: 4 }], confirmedSigned: 0 }),
  overdueNow: 2,
  leadsOpen: true,
  choices: { teams: [], city: false },
});
const WHO = { kind: 'staff', staff: { staffId: 'staff-invest-leader', name: '陈启航', districtId: 'demo-linjiang', unitId: 'unit-invest', roles: ['unit_leader'], cardId: null } };

describe('dashboard view model', () => {
  it('compares with the previous period in words', () => {
    expect(compareText(6, 4)).toBe('较上期 +2（+50%）');
    expect(compareText(2, 4)).toBe('较上期 −2（−50%）');
    expect(compareText(3, 3)).toBe('较上期持平');
    expect(compareText(3, 0)).toBe('较上期 +3（上期为 0）');
  });
  it('scales bars to the longest, keeps small ones visible and says each in words', () => {
    const rows = barRows([{ key: 'a', label: '甲', count: 40 }, { key: 'b', label: '乙', count: 1 }], [{ key: 'a', count: 10 }]);
    expect(rows.map((r) => [r.percent, r.previous, r.spoken])).toEqual([[100, 10, '甲：40 条，上期 10 条'], [3, 0, '乙：1 条，上期 0 条']]);
  });
  it('names response buckets and travels between periods', () => {
    expect([responseText(30, 2), responseText(120, 2), responseText(null, 2), responseText(null, 0)]).toEqual(['30 分钟内', '2 小时内', '超过 72 小时', '—']);
    expect(neighbourKey('2026-12-X3', 'next', '2026-12-X2')).toBe('2027-01-X1');
    expect(neighbourKey('2026-Q4', 'previous', '2026-Q3')).toBe('2026-Q3');
  });
});

describe('dashboard page', () => {
  it('shows the figures against last period, switches period, and a tapped bar opens its leads', async () => {
    const fake = fakeBackend({ 'session.whoami': () => WHO, 'report.dashboard': (input) => ((input as { period: { key?: string } }).period.key === '2026-11' ? dashboard('2026-11', '2026年11月') : dashboard()) });
    restore = fake.restore;
    render(<DashboardPage />);
    await screen.findByText('2026年12月');
    expect(fake.inputsOf('report.dashboard')).toEqual([{ scope: 'unit', period: { kind: 'month' } }]);
    expect(within(screen.getByTestId('tile-inquiries')).getByText('较上期 +2（+50%）')).toBeTruthy();
    expect(within(screen.getByTestId('tile-promises')).getByText('中位 2 小时内 · P90 超过 72 小时')).toBeTruthy();
    expect(within(screen.getByTestId('tile-overdue')).getByText('2')).toBeTruthy();
    // Not an admin: no 全区.
    expect(screen.queryByTestId('dashboard-scope-district')).toBeNull();
    const unitBars = screen.getByTestId('bars-unit');
    expect(within(unitBars).getByText('2 条 · 上期 0')).toBeTruthy();
    const tech = unitBars.querySelector('[data-key="unit-tech"]') as HTMLElement;
    expect(tech.getAttribute('aria-label')).toBe('临江区科学技术局：2 条，上期 0 条，查看线索');
    fireEvent.click(tech);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/reports/leads/index?scope=unit&kind=month&key=2026-12&filter=unit&value=unit-tech' });

    fireEvent.click(screen.getByTestId('period-previous'));
    await screen.findByText('2026年11月');
    expect(fake.inputsOf('report.dashboard').at(-1)).toEqual({ scope: 'unit', period: { kind: 'month', key: '2026-11' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('dashboard-period-quarter'));
    });
    expect(fake.inputsOf('report.dashboard').at(-1)).toEqual({ scope: 'unit', period: { kind: 'quarter' } });
  });

  it('says why when the backend refuses, with a way to retry', async () => {
    restore = fakeBackend({ 'session.whoami': () => WHO, 'report.dashboard': () => ({ ok: false, error: { code: 'AUTH.FORBIDDEN', message: '您没有权限进行此操作' } }) }).restore;
    render(<DashboardPage />);
    expect(await screen.findByText('你只能查看本人、本单位和所在团队的数据；全区、全市数据请联系管理员')).toBeTruthy();
  });
});

describe('report leads page', () => {
  it('lists the leads behind a figure and opens one', async () => {
    TaroMock.setRouterParams({ scope: 'unit', kind: 'month', key: '2026-12', filter: 'unit', value: 'unit-tech' }, '/reports/leads/index');
    const lead = {
      id: 'ld_1', status: 'new', createdAt: '2026-12-02T02:00:00.000Z', contactName: '李先生', company: '云帆智能科技有限公司', phoneMasked: '139****9000', industry: '人工智能', scale: '暂未确定',
      carrierName: null, handlerUnitName: '临江区科学技术局', handlerName: '王书恒', creditName: '王书恒', firstResponseDueAt: '2026-12-02T06:00:00.000Z', firstRespondedAt: null, overdue: false,
    };
    const fake = fakeBackend({ 'report.leads': () => ({ items: [lead], nextCursor: null, hidden: 1 }) });
    restore = fake.restore;
    render(<ReportLeadsPage />);
    await screen.findByTestId('report-leads-list');
    expect(fake.inputsOf('report.leads')).toEqual([{ scope: 'unit', period: { kind: 'month', key: '2026-12' }, filter: 'unit', value: 'unit-tech' }]);
    expect(screen.getByText('另有 1 条属于其他单位，无权查看')).toBeTruthy();
    fireEvent.click(screen.getByText('云帆智能科技有限公司'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/lead-detail/index?id=ld_1' });
  });
});
