import { act, fireEvent, render, screen, within } from '@testing-library/react';
import type { InvestorPrivacyRequest } from '../../../domain/api/privacy.contracts';
import MyLeadsPage from '../../../src/inquiry/my-leads/index';
import { anInvestorLead, fakeBackend, type FakeBackend } from '../support/lead-loop-backend';
import * as Taro from '../support/lead-loop-taro';

jest.mock('@tarojs/taro', () => require('../support/lead-loop-taro'));
jest.mock('@tarojs/components', () => require('../support/lead-loop-components'));

let backend: FakeBackend | undefined;
beforeEach(() => {
  Taro.resetLeadLoopTaro();
  Taro.setRouterParams({ cardId: 'card_wang' }, '/inquiry/my-leads/index');
});
afterEach(() => {
  backend?.restore();
  backend = undefined;
});

const aRequest = (overrides: Partial<InvestorPrivacyRequest> = {}): InvestorPrivacyRequest => ({
  id: 'pr_1',
  kind: 'erase',
  scope: 'all',
  leadCount: 2,
  status: 'pending',
  requestedAt: '2026-03-02T02:00:00.000Z',
  dueAt: '2026-03-17T02:00:00.000Z',
  answeredAt: null,
  answerNote: null,
  overdue: false,
  ...overrides,
});

const leadBlock = (id: string) => (screen.getAllByTestId('my-lead').find((el) => el.getAttribute('data-lead-id') === id) as HTMLElement).parentElement as HTMLElement;

describe('我的咨询: personal data rights', () => {
  it('withdraws consent for one inquiry after confirming, then shows it withdrawn; cancelling sends nothing', async () => {
    let withdrawn = false;
    backend = fakeBackend({
      'lead.mine': () => ({ items: [anInvestorLead({ id: 'a', consentWithdrawn: withdrawn }), anInvestorLead({ id: 'b' })] }),
      'privacy.mine': () => ({ items: withdrawn ? [aRequest({ kind: 'withdraw_consent', scope: 'lead', leadCount: 1 })] : [] }),
      'privacy.request': () => {
        withdrawn = true;
        return { requests: [aRequest({ kind: 'withdraw_consent', scope: 'lead', leadCount: 1 })], created: true };
      },
    });
    render(<MyLeadsPage />);
    await screen.findByTestId('my-leads');

    await act(async () => {
      fireEvent.click(within(leadBlock('a')).getByTestId('privacy-withdraw'));
    });
    // The default fake answers «cancel»: nothing is sent.
    expect(backend.inputs('privacy.request')).toHaveLength(0);

    Taro.showModal.mockImplementationOnce(() => Promise.resolve({ confirm: true, cancel: false, errMsg: 'showModal:ok' }));
    await act(async () => {
      fireEvent.click(within(leadBlock('a')).getByTestId('privacy-withdraw'));
    });
    expect(backend.inputs('privacy.request')).toEqual([{ kind: 'withdraw_consent', leadId: 'a' }]);
    expect((await within(leadBlock('a')).findByTestId('consent-withdrawn')).textContent).toBe('已撤回同意 · 工作人员不再联系您');
    expect(within(leadBlock('b')).queryByTestId('consent-withdrawn')).toBeNull();
    const [row] = screen.getAllByTestId('privacy-request');
    expect(row.textContent).toContain('撤回同意 · 一条咨询');
    expect(row.textContent).toContain('处理中');
  });

  it('asks to erase all inquiries and shows the request with its due date; an overdue one says so', async () => {
    backend = fakeBackend({
      'lead.mine': () => ({ items: [anInvestorLead({ id: 'a' })] }),
      'privacy.mine': (_input, n) => ({ items: n === 0 ? [] : [aRequest({ overdue: true })] }),
      'privacy.request': () => ({ requests: [aRequest()], created: true }),
    });
    render(<MyLeadsPage />);
    await screen.findByTestId('my-leads');
    Taro.showModal.mockImplementationOnce(() => Promise.resolve({ confirm: true, cancel: false, errMsg: 'showModal:ok' }));
    await act(async () => {
      fireEvent.click(screen.getByTestId('privacy-erase-all'));
    });
    expect(backend.inputs('privacy.request')).toEqual([{ kind: 'erase' }]);
    const row = await screen.findByTestId('privacy-request');
    expect(row.textContent).toContain('删除个人信息 · 全部咨询（2 条）');
    expect(row.textContent).toContain('前处理');
    expect(row.textContent).toContain('已超期');
  });

  it('after an erasure, with no inquiries left, still shows the answered request and its note', async () => {
    backend = fakeBackend({
      'lead.mine': () => ({ items: [] }),
      'privacy.mine': () => ({ items: [aRequest({ status: 'done', answeredAt: '2026-03-05T02:00:00.000Z', answerNote: '已删除' })] }),
    });
    render(<MyLeadsPage />);
    await screen.findByText('还没有咨询记录');
    const row = screen.getByTestId('privacy-request');
    expect(row.getAttribute('data-status')).toBe('done');
    expect(row.textContent).toContain('已完成');
    expect(row.textContent).toContain('答复：已删除');
    // Nothing left to ask about: no buttons that would only fail.
    expect(screen.queryByTestId('privacy-erase-all')).toBeNull();
  });

  it('shows a refusal of the request in Chinese', async () => {
    backend = fakeBackend({
      'lead.mine': () => ({ items: [anInvestorLead({ id: 'a' })] }),
      'privacy.mine': () => ({ items: [] }),
      'privacy.request': () => ({ fail: { code: 'PRIVACY.NOTHING_TO_REQUEST', message: '没有可以处理的咨询' } }),
    });
    render(<MyLeadsPage />);
    await screen.findByTestId('my-leads');
    Taro.showModal.mockImplementationOnce(() => Promise.resolve({ confirm: true, cancel: false, errMsg: 'showModal:ok' }));
    await act(async () => {
      fireEvent.click(screen.getByTestId('privacy-withdraw-all'));
    });
    expect((await screen.findByTestId('privacy-error')).textContent).toBe('没有可以处理的咨询');
  });
});
