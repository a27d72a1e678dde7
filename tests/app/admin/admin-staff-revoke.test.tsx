import { act, fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import StaffPage from '../../../src/admin/staff/index';
import { fakeBackend, type FakeBackend, type Handler } from '../support/lead-loop-backend';
import * as TaroMock from '../support/taro-mock';

type Storage = { getStorageSync: jest.Mock; setStorageSync: jest.Mock; removeStorageSync?: jest.Mock };
const storage = Taro as unknown as Storage;
let backend: FakeBackend | undefined;
const use = (handlers: Record<string, Handler>) => (backend = fakeBackend(handlers));

beforeEach(() => {
  TaroMock.resetTaroMock();
  const saved = new Map<string, unknown>();
  storage.getStorageSync = jest.fn((k: string) => saved.get(k) ?? '');
  storage.setStorageSync = jest.fn((k: string, v: unknown) => saved.set(k, v));
  storage.removeStorageSync = jest.fn((k: string) => saved.delete(k));
});
afterEach(() => {
  backend?.restore();
  backend = undefined;
});

const person = (id: string, name: string, status = 'active') => ({ id, name, title: '专员', unitId: 'unit-invest', roles: ['commissioner'], status, phone: '1', invitePending: false, inviteExpiresAt: null, inviteExpired: false });
const ORG = {
  districtId: 'd', canEditDistrict: true, manageableUnitIds: ['unit-invest'], grantableRoles: ['staff'],
  units: [{ id: 'unit-invest', name: '投资促进局', kind: 'investment_bureau', isEconomic: true, leaderStaffId: null, parentUnitId: null }],
  teams: [], rota: [],
  staff: [person('staff-head', '林致远'), person('staff-zhou', '周若岚'), person('staff-gone', '何以宁', 'revoked')],
};
const REVOKED = { staffId: 'staff-head', status: 'revoked', cardSuccessorStaffId: 'staff-zhou', cardIds: ['card-staff-head'] };

const openRevoke = async () => {
  render(<StaffPage />);
  await screen.findByTestId('staff-list');
  fireEvent.click(screen.getByTestId('revoke-staff-head'));
  return screen.getByTestId('revoke-panel');
};

describe('停用账号 with a successor for the person’s cards', () => {
  it('offers active colleagues only, and sends the chosen one', async () => {
    const api = use({ 'admin.org.get': () => ORG, 'admin.staff.revoke': () => REVOKED });
    const panel = await openRevoke();
    const chips = within(within(panel).getByTestId('revoke-successor'));
    // Neither the person revoked nor someone already revoked can answer the cards.
    expect(chips.queryByText('林致远')).toBeNull();
    expect(chips.queryByText('何以宁')).toBeNull();
    fireEvent.click(chips.getByText('周若岚'));
    await act(async () => {
      fireEvent.click(screen.getByTestId('revoke-confirm'));
    });
    expect(api.inputs('admin.staff.revoke')).toEqual([{ staffId: 'staff-head', cardSuccessorStaffId: 'staff-zhou' }]);
    expect(screen.queryByTestId('revoke-panel')).toBeNull();
  });

  it('leaves the choice to the server by default, and a cancel sends nothing', async () => {
    const api = use({ 'admin.org.get': () => ORG, 'admin.staff.revoke': () => REVOKED });
    await openRevoke();
    fireEvent.click(screen.getByTestId('revoke-cancel'));
    expect(screen.queryByTestId('revoke-panel')).toBeNull();
    expect(api.inputs('admin.staff.revoke')).toEqual([]);
    fireEvent.click(screen.getByTestId('revoke-staff-head'));
    await act(async () => {
      fireEvent.click(screen.getByTestId('revoke-confirm'));
    });
    expect(api.inputs('admin.staff.revoke')).toEqual([{ staffId: 'staff-head' }]);
  });

  it('keeps the panel open with the reason when the server refuses', async () => {
    use({ 'admin.org.get': () => ORG, 'admin.staff.revoke': () => ({ fail: { code: 'ADMIN.STAFF_INACTIVE', message: '接手人未在岗', fields: ['cardSuccessorStaffId'] } }) });
    await openRevoke();
    await act(async () => {
      fireEvent.click(screen.getByTestId('revoke-confirm'));
    });
    expect(screen.getByTestId('revoke-panel')).toBeTruthy();
    expect(screen.getByTestId('revoke-error').textContent).toBe('接手人未在岗');
  });
});
