import { act, fireEvent, render, screen, within } from '@testing-library/react';
import MyLeadsPage from '../../../src/inquiry/my-leads/index';
import { anInvestorLead, fakeBackend, type FakeBackend, type Handler } from '../support/lead-loop-backend';
import * as Taro from '../support/lead-loop-taro';

jest.mock('@tarojs/taro', () => require('../support/lead-loop-taro'));
jest.mock('@tarojs/components', () => require('../support/lead-loop-components'));

let backend: FakeBackend | undefined;
const useBackend = (mine: Handler): FakeBackend => {
  backend = fakeBackend({ 'lead.mine': mine, 'privacy.mine': () => ({ items: [] }) });
  return backend;
};

beforeEach(() => {
  Taro.resetLeadLoopTaro();
  Taro.setRouterParams({ cardId: 'card_wang' }, '/inquiry/my-leads/index');
});
afterEach(() => {
  backend?.restore();
  backend = undefined;
});

const leadCard = (id: string) => screen.getAllByTestId('my-lead').find((el) => el.getAttribute('data-lead-id') === id) as HTMLElement;

describe('我的咨询', () => {
  it('lists each inquiry with its status, whether the promise held, the handler and the reply thread', async () => {
    useBackend(() => ({
      items: [
        anInvestorLead({
          id: 'kept',
          status: 'contacted',
          carrierName: '临江智能制造产业园',
          firstRespondedAt: '2026-03-02T05:00:00.000Z',
          promiseKept: true,
          replies: [{ at: '2026-03-02T05:00:00.000Z', staffName: '李晓雯', text: '您好，已为您预约下周二看园区。' }],
        }),
        anInvestorLead({ id: 'late', status: 'site_visit', firstRespondedAt: '2026-03-04T02:00:00.000Z', promiseKept: false, replies: [{ at: '2026-03-04T02:00:00.000Z', staffName: '周若岚', text: '抱歉回复晚了。' }] }),
        anInvestorLead({ id: 'overdue', promiseKept: false, handlerName: null }),
        anInvestorLead({ id: 'waiting', promiseKept: null, message: '' }),
      ],
    }));
    render(<MyLeadsPage />);
    await screen.findByTestId('my-leads');

    const kept = leadCard('kept');
    expect(within(kept).getByTestId('status-badge').textContent).toBe('已联系');
    expect(within(kept).getByTestId('promise-state').textContent).toBe('已按时回复');
    expect(within(kept).getByText('临江智能制造产业园')).toBeTruthy();
    expect(within(kept).getByTestId('handler-name').textContent).toBe('李晓雯');
    const thread = within(kept).getAllByTestId('thread-message').map((m) => m.textContent);
    expect(thread[0]).toMatch(/我的留言.*想了解生物医药产业园的租金政策。/);
    expect(thread[1]).toMatch(/李晓雯.*您好，已为您预约下周二看园区。/);
    expect(within(kept).queryByTestId('awaiting-reply')).toBeNull();

    const late = leadCard('late');
    expect(within(late).getByTestId('status-badge').textContent).toBe('实地考察');
    expect(within(late).getByTestId('promise-state').textContent).toBe('超时回复');

    const overdue = leadCard('overdue');
    expect(within(overdue).getByTestId('promise-state').textContent).toBe('超时未回复');
    expect(within(overdue).getByTestId('handler-name').textContent).toBe('正在为您安排专员');
    expect(within(overdue).getByTestId('awaiting-reply')).toBeTruthy();

    const waiting = leadCard('waiting');
    expect(within(waiting).getByTestId('promise-state').textContent).toBe('等待回复中');
    expect(within(waiting).queryAllByTestId('thread-message')).toHaveLength(0);
    expect(screen.getByText('2 条已收到回复')).toBeTruthy();
  });

  it('shows an empty state that leads back to the card', async () => {
    useBackend(() => ({ items: [] }));
    render(<MyLeadsPage />);
    expect(await screen.findByText('还没有咨询记录')).toBeTruthy();
    fireEvent.click(screen.getByTestId('empty-action'));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/card/index?cardId=card_wang' });
  });

  it('goes one step back when the card is the page below', async () => {
    Taro.pagesBelow.push('pages/card/index');
    useBackend(() => ({ items: [] }));
    render(<MyLeadsPage />);
    fireEvent.click(await screen.findByTestId('empty-action'));
    expect(Taro.navigateBack).toHaveBeenCalledWith({ delta: 1 });
    expect(Taro.redirectTo).not.toHaveBeenCalled();
  });

  it('refreshes on pull-down and when shown again', async () => {
    const api = useBackend((_i, n) => ({ items: n === 0 ? [] : [anInvestorLead({ replies: [{ at: '2026-03-02T05:00:00.000Z', staffName: '李晓雯', text: '已回复' }], promiseKept: true })] }));
    render(<MyLeadsPage />);
    await screen.findByText('还没有咨询记录');
    await act(async () => {
      Taro.pageHandlers.pullDownRefresh?.();
    });
    expect(await screen.findByText('已回复')).toBeTruthy();
    expect(Taro.stopPullDownRefresh).toHaveBeenCalled();

    await act(async () => {
      Taro.handlers.didShow?.(); // first show: the mount already loaded
      Taro.handlers.didShow?.();
    });
    expect(api.inputs('lead.mine')).toHaveLength(3);
  });

  it('explains in Chinese when the list cannot be loaded, and retries', async () => {
    useBackend((_i, n) => (n === 0 ? { fail: { code: 'AUTH.SIGN_IN_REQUIRED', message: '请在小程序中打开后再操作' } } : { items: [] }));
    render(<MyLeadsPage />);
    expect(await screen.findByText('请在小程序中打开后再操作')).toBeTruthy();
    fireEvent.click(screen.getByTestId('retry-button'));
    expect(await screen.findByText('还没有咨询记录')).toBeTruthy();
  });
});

