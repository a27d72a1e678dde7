import { act, fireEvent, render, renderHook, screen, waitFor } from '@testing-library/react';
import { AccountLinks } from '../../../src/components/account-links';
import { useSession } from '../../../src/hooks/use-session';
import BindPage from '../../../src/staff/bind/index';
import { fakeBackend, type FakeBackend, type Handler } from '../support/lead-loop-backend';
import * as Taro from '../support/lead-loop-taro';

jest.mock('@tarojs/taro', () => require('../support/lead-loop-taro'));
jest.mock('@tarojs/components', () => require('../support/lead-loop-components'));

let backend: FakeBackend | undefined;
const useBackend = (handlers: Record<string, Handler>): FakeBackend => {
  backend = fakeBackend(handlers);
  return backend;
};

beforeEach(() => {
  Taro.resetLeadLoopTaro();
});
afterEach(() => {
  backend?.restore();
  backend = undefined;
});

describe('staff bind page', () => {
  it('takes the 8-character invite code as typed (any case, spaces) and binds', async () => {
    const api = useBackend({ 'staff.bindInvite': () => ({ staffId: 'staff_he', name: '何以宁' }) });
    render(<BindPage />);
    const input = screen.getByTestId('invite-code');
    fireEvent.change(input, { target: { value: 'demo 2026' } });
    expect((input as HTMLInputElement).value).toBe('DEMO2026');
    await act(async () => {
      fireEvent.click(screen.getByTestId('bind-submit'));
    });
    expect(api.inputs('staff.bindInvite')).toEqual([{ inviteCode: 'DEMO2026' }]);
    expect(screen.getByText(/欢迎您，何以宁/)).toBeTruthy();
    fireEvent.click(screen.getByTestId('open-workspace'));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/staff/inbox/index' });
  });

  it('explains a short code locally and a refused one in the backend’s words', async () => {
    const api = useBackend({ 'staff.bindInvite': () => ({ fail: { code: 'AUTH.INVITE_INVALID', message: '邀请码无效或已被使用' } }) });
    render(<BindPage />);
    fireEvent.change(screen.getByTestId('invite-code'), { target: { value: 'ABC' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('bind-submit'));
    });
    expect(screen.getByTestId('bind-error').textContent).toBe('邀请码为 8 位字母或数字，请核对后输入');
    expect(api.inputs('staff.bindInvite')).toHaveLength(0);

    fireEvent.change(screen.getByTestId('invite-code'), { target: { value: 'ZZZZ9999' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('bind-submit'));
    });
    expect(screen.getByTestId('bind-error').textContent).toBe('邀请码无效或已被使用');
  });
});

describe('account links for the card footer', () => {
  const handlers = () => ({ onOpenMyLeads: jest.fn(), onOpenWorkspace: jest.fn(), onBindStaff: jest.fn() });

  it('shows nothing to an anonymous visitor', () => {
    const { container } = render(<AccountLinks kind="anonymous" {...handlers()} />);
    expect(container.innerHTML).toBe('');
  });

  it('offers 我的咨询 and the invite-code entry to an investor', () => {
    const h = handlers();
    render(<AccountLinks kind="investor" {...h} />);
    expect(screen.queryByTestId('account-link-workspace')).toBeNull();
    fireEvent.click(screen.getByTestId('account-link-my-leads'));
    fireEvent.click(screen.getByTestId('account-link-bind'));
    expect(h.onOpenMyLeads).toHaveBeenCalledTimes(1);
    expect(h.onBindStaff).toHaveBeenCalledTimes(1);
  });

  it('offers 工作台 first to staff', () => {
    const h = handlers();
    render(<AccountLinks kind="staff" {...h} />);
    const links = screen.getAllByTestId(/^account-link-/).map((el) => el.getAttribute('data-testid'));
    expect(links).toEqual(['account-link-workspace', 'account-link-my-leads']);
    fireEvent.click(screen.getByTestId('account-link-workspace'));
    expect(h.onOpenWorkspace).toHaveBeenCalledTimes(1);
  });
});

describe('useSession', () => {
  it('reports staff from session.whoami and opens their pages', async () => {
    useBackend({
      'session.whoami': () => ({ kind: 'staff', staff: { staffId: 'staff_li', name: '李晓雯', districtId: 'd1', unitId: 'u1', roles: ['commissioner'], cardId: 'card_li' } }),
    });
    const { result } = renderHook(() => useSession());
    expect(result.current.kind).toBe('anonymous');
    await waitFor(() => expect(result.current.status).toBe('ready'));
    expect(result.current.kind).toBe('staff');
    expect(result.current.staff?.name).toBe('李晓雯');
    result.current.openWorkspace();
    result.current.openMyLeads('card_li');
    result.current.openStaffBind();
    expect(Taro.navigateTo).toHaveBeenNthCalledWith(1, { url: '/staff/inbox/index' });
    expect(Taro.navigateTo).toHaveBeenNthCalledWith(2, { url: '/inquiry/my-leads/index?cardId=card_li' });
    expect(Taro.navigateTo).toHaveBeenNthCalledWith(3, { url: '/staff/bind/index' });
  });

  it('counts a failed call as anonymous, so no account links show', async () => {
    useBackend({ 'session.whoami': () => new TypeError('offline') });
    const { result } = renderHook(() => useSession());
    await waitFor(() => expect(result.current.status).toBe('ready'));
    expect(result.current.kind).toBe('anonymous');
  });
});
