import { act, fireEvent, render, screen, within } from '@testing-library/react';
import InboxPage from '../../../src/staff/inbox/index';
import { aStaffLead, fakeBackend, type FakeBackend, type Handler } from '../support/lead-loop-backend';
import * as Taro from '../support/lead-loop-taro';

jest.mock('@tarojs/taro', () => require('../support/lead-loop-taro'));
jest.mock('@tarojs/components', () => require('../support/lead-loop-components'));

const WHO = { kind: 'staff', staff: { staffId: 'staff_li', name: '李晓雯', districtId: 'district_linjiang', unitId: 'unit_invest', roles: ['commissioner'], cardId: 'card_li' } };
const COUNTS = { mine: 3, unit: 7, pool: 2, referred: 4, participating: 0 };

let backend: FakeBackend | undefined;
const useBackend = (inbox: Handler): FakeBackend => {
  backend = fakeBackend({ 'session.whoami': () => WHO, 'lead.inbox': inbox });
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

const items = () => screen.getAllByTestId('lead-item');

describe('staff inbox', () => {
  it('opens on 我的 with counts on every tab, overdue leads first with a 超时 badge', async () => {
    const api = useBackend(() => ({
      items: [aStaffLead({ id: 'late', contactName: '顾铭', overdue: true }), aStaffLead({ id: 'fresh', contactName: '沈嘉禾', carrierName: '临江智能制造产业园' })],
      nextCursor: null,
      counts: COUNTS,
    }));
    render(<InboxPage />);
    await screen.findByTestId('inbox-list');
    expect(api.inputs('lead.inbox')[0]).toEqual({ tab: 'mine', limit: 20 });
    expect(screen.getByTestId('tab-mine').getAttribute('aria-selected')).toBe('true');
    expect(screen.getByTestId('tab-mine-count').textContent).toBe('3');
    expect(screen.getByTestId('tab-unit-count').textContent).toBe('7');
    expect(screen.getByTestId('tab-pool-count').textContent).toBe('2');
    expect(screen.getByTestId('tab-referred-count').textContent).toBe('4');
    expect(screen.getByTestId('tab-referred').textContent).toContain('我推荐的');

    const [late, fresh] = items();
    expect(within(late).getByText('顾铭')).toBeTruthy();
    expect(within(late).getByTestId('overdue-badge').textContent).toBe('超时');
    expect(within(late).getByText(/已超时 · 时限/)).toBeTruthy();
    expect(within(fresh).queryByTestId('overdue-badge')).toBeNull();
    expect(within(fresh).getByTestId('status-badge').textContent).toBe('新线索');
    expect(within(fresh).getByText('临江智能制造产业园')).toBeTruthy();
    expect(screen.getByText('1 条已超过首次回复时限，请优先处理')).toBeTruthy();
    expect(await screen.findByText('李晓雯')).toBeTruthy();
  });

  it('switches tabs, and says when a tab is empty', async () => {
    const api = useBackend((input) =>
      input.tab === 'pool'
        ? { items: [], nextCursor: null, counts: COUNTS }
        : { items: [aStaffLead({ id: `${input.tab as string}-1`, contactName: input.tab === 'unit' ? '韩露' : '沈嘉禾' })], nextCursor: null, counts: COUNTS },
    );
    render(<InboxPage />);
    await screen.findByText('沈嘉禾');
    fireEvent.click(screen.getByTestId('tab-unit'));
    expect(await screen.findByText('韩露')).toBeTruthy();
    expect(screen.getByTestId('tab-unit').getAttribute('aria-selected')).toBe('true');
    fireEvent.click(screen.getByTestId('tab-pool'));
    expect(await screen.findByText('暂无待认领线索')).toBeTruthy();
    expect(api.inputs('lead.inbox').map((i) => i.tab)).toEqual(['mine', 'unit', 'pool']);
  });

  it('lands on 我推荐的 when the only leads are ones this person brought, showing the company, not the person', async () => {
    const counts = { mine: 0, unit: 0, pool: 0, referred: 1, participating: 0 };
    const api = useBackend((input) => ({
      items: input.tab === 'referred' ? [aStaffLead({ id: 'brought', contactName: null, phoneMasked: null, company: '云帆智能科技有限公司', handlerName: '王书恒' })] : [],
      nextCursor: null,
      counts,
    }));
    render(<InboxPage />);
    expect(await screen.findByText('云帆智能科技有限公司')).toBeTruthy();
    expect(screen.getByTestId('tab-referred').getAttribute('aria-selected')).toBe('true');
    expect(api.inputs('lead.inbox').map((i) => i.tab)).toEqual(['mine', 'referred']);
    expect(screen.queryByText('沈嘉禾')).toBeNull();
    // Choosing 我的 afterwards is respected: it shows its empty state and does not jump away again.
    fireEvent.click(screen.getByTestId('tab-mine'));
    expect(await screen.findByTestId('empty-state')).toBeTruthy();
    expect(screen.getByTestId('tab-mine').getAttribute('aria-selected')).toBe('true');
  });

  it('stays on an empty 我的 when there are no leads anywhere', async () => {
    const api = useBackend(() => ({ items: [], nextCursor: null, counts: { mine: 0, unit: 0, pool: 0, referred: 0, participating: 0 } }));
    render(<InboxPage />);
    expect(await screen.findByTestId('empty-state')).toBeTruthy();
    expect(screen.getByTestId('tab-mine').getAttribute('aria-selected')).toBe('true');
    expect(api.inputs('lead.inbox').map((i) => i.tab)).toEqual(['mine']);
  });

  it('loads the next page by cursor when the list end scrolls in, once at a time, until there is none', async () => {
    const page1 = Array.from({ length: 20 }, (_, i) => aStaffLead({ id: `l${i}`, contactName: `投资者${i}` }));
    const page2 = [aStaffLead({ id: 'l20', contactName: '投资者20' })];
    // As the backend answers: the tab counts come with the first page only.
    const api = useBackend((input) => (input.cursor ? { items: page2, nextCursor: null, counts: null } : { items: page1, nextCursor: 'c1', counts: COUNTS }));
    render(<InboxPage />);
    await screen.findByText('投资者0');
    expect(items()).toHaveLength(20);

    await act(async () => {
      Taro.handlers.reachBottom?.();
      Taro.handlers.reachBottom?.();
    });
    expect(await screen.findByText('投资者20')).toBeTruthy();
    expect(items()).toHaveLength(21);
    expect(api.inputs('lead.inbox')).toEqual([
      { tab: 'mine', limit: 20 },
      { tab: 'mine', cursor: 'c1', limit: 20 },
    ]);
    expect(screen.getByText('没有更多了')).toBeTruthy();
    expect(screen.getByTestId('tab-mine-count').textContent).toBe('3');

    await act(async () => {
      Taro.handlers.reachBottom?.();
    });
    expect(api.inputs('lead.inbox')).toHaveLength(2);
  });

  it('refreshes on pull-down and when coming back from a lead, and opens a lead by id', async () => {
    const api = useBackend((_i, n) => ({ items: [aStaffLead({ status: n === 0 ? 'new' : 'contacted' })], nextCursor: null, counts: COUNTS }));
    render(<InboxPage />);
    await screen.findByText('新线索');
    fireEvent.click(items()[0]);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/lead-detail/index?id=lead_1' });

    await act(async () => {
      Taro.handlers.didShow?.();
      Taro.handlers.didShow?.();
    });
    expect(await screen.findByText('已联系')).toBeTruthy();
    await act(async () => {
      Taro.pageHandlers.pullDownRefresh?.();
    });
    expect(Taro.stopPullDownRefresh).toHaveBeenCalled();
    expect(api.inputs('lead.inbox')).toHaveLength(3);
  });

  it('tells a caller who is not staff where to bind their account', async () => {
    useBackend(() => ({ fail: { code: 'AUTH.FORBIDDEN', message: '您没有权限进行此操作' } }));
    render(<InboxPage />);
    expect(await screen.findByText('工作台仅限招商工作人员使用')).toBeTruthy();
    fireEvent.click(screen.getByTestId('empty-action'));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/staff/bind/index' });
  });
});
