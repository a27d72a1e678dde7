import { fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import CardStatsPage from '../../../src/share/stats/index';
import { channelLabel, channelRows, conversionRate, depthText, weekBars, weekLabel } from '../../../src/share/stats/stats-view';
import * as TaroMock from '../support/taro-mock';
import { aCardStats, fakeBackend, failWith } from './share-mothers';

let restore: (() => void) | undefined;

beforeEach(() => TaroMock.resetTaroMock());
afterEach(() => restore?.());

describe('stats view model', () => {
  it('labels every channel in Chinese', () => {
    expect(['chat', 'moments', 'poster', 'qr', 'web_link', 'direct'].map(channelLabel)).toEqual(['微信聊天', '朋友圈', '海报', '二维码', '网页链接', '直接打开']);
    expect(channelLabel('fax')).toBe('其他');
  });

  it('lists channels with views or leads, most viewed first, with their share of views', () => {
    expect(channelRows(aCardStats())).toEqual([
      { channel: 'chat', label: '微信聊天', views: 700, leads: 8, percent: 57 },
      { channel: 'moments', label: '朋友圈', views: 400, leads: 0, percent: 32 },
      { channel: 'poster', label: '海报', views: 100, leads: 3, percent: 8 },
      { channel: 'web_link', label: '网页链接', views: 34, leads: 0, percent: 3 },
      { channel: 'qr', label: '二维码', views: 0, leads: 1, percent: 0 },
    ]);
    expect(channelRows({ viewsByChannel: { qr: 0 }, leadsByChannel: {} })).toEqual([]);
  });

  it('scales week columns to the busiest week and keeps small weeks visible', () => {
    const bars = weekBars(aCardStats().weeks);
    expect(bars.map((b) => b.heightPercent)).toEqual([0, 13, 40, 27, 100, 50, 4, 30]);
    expect(bars.map((b) => b.label)).toEqual(['9/14', '9/21', '9/28', '10/5', '10/12', '10/19', '10/26', '本周']);
    expect(bars[7]).toMatchObject({ value: 90, note: '咨询 5', highlight: true });
    expect(bars[0].note).toBeUndefined();
    expect(weekBars([{ weekStart: '2026-11-02', views: 0, leads: 0 }])[0].heightPercent).toBe(0);
    expect(weekLabel('2026-01-05')).toBe('1/5');
  });

  it('formats conversion and depth', () => {
    expect(conversionRate(12, 321)).toBe('3.7%');
    expect(conversionRate(0, 0)).toBe('—');
    expect(depthText(3)).toBe('3 层');
    expect(depthText(0)).toBe('—');
  });
});

describe('stats page', () => {
  it('shows the numbers, channels with Chinese labels, the weekly chart and the anonymity note', async () => {
    const fake = fakeBackend({ 'card.stats': () => aCardStats() });
    restore = fake.restore;
    render(<CardStatsPage />);
    await screen.findByTestId('stats-page');
    expect(fake.inputsOf('card.stats')).toEqual([{}]);

    expect(within(screen.getByTestId('stat-views')).getByText('1,234')).toBeTruthy();
    expect(within(screen.getByTestId('stat-visitors')).getByText('321')).toBeTruthy();
    expect(within(screen.getByTestId('stat-shares')).getByText('45')).toBeTruthy();
    expect(within(screen.getByTestId('stat-depth')).getByText('3 层')).toBeTruthy();
    expect(within(screen.getByTestId('stat-leads')).getByText('12')).toBeTruthy();

    const channels = screen.getByTestId('stats-channels');
    const labels = within(channels)
      .getAllByText(/微信聊天|朋友圈|海报|二维码|网页链接|直接打开/)
      .map((el) => el.textContent);
    expect(labels).toEqual(['微信聊天', '朋友圈', '海报', '网页链接', '二维码']);
    expect(within(channels).getByText('700 次浏览 · 8 条咨询')).toBeTruthy();

    const chart = screen.getByTestId('week-chart');
    const columns = chart.querySelectorAll('[data-week]');
    expect(columns).toHaveLength(8);
    expect(columns[4].getAttribute('data-value')).toBe('300');
    expect((columns[4].querySelector('.week-bar-chart__bar') as HTMLElement).style.height).toBe('100%');
    expect(within(screen.getByTestId('stats-weeks')).getByText('近 8 周共 782 次')).toBeTruthy();

    expect(screen.getByTestId('stats-privacy').textContent).toMatch(/不记录也不会向你展示是谁看过你的名片/);
    expect(screen.getByTestId('stat-response').textContent).toBe('首次回复用时中位数 2.5 个工作小时（共 4 条已回复咨询）');
  });

  it('invites sharing when nobody has viewed yet, and links to the poster', async () => {
    const empty = aCardStats({ views: 0, uniqueVisitors: 0, shares: 0, maxReshareDepth: 0, medianFirstResponseHours: null, answeredLeads: 0, leads: 0, viewsByChannel: {}, leadsByChannel: {}, weeks: aCardStats().weeks.map((w) => ({ ...w, views: 0, leads: 0 })) });
    restore = fakeBackend({ 'card.stats': () => empty }).restore;
    render(<CardStatsPage />);
    await screen.findByTestId('stats-page');
    expect(screen.getByText(/还没有浏览记录/)).toBeTruthy();
    expect(screen.getByTestId('stat-response').textContent).toMatch(/还没有已回复的咨询/);
    expect(within(screen.getByTestId('stat-conversion')).getByText('—')).toBeTruthy();
    fireEvent.click(screen.getByTestId('stats-poster'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/share/poster/index?cardId=card_wang' });
  });

  it('asks for a colleague’s card when an admin opens it with cardId', async () => {
    TaroMock.setRouterParams({ cardId: 'card-staff-tech' }, '/share/stats/index');
    const fake = fakeBackend({ 'card.stats': () => aCardStats({ cardId: 'card-staff-tech' }) });
    restore = fake.restore;
    render(<CardStatsPage />);
    await screen.findByTestId('stats-page');
    expect(fake.inputsOf('card.stats')).toEqual([{ cardId: 'card-staff-tech' }]);
  });

  it('explains what to do when the person has no card yet', async () => {
    restore = fakeBackend({ 'card.stats': () => failWith('CARD.NOT_FOUND', '未找到该名片，可能已下线') }).restore;
    render(<CardStatsPage />);
    expect(await screen.findByText('你还没有名片：先在「编辑名片」中保存一次，即可开始统计')).toBeTruthy();
  });
});
