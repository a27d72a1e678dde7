import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { aCardView, aCarrier } from '../support/card-view.mother';
import { installBackend } from '../support/journey-backend';
import * as Taro from '../support/journey-taro';

jest.mock('@tarojs/taro', () => require('../support/journey-taro'));

const CarriersPage = (require('../../../src/pages/carriers/index') as typeof import('../../../src/pages/carriers/index')).default;

let backend: ReturnType<typeof installBackend> | undefined;
beforeEach(() => {
  Taro.resetJourneyMock({ districtId: 'district_linjiang' }, '/pages/carriers/index');
});
afterEach(() => {
  backend?.restore();
  backend = undefined;
});

describe('carrier list result count', () => {
  it('shows how many carriers match in all, and says when a keyword was read as a carrier type', async () => {
    const park = aCarrier({ id: 'park-1', type: 'industrial_park', name: '临江智造产业园' });
    backend = installBackend({
      'carrier.search': (input) =>
        (input as { keyword?: string }).keyword === '园区'
          ? { items: [park], nextCursor: null, total: 1, keywordType: 'industrial_park' }
          : { items: [aCarrier({ id: 'a' }), aCarrier({ id: 'b' })], nextCursor: 'c2', total: 37, keywordType: null },
      'card.get': () => aCardView(),
    });
    render(<CarriersPage />);
    await waitFor(() => expect(screen.getByTestId('carrier-count').textContent).toBe('共 37 个载体'));

    fireEvent.change(screen.getByTestId('search-input'), { target: { value: '园区' } });
    fireEvent.click(screen.getByTestId('search-submit'));
    await waitFor(() => expect(screen.getByTestId('carrier-count').textContent).toBe('「园区」按产业园查找，共 1 个载体'));
  });

  it('shows no count when the backend gives none (an older function)', async () => {
    backend = installBackend({ 'carrier.search': () => ({ items: [aCarrier({ id: 'a' })], nextCursor: null }), 'card.get': () => aCardView() });
    render(<CarriersPage />);
    await waitFor(() => expect(screen.queryAllByTestId('carrier-summary-card')).toHaveLength(1));
    expect(screen.queryByTestId('carrier-count')).toBeNull();
  });
});
