import { fireEvent, render, screen } from '@testing-library/react';
import InboxPage from '../../../src/staff/inbox/index';
import { fakeBackend, type FakeBackend } from '../support/lead-loop-backend';
import * as Taro from '../support/lead-loop-taro';

jest.mock('@tarojs/taro', () => require('../support/lead-loop-taro'));
jest.mock('@tarojs/components', () => require('../support/lead-loop-components'));

const who = (roles: string[]) => ({ kind: 'staff', staff: { staffId: 's', name: '许安然', districtId: 'd', unitId: 'u', roles, cardId: null } });
const EMPTY = { items: [], nextCursor: null, counts: { mine: 0, unit: 0, pool: 0, referred: 0, participating: 0 } };

let backend: FakeBackend | undefined;
beforeEach(() => {
  Taro.resetLeadLoopTaro();
  Taro.setRouterParams({}, '/staff/inbox/index');
});
afterEach(() => backend?.restore());

describe('the workspace’s entry to 管理', () => {
  it.each([['admin'], ['unit_leader'], ['city_admin'], ['carrier_manager']])('is shown to a %s and opens the admin home', async (role) => {
    backend = fakeBackend({ 'session.whoami': () => who(['staff', role]), 'lead.inbox': () => EMPTY });
    render(<InboxPage />);
    fireEvent.click(await screen.findByTestId('inbox-admin-entry'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/admin/home/index' });
  });

  it('is hidden from staff without an office role', async () => {
    backend = fakeBackend({ 'session.whoami': () => who(['staff', 'commissioner']), 'lead.inbox': () => EMPTY });
    render(<InboxPage />);
    await screen.findByTestId('inbox');
    await screen.findByText('许安然');
    expect(screen.queryByTestId('inbox-admin-entry')).toBeNull();
  });
});
