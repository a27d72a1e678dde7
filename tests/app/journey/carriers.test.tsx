import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { CarrierSummary } from '../../../domain/api/views.schema';
import { activeFilterCount, DEFAULT_QUERY, listCacheKey, mergePage, priceUnitLabelFor, searchRequest } from '../../../src/pages/carriers/use-carriers';
import { aCardView, aCarrier } from '../support/card-view.mother';
import { ActionFailure, daysAgo, installBackend, OFFLINE, pagedSearch, someCarriers } from '../support/journey-backend';
import * as Taro from '../support/journey-taro';

jest.mock('@tarojs/taro', () => require('../support/journey-taro'));

// Loaded after the mock is in place.
const CarriersPage = (require('../../../src/pages/carriers/index') as typeof import('../../../src/pages/carriers/index')).default;

const LIST_PARAMS = { districtId: 'district_linjiang', cardId: 'card_wang', s: 'Ab3dEf9hJk', channel: 'chat' };

let backend: ReturnType<typeof installBackend> | undefined;
beforeEach(() => {
  Taro.resetJourneyMock(LIST_PARAMS, '/pages/carriers/index');
});
afterEach(() => {
  backend?.restore();
  backend = undefined;
  jest.useRealTimers();
});

const names = () => screen.queryAllByTestId('carrier-summary-card').map((el) => el.getAttribute('data-carrier-id'));

describe('carrier search state (pure)', () => {
  it('sends only the filters that are set, with the sort and page size', () => {
    expect(searchRequest('d1', DEFAULT_QUERY)).toEqual({ districtId: 'd1', sort: 'vacancy', limit: 20 });
    expect(
      searchRequest(
        'd1',
        { ...DEFAULT_QUERY, type: 'factory', keyword: ' 厂房 ', hasVacancy: true, industry: '先进制造', street: '金湾街道', minVacantArea: 500, maxVacantArea: 2000, maxPrice: 30, priceUnit: 'yuan_per_sqm_month', sort: 'price' },
        'c20',
      ),
    ).toEqual({
      districtId: 'd1',
      sort: 'price',
      limit: 20,
      type: 'factory',
      keyword: '厂房',
      hasVacancy: true,
      industry: '先进制造',
      street: '金湾街道',
      minVacantArea: 500,
      maxVacantArea: 2000,
      maxPrice: 30,
      priceUnit: 'yuan_per_sqm_month',
      cursor: 'c20',
    });
    // A ceiling without its unit means nothing (the backend refuses it): it is not sent.
    expect(searchRequest('d1', { ...DEFAULT_QUERY, type: 'factory', maxPrice: 30 })).toEqual({ districtId: 'd1', sort: 'vacancy', limit: 20, type: 'factory' });
  });

  it('appends a page without repeating a carrier already shown', () => {
    const first = someCarriers(3);
    const next = [first[2], ...someCarriers(2, 3)];
    expect(mergePage(first, next).map((c) => c.id)).toEqual(['carrier-000', 'carrier-001', 'carrier-002', 'carrier-003', 'carrier-004']);
  });

  it('counts the sheet filters and caches only plain views', () => {
    expect(activeFilterCount(DEFAULT_QUERY)).toBe(0);
    expect(activeFilterCount({ ...DEFAULT_QUERY, hasVacancy: true, minVacantArea: 100, maxVacantArea: 900 })).toBe(2);
    expect(listCacheKey('d1', { ...DEFAULT_QUERY, type: 'factory', sort: 'price' })).toBe('carriers:d1:factory:price');
    expect(listCacheKey('d1', { ...DEFAULT_QUERY, keyword: '厂房' })).toBeNull();
    expect(listCacheKey('d1', { ...DEFAULT_QUERY, hasVacancy: true })).toBeNull();
  });

  it('knows the price unit of a type only once its carriers agree on one', () => {
    const items: CarrierSummary[] = [aCarrier({ id: 'a', type: 'factory', priceUnit: 'yuan_per_sqm_month' }), aCarrier({ id: 'b', type: 'building', priceUnit: 'yuan_per_sqm_day' })];
    expect(priceUnitLabelFor(null, items)).toBeNull();
    expect(priceUnitLabelFor('factory', items)).toBe('元/㎡·月');
    expect(priceUnitLabelFor('heritage', items)).toBeNull();
  });
});

