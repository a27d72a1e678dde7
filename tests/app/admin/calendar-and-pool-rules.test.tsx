import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import WorkingCalendarPage from '../../../src/admin/calendar/index';
import DistrictProfilePage from '../../../src/admin/district/index';
import AdminHomePage from '../../../src/admin/home/index';
import { fakeBackend, type FakeBackend, type Handler } from '../support/lead-loop-backend';
import * as TaroMock from '../support/taro-mock';

type Storage = { getStorageSync: jest.Mock; setStorageSync: jest.Mock; removeStorageSync?: jest.Mock };
const storage = Taro as unknown as Storage;
let saved: Map<string, unknown>;
let backend: FakeBackend | undefined;
const use = (handlers: Record<string, Handler>) => (backend = fakeBackend(handlers));
const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });
const click = async (testId: string) => {
  await act(async () => {
    fireEvent.click(screen.getByTestId(testId));
  });
};

beforeEach(() => {
  TaroMock.resetTaroMock();
  saved = new Map();
  storage.getStorageSync = jest.fn((k: string) => saved.get(k) ?? '');
  storage.setStorageSync = jest.fn((k: string, v: unknown) => saved.set(k, v));
  storage.removeStorageSync = jest.fn((k: string) => saved.delete(k));
});
afterEach(() => {
  backend?.restore();
  backend = undefined;
});

const HOME = { scope: 'district', canWriteDistrict: true, district: { id: 'demo-linjiang', name: '临江区' }, districts: [{ id: 'demo-linjiang', name: '临江区' }], counts: { units: 6, staff: 9, invited: 1, carriers: 48, vacancyDue: 0 } };
const YEAR_2027 = { districtId: 'demo-linjiang', year: 2027, known: false, holidays: [], makeUpWorkdays: [], nationalAvailable: false, missingYears: [2027], canEdit: true };
const YEAR_2026 = { districtId: 'demo-linjiang', year: 2026, known: true, holidays: ['2026-01-01', '2026-10-01'], makeUpWorkdays: ['2026-02-14'], nationalAvailable: true, missingYears: [2027], canEdit: true };

describe('the «next year missing» warning', () => {
  it('shows on the office home while 2027 is missing and opens the calendar on that year', async () => {
    use({ 'admin.home': () => ({ ...HOME, calendarMissingYears: [2027] }) });
    render(<AdminHomePage />);
    const warning = await screen.findByTestId('calendar-warning');
    expect(warning.textContent).toContain('2027 年工作日历尚未录入');
    expect(screen.getByTestId('admin-entry-calendar').textContent).toContain('2027 年尚未录入');
    fireEvent.click(screen.getByTestId('calendar-fill-2027'));
    expect(TaroMock.navigateTo).toHaveBeenCalledWith({ url: '/admin/calendar/index?year=2027' });
  });

  it('is gone once every year is there', async () => {
    use({ 'admin.home': () => ({ ...HOME, calendarMissingYears: [] }) });
    render(<AdminHomePage />);
    await screen.findByTestId('admin-home');
    expect(screen.queryByTestId('calendar-warning')).toBeNull();
  });
});

