import { act, fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import HeatmapPage from '../../../src/reports/heatmap/index';
import ReportLeadsPage from '../../../src/reports/leads/index';
import { decodePageParams } from '../../../src/hooks/use-page-params';
import { decodeWhere, encodeWhere } from '../../../src/reports/heatmap/cell-link';
import { cellWhere, legendText, stepPeriodKey } from '../../../src/reports/heatmap/heatmap-view';
import { buildHeatmap } from '../../../domain/report/heatmap.rules';
import type { RollupRow } from '../../../domain/report/dashboard.rules';
import * as TaroMock from '../support/taro-mock';
import { fakeBackend } from '../share/share-mothers';

let restore: (() => void) | undefined;
beforeEach(() => TaroMock.resetTaroMock());
afterEach(() => restore?.());

const row = (origin: string, industry: string, c: Record<string, number>): RollupRow => ({ districtId: 'd', day: '2026-12-01', unitId: 'u', staffId: 's', channel: 'chat', industry, origin, street: '-', carrierType: '-', c });
const ROWS = [
  row('330000', '新能源', { inquiries: 12, cohort_signed: 3 }),
  row('330000', '人工智能', { inquiries: 2 }),
  row('320000', '新能源', { inquiries: 1 }),
  row('440000', '新能源', { inquiries: 1 }),
  row('上海', '新能源', { inquiries: 1 }),
];
const period = (key: string, label: string) => ({ kind: 'month', key, label, start: '2026-11-30T16:00:00.000Z', end: '2026-12-31T16:00:00.000Z' });
type Choices = { teams: Array<{ teamId: string; name: string }>; city: boolean };
const answer = (input: { measure: 'inquiries' | 'signed' | 'landed' | 'conversion'; period: { key?: string } }, rows = ROWS, reader: { scope?: string; scopeLabel?: string; leadsOpen?: boolean; choices?: Choices } = {}) => ({
  scope: reader.scope ?? 'district',
  scopeLabel: reader.scopeLabel ?? '全区',
  leadsOpen: reader.leadsOpen ?? true,
  choices: reader.choices ?? { teams: [], city: false },
  period: input.period.key === '2026-11' ? period('2026-11', '2026年11月') : period('2026-12', '2026年12月'),
  // Three rows, so the two smallest origins gather into «其他».
  ...buildHeatmap(input.period.key === '2026-11' ? [] : rows, 'origin_industry', input.measure, { rows: 3, columns: 8 }),
});
const ADMIN = { kind: 'staff', staff: { staffId: 'staff-admin', name: '许安然', districtId: 'demo-linjiang', unitId: 'unit-invest', roles: ['admin'], cardId: null } };

describe('heat-map view model', () => {
  it('carries a cell’s conditions through a page parameter, values with , ; : intact', () => {
    const where = [{ filter: 'origin' as const, values: ['330000', 'a,b;c:d'], except: true }, { filter: 'industry' as const, values: ['新能源'] }];
    expect(decodeWhere(encodeWhere(where))).toEqual(where);
    // Still percent-encoded once more, as Taro's H5 router and WeChat's onLoad hand it over: usePageParams decodes that.
    expect(decodeWhere(decodePageParams({ where: encodeURIComponent(encodeWhere(where)) }).where)).toEqual(where);
    expect([decodeWhere(undefined), decodeWhere('nonsense:1'), decodeWhere('origin:')]).toEqual([undefined, undefined, undefined]);
  });
  it('asks for the confirmed stage on signings, «其他» as none of the named keys, and steps periods', () => {
    const map = answer({ measure: 'signed', period: {} }) as Parameters<typeof cellWhere>[0];
    expect(map.rows.map((r) => r.label)).toEqual(['浙江', '江苏', '其他']);
    expect(cellWhere(map, 2, 0)).toEqual([{ filter: 'origin', values: ['330000', '320000'], except: true }, { filter: 'industry', values: ['新能源'] }, { filter: 'confirmed', values: ['signed'] }]);
    expect([legendText('conversion', { step: 1, from: 0, upTo: 20 }), legendText('conversion', { step: 2, from: 20, upTo: 40 }), legendText('inquiries', { step: 3, from: 3, upTo: 4 }), legendText('inquiries', { step: 5, from: 5, upTo: 5 })]).toEqual(['≤ 20%', '20–40%', '3–4', '5']);
    expect([stepPeriodKey('2026-12', 'next'), stepPeriodKey('2026-Q1', 'previous'), stepPeriodKey('x', 'next')]).toEqual(['2027-01', '2025-Q4', null]);
  });
});

describe('heat-map page', () => {
  it('draws the grid with numbers, headers and a legend; switches measure; a tapped cell opens its leads', async () => {
    TaroMock.setRouterParams({ scope: 'district', kind: 'month', key: '2026-12' }, '/reports/heatmap/index');
    const fake = fakeBackend({ 'session.whoami': () => ADMIN, 'report.heatmap': (input) => answer(input as Parameters<typeof answer>[0]) });
    restore = fake.restore;
    render(<HeatmapPage />);
    const grid = await screen.findByTestId('heat-grid');
    expect(fake.inputsOf('report.heatmap')).toEqual([{ scope: 'district', period: { kind: 'month', key: '2026-12' }, kind: 'origin_industry', measure: 'inquiries' }]);
    expect(screen.getAllByRole('heading', { level: 1 }).map((h) => h.textContent)).toEqual(['招商热力图']);
    expect(grid.getAttribute('role')).toBe('table');
    expect(within(grid).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['来源地 \\ 产业', '新能源', '人工智能']);
    expect(within(grid).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['浙江14 条咨询', '江苏1 条咨询', '其他2 条咨询']);
    const top = screen.getByTestId('heat-cell-0-0');
    // The number is text, the colour a second picture of it; the label says it in words.
    expect(top.textContent).toBe('12');
    expect(top.className).toContain('heat-grid__tap--top');
    expect(top.getAttribute('aria-label')).toBe('浙江 × 新能源：12 条咨询，查看线索');
    expect(screen.getByTestId('heat-cell-1-1').className).toContain('heat-grid__tap--none');
    expect(within(screen.getByTestId('heat-legend')).getAllByRole('listitem')).toHaveLength(6);

    await act(async () => {
      fireEvent.click(screen.getByTestId('heatmap-measure-conversion'));
    });
    await screen.findByText('3/12');
    expect(screen.getByTestId('heat-cell-0-0').getAttribute('aria-label')).toBe('浙江 × 新能源：转化率 25%（3 / 12），查看线索');
    expect(screen.getByTestId('heat-cell-0-0').textContent).toBe('25%3/12');

    fireEvent.click(screen.getByTestId('heat-cell-2-0'));
    const url = (Taro.navigateTo as jest.Mock).mock.calls.at(-1)[0].url as string;
    expect(url.startsWith('/reports/leads/index?scope=district&kind=month&key=2026-12&filter=all&where=')).toBe(true);
    const where = decodeURIComponent(new URLSearchParams(url.split('?')[1]).get('where') ?? '');
    expect(decodeWhere(where)).toEqual([{ filter: 'origin', values: ['330000', '320000'], except: true }, { filter: 'industry', values: ['新能源'] }]);
  });

  it('offers a team to its members, as 数据看板 does, and a team cell opens that team’s leads', async () => {
    const squad = { teamId: 'team-invest-squad', name: '招商小组' };
    const other = { teamId: 'team-industry', name: '产业招商组' };
    const LEADER = { kind: 'staff', staff: { staffId: 'staff-invest-leader', name: '陈启航', districtId: 'demo-linjiang', unitId: 'unit-invest', roles: ['unit_leader'], cardId: null } };
    const fake = fakeBackend({
      'session.whoami': () => LEADER,
      'report.heatmap': (input) => {
        const i = input as Parameters<typeof answer>[0] & { scope: string; teamId?: string };
        return answer(i, ROWS, { scope: i.scope, scopeLabel: i.teamId === other.teamId ? other.name : i.scope === 'team' ? squad.name : '临江区投资促进局', choices: { teams: [squad, other], city: false } });
      },
    });
    restore = fake.restore;
    render(<HeatmapPage />);
    await screen.findByTestId('heat-grid');
    const scopes = () => within(screen.getByTestId('heatmap-scope')).getAllByRole('radio').map((r) => r.textContent);
    expect(scopes()).toEqual(['我的', '本单位', '团队']);
    await act(async () => {
      fireEvent.click(screen.getByTestId('heatmap-scope-team'));
    });
    await screen.findByText(/^招商小组 · 共/);
    expect(fake.inputsOf('report.heatmap').at(-1)).toMatchObject({ scope: 'team', teamId: squad.teamId });
    await act(async () => {
      fireEvent.click(screen.getByTestId('heatmap-team-team-industry'));
    });
    await screen.findByText(/^产业招商组 · 共/);
    expect(fake.inputsOf('report.heatmap').at(-1)).toMatchObject({ scope: 'team', teamId: other.teamId });
    fireEvent.click(screen.getByTestId('heat-cell-0-0'));
    const url = (Taro.navigateTo as jest.Mock).mock.calls.at(-1)[0].url as string;
    expect(url.startsWith('/reports/leads/index?scope=team&teamId=team-industry&kind=month&key=2026-12&filter=all&where=')).toBe(true);
  });

  it('offers a city admin the city, whose cells are figures only: no link, no tap-through', async () => {
    const CITY = { kind: 'staff', staff: { staffId: 'staff-city', name: '陆明远', districtId: 'demo-linjiang', unitId: 'unit-invest', roles: ['city_admin'], cardId: null } };
    TaroMock.setRouterParams({ scope: 'city' }, '/reports/heatmap/index');
    const fake = fakeBackend({ 'session.whoami': () => CITY, 'report.heatmap': (input) => answer(input as Parameters<typeof answer>[0], ROWS, { scope: 'city', scopeLabel: '全市', leadsOpen: false, choices: { teams: [], city: true } }) });
    restore = fake.restore;
    render(<HeatmapPage />);
    await screen.findByTestId('heat-grid');
    expect(fake.inputsOf('report.heatmap')[0]).toMatchObject({ scope: 'city' });
    expect(within(screen.getByTestId('heatmap-scope')).getAllByRole('radio').map((r) => r.textContent)).toEqual(['我的', '本单位', '全市']);
    const top = screen.getByTestId('heat-cell-0-0');
    expect([top.getAttribute('role'), top.getAttribute('aria-label')]).toEqual([null, null]);
    expect(screen.queryAllByRole('link')).toHaveLength(0);
    fireEvent.click(top);
    expect(Taro.navigateTo as jest.Mock).not.toHaveBeenCalled();
    expect(screen.getByText(/这里只看数字/)).toBeTruthy();
  });

  it('says when the period has nothing and offers the previous one', async () => {
    const fake = fakeBackend({ 'session.whoami': () => ADMIN, 'report.heatmap': (input) => answer({ ...(input as Parameters<typeof answer>[0]) }, []) });
    restore = fake.restore;
    render(<HeatmapPage />);
    expect(await screen.findByText('本期还没有咨询')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByTestId('empty-action'));
    });
    expect(fake.inputsOf('report.heatmap').at(-1)).toMatchObject({ period: { kind: 'month', key: '2026-11' } });
  });

  it('the leads page sends a cell’s conditions and exports exactly that selection', async () => {
    const where = encodeWhere([{ filter: 'origin', values: ['330000'] }, { filter: 'industry', values: ['新能源'] }]);
    TaroMock.setRouterParams({ scope: 'district', kind: 'month', key: '2026-12', filter: 'all', where }, '/reports/leads/index');
    const lead = {
      id: 'ld_1', status: 'new', createdAt: '2026-12-02T02:00:00.000Z', contactName: '李先生', company: '云帆智能科技有限公司', phoneMasked: '139****9000', industry: '新能源', scale: '暂未确定',
      carrierName: null, handlerUnitName: '临江区科学技术局', handlerName: '王书恒', creditName: '王书恒', firstResponseDueAt: '2026-12-02T06:00:00.000Z', firstRespondedAt: null, overdue: false,
    };
    const exported = { fileName: '招商数据_全区_2026年12月_线索.xlsx', url: 'https://tcb.example/exports/x.xlsx?sign=1', rows: 1, contactRows: 1, hidden: 0 };
    const fake = fakeBackend({ 'report.leads': () => ({ items: [lead], nextCursor: null, hidden: 0 }), 'report.export': () => exported });
    restore = fake.restore;
    const device = Taro as unknown as Record<string, jest.Mock>;
    device.downloadFile = jest.fn(() => Promise.resolve({ statusCode: 200, tempFilePath: 'wxfile://tmp/export.xlsx' }));
    device.openDocument = jest.fn(() => Promise.resolve({ errMsg: 'openDocument:ok' }));
    render(<ReportLeadsPage />);
    await screen.findByTestId('report-leads-list');
    const cell = [{ filter: 'origin', values: ['330000'] }, { filter: 'industry', values: ['新能源'] }];
    expect(fake.inputsOf('report.leads')).toEqual([{ scope: 'district', period: { kind: 'month', key: '2026-12' }, filter: 'all', where: cell }]);
    expect(within(screen.getByTestId('report-leads-export')).getByText('导出这些线索')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByTestId('export-leads.xlsx'));
    });
    expect(fake.inputsOf('report.export')).toEqual([{ scope: 'district', period: { kind: 'month', key: '2026-12' }, filter: 'all', where: cell, table: 'leads', format: 'xlsx' }]);
    expect(device.openDocument).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/export.xlsx', fileType: 'xlsx', showMenu: true });
    expect(await screen.findByText('已导出 1 行，其中 1 行含联系方式（已记录查看）')).toBeTruthy();
  });

  it('the leads page reads a bar’s value that arrives still percent-encoded (H5 router, WeChat onLoad)', async () => {
    TaroMock.setRouterParams({ scope: 'district', kind: 'month', key: '2026-12', filter: 'industry', value: encodeURIComponent('新能源') }, '/reports/leads/index');
    const fake = fakeBackend({ 'report.leads': () => ({ items: [], nextCursor: null, hidden: 0 }) });
    restore = fake.restore;
    render(<ReportLeadsPage />);
    await screen.findByText('没有可查看的线索');
    expect(fake.inputsOf('report.leads')).toEqual([{ scope: 'district', period: { kind: 'month', key: '2026-12' }, filter: 'industry', value: '新能源' }]);
  });
});