describe('carriers page', () => {
  it('shows skeletons, then the first page with vacancy freshness; stale figures are marked', async () => {
    const carriers = [aCarrier({ id: 'fresh', lastVerifiedAt: daysAgo(5) }), aCarrier({ id: 'old', name: '江北定制厂房', lastVerifiedAt: daysAgo(120) })];
    backend = installBackend({ 'carrier.search': () => ({ items: carriers, nextCursor: null }), 'card.get': () => aCardView() });
    render(<CarriersPage />);
    expect(screen.getByTestId('list-skeleton')).toBeTruthy();

    await waitFor(() => expect(names()).toEqual(['fresh', 'old']));
    const [fresh, old] = screen.getAllByTestId('carrier-verified');
    expect(fresh.textContent).toBe('空置面积核实于 5 天前');
    expect(old.textContent).toBe('空置面积核实于 120 天前 · 待更新');
    expect(old.className).toContain('--stale');
    expect(screen.getByTestId('list-end')).toBeTruthy();
    expect(backend.inputsOf('carrier.search')[0]).toEqual({ districtId: 'district_linjiang', sort: 'vacancy', limit: 20 });
  });

  it('filters by type tab, has-vacancy, and searches 厂房; each query starts from the first page', async () => {
    backend = installBackend({ 'carrier.search': pagedSearch(someCarriers(5)), 'card.get': () => aCardView() });
    render(<CarriersPage />);
    await waitFor(() => expect(names()).toHaveLength(5));

    fireEvent.click(screen.getByTestId('type-tab-factory'));
    await waitFor(() => expect(backend?.inputsOf('carrier.search').at(-1)).toMatchObject({ type: 'factory' }));

    fireEvent.click(screen.getByTestId('open-filters'));
    const sheet = screen.getByTestId('filter-sheet');
    fireEvent.click(within(sheet).getByTestId('filter-has-vacancy'));
    fireEvent.click(within(within(sheet).getByTestId('filter-industry')).getByText('生物医药'));
    fireEvent.click(within(sheet).getByTestId('filter-apply'));
    await waitFor(() => expect(backend?.inputsOf('carrier.search').at(-1)).toEqual({ districtId: 'district_linjiang', sort: 'vacancy', limit: 20, type: 'factory', hasVacancy: true, industry: '生物医药' }));
    expect(within(screen.getByTestId('active-filters')).getByText('有空置')).toBeTruthy();
    expect(screen.getByTestId('open-filters').textContent).toContain('筛选 · 2');

    fireEvent.change(screen.getByTestId('search-input'), { target: { value: '厂房' } });
    fireEvent.click(screen.getByTestId('search-submit'));
    await waitFor(() => expect(backend?.inputsOf('carrier.search').at(-1)).toMatchObject({ keyword: '厂房', type: 'factory', hasVacancy: true }));

    fireEvent.click(screen.getByTestId('sort-verified'));
    await waitFor(() => expect(backend?.inputsOf('carrier.search').at(-1)).toMatchObject({ sort: 'verified', keyword: '厂房' }));
    expect(backend.inputsOf('carrier.search').every((input) => input.cursor === undefined)).toBe(true);
  });

  it('sends a price ceiling with the unit of the chosen type, and drops both when the type changes', async () => {
    backend = installBackend({ 'carrier.search': pagedSearch(someCarriers(6)), 'card.get': () => aCardView() });
    render(<CarriersPage />);
    await waitFor(() => expect(names()).toHaveLength(6));
    fireEvent.click(screen.getByTestId('type-tab-factory'));
    await waitFor(() => expect(backend?.inputsOf('carrier.search').at(-1)).toMatchObject({ type: 'factory' }));
    fireEvent.click(screen.getByTestId('open-filters'));
    const sheet = screen.getByTestId('filter-sheet');
    fireEvent.input(within(sheet).getByTestId('filter-max-price'), { target: { value: '3.2' } });
    fireEvent.click(within(sheet).getByTestId('filter-apply'));
    await waitFor(() => expect(backend?.inputsOf('carrier.search').at(-1)).toMatchObject({ type: 'factory', maxPrice: 3.2, priceUnit: 'yuan_per_sqm_day' }));
    fireEvent.click(screen.getByTestId('type-tab-building'));
    await waitFor(() => expect(backend?.inputsOf('carrier.search').at(-1)).toEqual({ districtId: 'district_linjiang', sort: 'vacancy', limit: 20, type: 'building' }));
  });

  it('says that the price sort under 全部 groups by unit, and not within one type', async () => {
    backend = installBackend({ 'carrier.search': pagedSearch(someCarriers(3)), 'card.get': () => aCardView() });
    render(<CarriersPage />);
    await waitFor(() => expect(names()).toHaveLength(3));
    expect(screen.queryByTestId('price-sort-note')).toBeNull();
    fireEvent.click(screen.getByTestId('sort-price'));
    await waitFor(() => expect(backend?.inputsOf('carrier.search').at(-1)).toMatchObject({ sort: 'price' }));
    expect(screen.getByTestId('price-sort-note').textContent).toBe('按计价单位分组，组内从低到高：万元/亩、元/㎡·天、元/㎡·月');
    fireEvent.click(screen.getByTestId('type-tab-factory'));
    await waitFor(() => expect(backend?.inputsOf('carrier.search').at(-1)).toMatchObject({ type: 'factory', sort: 'price' }));
    expect(screen.queryByTestId('price-sort-note')).toBeNull();
  });

  it('searches by itself after the visitor stops typing', async () => {
    jest.useFakeTimers();
    backend = installBackend({ 'carrier.search': pagedSearch(someCarriers(2)), 'card.get': () => aCardView() });
    render(<CarriersPage />);
    await act(async () => {
      await jest.advanceTimersByTimeAsync(10);
    });
    fireEvent.change(screen.getByTestId('search-input'), { target: { value: '园区' } });
    expect(backend.inputsOf('carrier.search').some((input) => input.keyword)).toBe(false);
    await act(async () => {
      await jest.advanceTimersByTimeAsync(600);
    });
    expect(backend.inputsOf('carrier.search').at(-1)).toMatchObject({ keyword: '园区' });
  });

  it('appends pages on reach-bottom with the cursor, never twice for one page, and never duplicates', async () => {
    const all = someCarriers(45);
    // The second page repeats the first page's last carrier, as after a re-verification mid-scroll.
    const search = jest.fn((input: { cursor?: string }) => {
      if (input.cursor === 'c20') return { items: [all[19], ...all.slice(20, 39)], nextCursor: 'c39' };
      return pagedSearch(all)(input);
    });
    backend = installBackend({ 'carrier.search': search, 'card.get': () => aCardView() });
    render(<CarriersPage />);
    await waitFor(() => expect(names()).toHaveLength(20));

    await act(async () => {
      Taro.reachBottom.handler?.();
      Taro.reachBottom.handler?.();
    });
    await waitFor(() => expect(names()).toHaveLength(39));
    expect(search.mock.calls.filter(([input]) => input.cursor === 'c20')).toHaveLength(1);

    await act(async () => {
      Taro.reachBottom.handler?.();
    });
    await waitFor(() => expect(names()).toHaveLength(45));
    expect(new Set(names()).size).toBe(45);
    expect(screen.getByTestId('list-end').textContent).toContain('已显示全部');

    await act(async () => {
      Taro.reachBottom.handler?.();
    });
    expect(search).toHaveBeenCalledTimes(3);
  });

  it('drops the answer of a query the visitor has already left', async () => {
    let releaseSlow: (v: unknown) => void = () => undefined;
    backend = installBackend({
      'card.get': () => aCardView(),
      'carrier.search': (input: { type?: string }) =>
        input.type === 'factory'
          ? new Promise((resolve) => (releaseSlow = resolve))
          : { items: someCarriers(2, input.type === 'building' ? 200 : 100), nextCursor: null },
    });
    render(<CarriersPage />);
    await waitFor(() => expect(names()).toEqual(['carrier-100', 'carrier-101']));

    fireEvent.click(screen.getByTestId('type-tab-factory'));
    fireEvent.click(screen.getByTestId('type-tab-building'));
    await waitFor(() => expect(names()).toEqual(['carrier-200', 'carrier-201']));
    await act(async () => {
      releaseSlow({ items: someCarriers(7), nextCursor: null });
    });
    expect(names()).toEqual(['carrier-200', 'carrier-201']);
  });

  it('tells a failed page apart: error state with retry first, a retry footer later', async () => {
    let firstDown = true;
    let moreDown = true;
    backend = installBackend({
      'card.get': () => aCardView(),
      'carrier.search': (input: { cursor?: string }) => {
        if (!input.cursor && firstDown) {
          firstDown = false;
          return OFFLINE;
        }
        if (input.cursor && moreDown) {
          moreDown = false;
          return OFFLINE;
        }
        return pagedSearch(someCarriers(30))(input);
      },
    });
    render(<CarriersPage />);
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeTruthy();
    fireEvent.click(screen.getByTestId('retry-button'));
    await waitFor(() => expect(names()).toHaveLength(20));

    await act(async () => {
      Taro.reachBottom.handler?.();
    });
    expect(await screen.findByText('加载失败，点击重试')).toBeTruthy();
    fireEvent.click(screen.getByTestId('load-more'));
    await waitFor(() => expect(names()).toHaveLength(30));
  });

  it('says when nothing matches and clears the filters in one tap', async () => {
    backend = installBackend({
      'card.get': () => aCardView(),
      'carrier.search': (input: { keyword?: string }) => (input.keyword ? { items: [], nextCursor: null } : { items: someCarriers(3), nextCursor: null }),
    });
    render(<CarriersPage />);
    await waitFor(() => expect(names()).toHaveLength(3));
    fireEvent.change(screen.getByTestId('search-input'), { target: { value: '码头' } });
    fireEvent.click(screen.getByTestId('search-submit'));
    expect(await screen.findByText('没有找到符合条件的载体')).toBeTruthy();
    fireEvent.click(screen.getByTestId('empty-action'));
    await waitFor(() => expect(names()).toHaveLength(3));
    expect((screen.getByTestId('search-input') as HTMLInputElement).value).toBe('');
  });

  it('refreshes on pull-down and opens a carrier with the visit attached', async () => {
    backend = installBackend({ 'card.get': () => aCardView(), 'carrier.search': pagedSearch(someCarriers(3)) });
    render(<CarriersPage />);
    await waitFor(() => expect(names()).toHaveLength(3));
    await act(async () => {
      Taro.pageHandlers.pullDownRefresh?.();
    });
    await waitFor(() => expect(Taro.stopPullDownRefresh).toHaveBeenCalled());
    expect(backend.inputsOf('carrier.search')).toHaveLength(2);

    fireEvent.click(screen.getAllByTestId('carrier-summary-card')[1]);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/carrier-detail/index?carrierId=carrier-001&cardId=card_wang&s=Ab3dEf9hJk&channel=chat' });
  });

  it('offers the district key industries and the streets seen in the industry and street filters', async () => {
    backend = installBackend({ 'card.get': () => aCardView(), 'carrier.search': pagedSearch(someCarriers(4)) });
    render(<CarriersPage />);
    await waitFor(() => expect(names()).toHaveLength(4));
    fireEvent.click(screen.getByTestId('open-filters'));
    const industries = within(screen.getByTestId('filter-industry')).getAllByText(/.+/).map((el) => el.textContent);
    expect(industries).toEqual(['不限', '智能制造', '生物医药', '数字经济']);
    const streets = within(screen.getByTestId('filter-street')).getAllByText(/.+/).map((el) => el.textContent);
    expect(streets).toEqual(['不限', '金湾街道', '滨江街道', '青石街道']);
    expect(screen.getByText('不同类型载体计价单位不同，请先在上方选择载体类型')).toBeTruthy();
  });

  it('takes the district from the card when the link lacks it', async () => {
    Taro.setRouterParams({ cardId: 'card_wang' }, '/pages/carriers/index');
    backend = installBackend({ 'card.get': () => aCardView(), 'carrier.search': pagedSearch(someCarriers(1)) });
    render(<CarriersPage />);
    await waitFor(() => expect(names()).toHaveLength(1));
    expect(backend.inputsOf('carrier.search')[0]).toMatchObject({ districtId: 'district_linjiang' });
  });

  it('weak network: shows the device copy at once and a 离线数据 note when the refresh fails', async () => {
    // First visit online: the plain list is kept on the device.
    backend = installBackend({ 'card.get': () => aCardView(), 'carrier.search': pagedSearch(someCarriers(3)) });
    const first = render(<CarriersPage />);
    await waitFor(() => expect(names()).toHaveLength(3));
    first.unmount();
    backend.restore();

    // Next visit with the backend down.
    backend = installBackend({ 'card.get': () => OFFLINE, 'carrier.search': () => OFFLINE });
    render(<CarriersPage />);
    expect(names()).toHaveLength(3);
    expect(screen.queryByTestId('list-skeleton')).toBeNull();
    expect(await screen.findByTestId('offline-note')).toBeTruthy();
    expect(screen.getByText('离线数据')).toBeTruthy();
    expect(names()).toHaveLength(3);
  });

  it('a definite answer (district gone) replaces the device copy with the error', async () => {
    backend = installBackend({ 'card.get': () => aCardView(), 'carrier.search': pagedSearch(someCarriers(2)) });
    const first = render(<CarriersPage />);
    await waitFor(() => expect(names()).toHaveLength(2));
    first.unmount();
    backend.restore();

    backend = installBackend({
      'card.get': () => aCardView(),
      'carrier.search': () => {
        throw new ActionFailure('DISTRICT.NOT_FOUND', '未找到该区域的招商名片');
      },
    });
    render(<CarriersPage />);
    expect(await screen.findByText('未找到该区域的招商名片')).toBeTruthy();
    expect(names()).toHaveLength(0);
  });
});