describe('working-calendar editor', () => {
  it('a year chinese-days does not have: says so, offers hand entry and weekends only, and saves them', async () => {
    TaroMock.setRouterParams({ year: '2027' }, '/admin/calendar/index');
    const api = use({
      'admin.calendar.get': () => YEAR_2027,
      'admin.calendar.save': (i) => ({ districtId: 'demo-linjiang', year: 2027, holidays: i.holidays, makeUpWorkdays: i.makeUpWorkdays }),
    });
    render(<WorkingCalendarPage />);
    expect((await screen.findByTestId('calendar-national-missing')).textContent).toContain('尚未发布 2027 年');
    expect(screen.queryByTestId('calendar-import')).toBeNull();
    expect(screen.getByTestId('calendar-weekends-only')).toBeTruthy();
    type('calendar-date-input', '2028-01-01');
    expect(screen.getByTestId('calendar-date').textContent).toContain('请按 2027-MM-DD 填写本年的日期');
    type('calendar-date-input', '2027-10-01');
    fireEvent.click(screen.getByTestId('calendar-add-day'));
    fireEvent.click(screen.getByTestId('calendar-kind-makeUpWorkdays'));
    type('calendar-date-input', '2027-09-26');
    fireEvent.click(screen.getByTestId('calendar-add-day'));
    expect(screen.getByTestId('calendar-holidays').textContent).toContain('2027-10-01');
    expect(screen.getByTestId('calendar-makeUpWorkdays').textContent).toContain('2027-09-26');
    await click('calendar-save');
    expect(api.inputs('admin.calendar.save')).toEqual([{ year: 2027, holidays: ['2027-10-01'], makeUpWorkdays: ['2027-09-26'] }]);
    expect((await screen.findByTestId('calendar-saved')).textContent).toContain('2027 年日历已保存');
  });

  it('keeps an unsaved edit across a reload, and a removed day stays removed', async () => {
    TaroMock.setRouterParams({ year: '2026' }, '/admin/calendar/index');
    use({ 'admin.calendar.get': () => YEAR_2026 });
    const first = render(<WorkingCalendarPage />);
    await screen.findByTestId('calendar-day-2026-10-01');
    fireEvent.click(screen.getByTestId('calendar-remove-2026-10-01'));
    expect(screen.queryByTestId('calendar-day-2026-10-01')).toBeNull();
    first.unmount();
    render(<WorkingCalendarPage />);
    await screen.findByTestId('draft-restored');
    expect(screen.queryByTestId('calendar-day-2026-10-01')).toBeNull();
    expect(screen.getByTestId('calendar-day-2026-01-01')).toBeTruthy();
  });

  it('imports a year chinese-days has, and shows the backend’s refusal when it fails', async () => {
    TaroMock.setRouterParams({ year: '2026' }, '/admin/calendar/index');
    const api = use({
      'admin.calendar.get': () => YEAR_2026,
      'admin.calendar.import': (_i, n) => (n === 0 ? { fail: { code: 'STORE.BUSY', message: '系统繁忙，请稍后重试' } } : { districtId: 'demo-linjiang', year: 2026, holidays: YEAR_2026.holidays, makeUpWorkdays: YEAR_2026.makeUpWorkdays }),
    });
    render(<WorkingCalendarPage />);
    await screen.findByTestId('calendar-import');
    await click('calendar-import');
    expect((await screen.findByTestId('calendar-error')).textContent).toBe('系统繁忙，请稍后重试');
    await click('calendar-import');
    expect(api.inputs('admin.calendar.import')).toEqual([{ year: 2026 }, { year: 2026 }]);
    expect((await screen.findByTestId('calendar-saved')).textContent).toContain('已从国家日历导入 2026 年');
  });
});

describe('待认领 rules and the calendar warning beside the SLA settings', () => {
  const PROFILE = { name: '临江区', slogan: '临江而立', intro: '介绍。', keyIndustries: [], headlineFigures: [], policies: [], coverImage: null, defaultCardId: null, vacancyConfirmDays: 30 };
  const DISTRICT = {
    districtId: 'demo-linjiang',
    profile: PROFILE,
    updatedAt: '2026-12-01T02:00:00.000Z',
    canEdit: true,
    sla: { firstResponseHours: 8, followUpDays: 7, remindAt: 1, copyLeaderAt: 2, reassignAt: 3 },
    cards: [],
    poolRules: { maxClaimedOpen: 20, idleReturnDays: 5, warnDaysBefore: 1 },
    calendarMissingYears: [2027],
  };

  it('holds back a warning as long as the idle period, and saves valid rules', async () => {
    const api = use({ 'admin.district.get': () => DISTRICT, 'admin.pool.update': (i) => ({ districtId: 'demo-linjiang', poolRules: i }) });
    render(<DistrictProfilePage />);
    await screen.findByTestId('pool-rules-form');
    expect(screen.getByTestId('calendar-warning').textContent).toContain('2027 年');
    type('pool-warnDaysBefore-input', '5');
    fireEvent.click(screen.getByTestId('pool-rules-save'));
    expect(api.inputs('admin.pool.update')).toEqual([]);
    expect(screen.getByTestId('pool-rules-invalid')).toBeTruthy();
    type('pool-warnDaysBefore-input', '2');
    type('pool-maxClaimedOpen-input', '8');
    await click('pool-rules-save');
    expect(api.inputs('admin.pool.update')).toEqual([{ maxClaimedOpen: 8, idleReturnDays: 5, warnDaysBefore: 2 }]);
    expect(await screen.findByTestId('pool-rules-saved')).toBeTruthy();
  });
});
