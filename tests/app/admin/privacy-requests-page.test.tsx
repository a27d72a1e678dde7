import { act, fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { OfficePrivacyRequest } from '../../../domain/api/privacy.contracts';
import PrivacyRequestsPage from '../../../src/admin/privacy/index';
import { fakeBackend, type FakeBackend, type Handler } from '../support/lead-loop-backend';
import * as TaroMock from '../support/taro-mock';

type Modal = { showModal: jest.Mock };
let backend: FakeBackend | undefined;
const use = (handlers: Record<string, Handler>) => (backend = fakeBackend(handlers));

beforeEach(() => {
  TaroMock.resetTaroMock();
  (Taro as unknown as Modal).showModal = jest.fn(() => Promise.resolve({ confirm: true, cancel: false }));
});
afterEach(() => {
  backend?.restore();
  backend = undefined;
});

const aRequest = (overrides: Partial<OfficePrivacyRequest> = {}): OfficePrivacyRequest => ({
  id: 'pr_1',
  kind: 'erase',
  scope: 'all',
  status: 'pending',
  requestedAt: '2026-11-01T02:00:00.000Z',
  dueAt: '2026-11-16T02:00:00.000Z',
  answeredAt: null,
  answeredByName: null,
  answerNote: null,
  overdue: true,
  leads: [
    { id: 'ld_1', status: 'contacted', industry: '人工智能', createdAt: '2026-10-20T02:00:00.000Z', anonymised: false },
    { id: 'ld_2', status: 'new', industry: '生物医药', createdAt: '2026-10-21T02:00:00.000Z', anonymised: false },
  ],
  ...overrides,
});
const LIST = { pending: 1, overdue: 1, answerDays: 15, retentionDays: 730 };

describe('个人信息请求 (office)', () => {
  it('lists requests with the district’s periods, marks the overdue one, and erases after confirming', async () => {
    let answered = false;
    use({
      'admin.privacy.list': () => ({ ...LIST, items: [answered ? aRequest({ status: 'done', overdue: false, answeredAt: '2026-11-20T02:00:00.000Z', answeredByName: '许安然', answerNote: '已删除' }) : aRequest()] }),
      'admin.privacy.answer': () => {
        answered = true;
        return { requestId: 'pr_1', status: 'done', anonymised: 2 };
      },
    });
    render(<PrivacyRequestsPage />);
    await screen.findByTestId('admin-privacy');
    expect(screen.getByTestId('admin-privacy').textContent).toContain('本区承诺 15 日内答复；已结束的咨询保存 2 年后自动匿名化。待处理 1 件，其中 1 件已超期。');
    const row = screen.getByTestId('privacy-request-row');
    expect(row.getAttribute('data-overdue')).toBe('true');
    expect(row.textContent).toContain('删除个人信息 · 全部咨询（2 条）');
    expect(row.textContent).toContain('已超期');
    expect(row.textContent).toContain('人工智能投资咨询 · 已联系');

    fireEvent.change(within(row).getByTestId('privacy-note-input'), { target: { value: '已删除' } });
    await act(async () => {
      fireEvent.click(within(row).getByTestId('privacy-erase-done'));
    });
    expect((Taro as unknown as Modal).showModal).toHaveBeenCalled();
    expect(backend?.inputs('admin.privacy.answer')).toEqual([{ requestId: 'pr_1', decision: 'done', note: '已删除' }]);
    const after = await screen.findByText(/答复：已删除/);
    expect(after).toBeTruthy();
    expect(screen.getByTestId('privacy-request-row').getAttribute('data-status')).toBe('done');
    expect(screen.queryByTestId('privacy-erase-done')).toBeNull();
  });

  it('does not erase when the admin cancels, and shows the backend’s refusal', async () => {
    (Taro as unknown as Modal).showModal = jest.fn(() => Promise.resolve({ confirm: false, cancel: true }));
    use({
      'admin.privacy.list': () => ({ ...LIST, items: [aRequest()] }),
      'admin.privacy.answer': () => ({ fail: { code: 'ADMIN.INVALID_VALUE', message: '填写的内容不符合要求，请检查', fields: ['note'] } }),
    });
    render(<PrivacyRequestsPage />);
    await screen.findByTestId('admin-privacy');
    await act(async () => {
      fireEvent.click(screen.getByTestId('privacy-erase-done'));
    });
    expect(backend?.inputs('admin.privacy.answer')).toEqual([]);
    await act(async () => {
      fireEvent.click(screen.getByTestId('privacy-refuse'));
    });
    expect(backend?.inputs('admin.privacy.answer')).toEqual([{ requestId: 'pr_1', decision: 'refused', note: '' }]);
    expect((await screen.findByTestId('privacy-answer-error')).textContent).toBe('填写的内容不符合要求，请检查');
  });

  it('confirms a withdrawal in one tap', async () => {
    use({ 'admin.privacy.list': () => ({ ...LIST, pending: 1, overdue: 0, items: [aRequest({ kind: 'withdraw_consent', scope: 'lead', overdue: false, leads: [aRequest().leads[0]] })] }), 'admin.privacy.answer': () => ({ requestId: 'pr_1', status: 'done', anonymised: 0 }) });
    render(<PrivacyRequestsPage />);
    await screen.findByTestId('admin-privacy');
    await act(async () => {
      fireEvent.click(screen.getByTestId('privacy-withdraw-done'));
    });
    expect(backend?.inputs('admin.privacy.answer')).toEqual([{ requestId: 'pr_1', decision: 'done', note: '' }]);
  });

  it('says where requests come from when there are none', async () => {
    use({ 'admin.privacy.list': () => ({ ...LIST, pending: 0, overdue: 0, items: [] }) });
    render(<PrivacyRequestsPage />);
    expect(await screen.findByText('暂无个人信息请求')).toBeTruthy();
  });

  it('offers 重试 when the list cannot load', async () => {
    use({ 'admin.privacy.list': () => ({ fail: { code: 'AUTH.FORBIDDEN', message: '您没有权限进行此操作' } }) });
    render(<PrivacyRequestsPage />);
    expect(await screen.findByText('您没有权限进行此操作')).toBeTruthy();
  });
});

describe('个人信息请求: the district’s periods', () => {
  it('saves the answer period and retention, and shows the backend’s refusal of a value out of range', async () => {
    let saved = { answerDays: 15, retentionDays: 730 };
    use({
      'admin.privacy.list': () => ({ ...LIST, ...saved, pending: 0, overdue: 0, items: [] }),
      'admin.privacy.settings': (input) => {
        if ((input.answerDays as number) > 30) return { fail: { code: 'VALIDATION.INVALID_INPUT', message: '提交的内容格式不正确，请检查后重试', fields: ['answerDays'] } };
        saved = { answerDays: input.answerDays as number, retentionDays: input.retentionDays as number };
        return { ...saved, noticeVersion: 'p202612020800' };
      },
    });
    render(<PrivacyRequestsPage />);
    await screen.findByTestId('admin-privacy');
    expect((screen.getByTestId('privacy-answer-days') as HTMLInputElement).value).toBe('15');
    fireEvent.change(screen.getByTestId('privacy-answer-days'), { target: { value: '10' } });
    fireEvent.change(screen.getByTestId('privacy-retention-days'), { target: { value: '365' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('privacy-settings-save'));
    });
    expect(backend?.inputs('admin.privacy.settings')).toEqual([{ answerDays: 10, retentionDays: 365 }]);
    expect(await screen.findByText(/本区承诺 10 日内答复；已结束的咨询保存 1 年后自动匿名化/)).toBeTruthy();

    fireEvent.change(screen.getByTestId('privacy-answer-days'), { target: { value: '45' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('privacy-settings-save'));
    });
    expect((await screen.findByTestId('privacy-answer-error')).textContent).toBe('提交的内容格式不正确，请检查后重试');
  });
});
