import { act, fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import DashboardPage from '../../../src/reports/dashboard/index';
import ReportLeadsPage from '../../../src/reports/leads/index';
import * as TaroMock from '../support/taro-mock';
import { fakeBackend } from '../share/share-mothers';

let restore: (() => void) | undefined;
beforeEach(() => TaroMock.resetTaroMock());
afterEach(() => restore?.());

const figures = (inquiries: number) => ({
  inquiries,
  byUnit: [{ key: 'unit-invest', label: '临江区投资促进局', count: inquiries }],
  byChannel: [{ key: 'chat', label: '微信好友', count: inquiries }],
  byIndustry: [],
  byOrigin: [],
  funnel: [{ stage: 'contacted', label: '已联系', count: 1 }, { stage: 'signed', label: '签约', count: 0 }],
  invalid: 0,
  responded: 1,
  respondedInTime: 1,
  promisesKeptPct: 100,
  responseMedianMinutes: 30,
  responseP90Minutes: 60,
  confirmedSigned: 0,
  confirmedLanded: 0,
});
const period = (key: string, label: string) => ({ kind: 'month', key, label, start: '2026-11-30T16:00:00.000Z', end: '2026-12-31T16:00:00.000Z' });
const answer = (over: Record<string, unknown>) => ({
  scope: 'unit',
  scopeLabel: '临江区投资促进局',
  period: period('2026-12', '2026年12月'),
  previous: period('2026-11', '2026年11月'),
  figures: figures(3),
  previousFigures: figures(1),
  overdueNow: 1,
  leadsOpen: true,
  choices: { teams: [], city: false },
  ...over,
});
const who = (roles: string[]) => ({ kind: 'staff', staff: { staffId: 'staff-x', name: '测试', districtId: 'demo-linjiang', unitId: 'unit-invest', roles, cardId: null } });
const district = (districtId: string, name: string, inquiries: number, overdueNow: number) => ({
  districtId, name, inquiries, previousInquiries: 1, funnel: [{ stage: 'contacted', label: '已联系', count: 1 }], responseMedianMinutes: 30, responded: 1, promisesKeptPct: 100, confirmedSigned: 0, overdueNow,
});

describe('dashboard page: team and city scopes', () => {
  it('offers 团队 to a member, picks among their teams, and a team bar opens that team’s leads', async () => {
    const teams = [{ teamId: 'team-invest-squad', name: '招商小组' }, { teamId: 'team-industry', name: '产业招商组' }];
    const fake = fakeBackend({
      'session.whoami': () => who(['commissioner']),
      'report.dashboard': (input) => {
        const i = input as { scope: string; teamId?: string };
        return answer({ scope: i.scope, scopeLabel: i.scope === 'team' ? (teams.find((t) => t.teamId === i.teamId)?.name ?? '?') : '临江区投资促进局', choices: { teams, city: false } });
      },
    });
    restore = fake.restore;
    render(<DashboardPage />);
    await screen.findByText('2026年12月');
    // Not an admin, not a city admin: 团队 but no 全区, no 全市.
    expect(screen.getByTestId('dashboard-scope-team')).toBeTruthy();
    expect(screen.queryByTestId('dashboard-scope-district')).toBeNull();
    expect(screen.queryByTestId('dashboard-scope-city')).toBeNull();
    await act(async () => {
      fireEvent.click(screen.getByTestId('dashboard-scope-team'));
    });
    expect(fake.inputsOf('report.dashboard').at(-1)).toEqual({ scope: 'team', teamId: 'team-invest-squad', period: { kind: 'month' } });
    await screen.findByText('招商小组 · 对比 上期');
    await act(async () => {
      fireEvent.click(screen.getByTestId('dashboard-team-team-industry'));
    });
    expect(fake.inputsOf('report.dashboard').at(-1)).toEqual({ scope: 'team', teamId: 'team-industry', period: { kind: 'month' } });
    await screen.findByText('产业招商组 · 对比 上期');
    fireEvent.click(screen.getByTestId('bars-unit').querySelector('[data-key="unit-invest"]') as HTMLElement);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/reports/leads/index?scope=team&teamId=team-industry&kind=month&key=2026-12&filter=unit&value=unit-invest' });
  });

  it('shows a city admin the city with each district, figures only, and a district row opens its dashboard', async () => {
    const fake = fakeBackend({
      'session.whoami': () => who(['city_admin']),
      'report.dashboard': (input) =>
        (input as { scope: string }).scope === 'city'
          ? answer({ scope: 'city', scopeLabel: '全市', figures: figures(9), leadsOpen: false, choices: { teams: [], city: true }, byDistrict: [district('demo-linjiang', '临江区', 7, 2), district('demo-wangshan', '望山区', 2, 0)] })
          : answer({ choices: { teams: [], city: true } }),
    });
    restore = fake.restore;
    render(<DashboardPage />);
    await screen.findByText('2026年12月');
    expect(screen.queryByTestId('dashboard-scope-team')).toBeNull();
    await act(async () => {
      fireEvent.click(screen.getByTestId('dashboard-scope-city'));
    });
    expect(fake.inputsOf('report.dashboard').at(-1)).toEqual({ scope: 'city', period: { kind: 'month' } });
    const table = await screen.findByTestId('dashboard-by-district');
    expect(within(table).getByText('咨询 7 · 较上期 +6（+600%）')).toBeTruthy();
    expect(within(table).getByText('当前超时 2')).toBeTruthy();
    // Figures only: bars and the inquiries tile open nothing; only the table is exported.
    const bar = screen.getByTestId('bars-unit').querySelector('[data-key="unit-invest"]') as HTMLElement;
    expect(bar.getAttribute('role')).toBeNull();
    fireEvent.click(bar);
    fireEvent.click(screen.getByTestId('tile-inquiries'));
    expect(Taro.navigateTo).not.toHaveBeenCalled();
    expect(screen.getByTestId('export-dashboard.xlsx')).toBeTruthy();
    expect(screen.queryByTestId('export-leads.xlsx')).toBeNull();
    const row = table.querySelector('[data-key="demo-wangshan"]') as HTMLElement;
    expect(row.getAttribute('aria-label')).toBe('望山区：咨询 2 条，当前超时 0 条，查看该区县看板');
    fireEvent.click(row);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/reports/dashboard/index?scope=district&districtId=demo-wangshan&kind=month' });
  });

  it('opens the district a city admin tapped, by id', async () => {
    TaroMock.setRouterParams({ scope: 'district', districtId: 'demo-wangshan', kind: 'quarter' }, '/reports/dashboard/index');
    const fake = fakeBackend({ 'session.whoami': () => who(['city_admin']), 'report.dashboard': () => answer({ scope: 'district', scopeLabel: '望山区', leadsOpen: false, choices: { teams: [], city: true } }) });
    restore = fake.restore;
    render(<DashboardPage />);
    await screen.findByText('望山区 · 对比 上期');
    expect(fake.inputsOf('report.dashboard')).toEqual([{ scope: 'district', districtId: 'demo-wangshan', period: { kind: 'quarter' } }]);
    expect(screen.getByTestId('dashboard-scope-district')).toBeTruthy();
  });

  it("lists a team's leads from the page's parameters", async () => {
    TaroMock.setRouterParams({ scope: 'team', teamId: 'team-industry', kind: 'month', key: '2026-12', filter: 'all' }, '/reports/leads/index');
    const fake = fakeBackend({ 'report.leads': () => ({ items: [], nextCursor: null, hidden: 2 }) });
    restore = fake.restore;
    render(<ReportLeadsPage />);
    await screen.findByText('另有 2 条属于其他单位，无权查看');
    expect(fake.inputsOf('report.leads')).toEqual([{ scope: 'team', teamId: 'team-industry', period: { kind: 'month', key: '2026-12' }, filter: 'all' }]);
  });
});