describe('我的咨询: claiming a web inquiry', () => {
  it('takes the code from a claim link, claims it, then shows the inquiry; a bad code says why and sends nothing', async () => {
    Taro.setRouterParams({ cardId: 'card_wang', claim: 'abcde-23456' }, '/inquiry/my-leads/index');
    let claimed = false;
    backend = fakeBackend({
      'privacy.mine': () => ({ items: [] }),
      'lead.mine': () => ({ items: claimed ? [anInvestorLead({ id: 'from-web' })] : [] }),
      'lead.claim': () => {
        claimed = true;
        return { leadId: 'from-web' };
      },
    });
    render(<MyLeadsPage />);
    await screen.findByText('还没有咨询记录');
    const input = screen.getByTestId('claim-lead').querySelector('input') as HTMLInputElement;
    expect(input.value).toBe('abcde-23456');
    await act(async () => {
      fireEvent.click(screen.getByTestId('claim-submit'));
    });
    expect(backend.inputs('lead.claim')).toEqual([{ code: 'abcde-23456' }]);
    await screen.findByTestId('claim-done');
    expect(screen.getAllByTestId('my-lead').map((el) => el.getAttribute('data-lead-id'))).toEqual(['from-web']);

    fireEvent.change(screen.getByTestId('claim-lead').querySelector('input') as HTMLInputElement, { target: { value: 'O0O0O' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('claim-submit'));
    });
    expect(screen.getByTestId('claim-error').textContent).toBe('认领码为 10 位字母和数字，如 ABCDE-FGHJK');
    expect(backend.inputs('lead.claim')).toHaveLength(1);
  });

  it('shows the function’s refusal of a used code in Chinese', async () => {
    backend = fakeBackend({ 'lead.mine': () => ({ items: [] }), 'privacy.mine': () => ({ items: [] }), 'lead.claim': () => ({ fail: { code: 'LEAD.CLAIM_USED', message: '该认领码已被使用', fields: ['code'] } }) });
    render(<MyLeadsPage />);
    await screen.findByText('还没有咨询记录');
    fireEvent.change(screen.getByTestId('claim-lead').querySelector('input') as HTMLInputElement, { target: { value: 'ABCDE-23456' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('claim-submit'));
    });
    expect((await screen.findByTestId('claim-error')).textContent).toBe('该认领码已被使用');
  });
});
