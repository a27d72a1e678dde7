import { render, screen } from '@testing-library/react';
import InboxPage from '../../../src/staff/inbox/index';
import { aStaffLead, fakeBackend, type FakeBackend, type Handler } from '../support/lead-loop-backend';
import * as Taro from '../support/lead-loop-taro';

jest.mock('@tarojs/taro', () => require('../support/lead-loop-taro'));
jest.mock('@tarojs/components', () => require('../support/lead-loop-components'));

const who = (roles: string[]) => ({ kind: 'staff', staff: { staffId: 'staff_shen', name: '沈观澜', districtId: 'district_linjiang', unitId: 'unit_park', roles, cardId: null } });
const COUNTS = { mine: 0, unit: 0, pool: 0, referred: 0, participating: 0 };

let backend: FakeBackend | undefined;
const useBackend = (roles: string[], inbox: Handler): FakeBackend => {
  backend = fakeBackend({ 'session.whoami': () => who(roles), 'lead.inbox': inbox });
  return backend;
};

beforeEach(() => {
  Taro.resetLeadLoopTaro();
  Taro.setRouterParams({}, '/staff/inbox/index');
});
afterEach(() => {
  backend?.restore();
  backend = undefined;
});

describe('staff inbox: 我参与的', () => {
  it('a carrier manager brought into a lead lands on 我参与的 and finds it there, contact masked', async () => {
    const api = useBackend(['carrier_manager'], (input) =>
      input.tab === 'participating'
        ? { items: [aStaffLead({ id: 'ld_factory', contactName: '李**', phoneMasked: null, carrierName: '南岭工业坊' })], nextCursor: null, counts: { ...COUNTS, participating: 1 } }
        : { items: [], nextCursor: null, counts: { ...COUNTS, participating: 1 } },
    );
    render(<InboxPage />);
    expect((await screen.findByTestId('tab-participating')).textContent).toContain('我参与的');
    expect(await screen.findByText('李**')).toBeTruthy();
    expect(api.inputs('lead.inbox').map((i) => i.tab)).toEqual(['mine', 'participating']);
    expect(screen.getByTestId('tab-participating').getAttribute('aria-selected')).toBe('true');
    expect(screen.getByTestId('tab-participating-count').textContent).toBe('1');
  });

  it('a carrier manager with nothing yet sees the tab with an empty state that says what will appear', async () => {
    useBackend(['carrier_manager'], () => ({ items: [], nextCursor: null, counts: COUNTS }));
    render(<InboxPage />);
    expect(await screen.findByTestId('tab-participating')).toBeTruthy();
  });

  it('is not shown to staff who take part in no lead', async () => {
    useBackend(['commissioner'], () => ({ items: [], nextCursor: null, counts: COUNTS }));
    render(<InboxPage />);
    await screen.findByTestId('tab-mine-count');
    expect(screen.queryByTestId('tab-participating')).toBeNull();
  });
});
