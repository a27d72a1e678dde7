import { act, fireEvent, render, screen } from '@testing-library/react';
import InboxPage from '../../../src/staff/inbox/index';
import { aStaffLead, fakeBackend, type FakeBackend, type Handler } from '../support/lead-loop-backend';
import * as Taro from '../support/lead-loop-taro';

jest.mock('@tarojs/taro', () => require('../support/lead-loop-taro'));
jest.mock('@tarojs/components', () => require('../support/lead-loop-components'));

const WHO = { kind: 'staff', staff: { staffId: 'staff_zhou', name: '周若岚', districtId: 'district_linjiang', unitId: 'unit_invest', roles: ['commissioner'], cardId: 'card_zhou' } };

let backend: FakeBackend | undefined;
const useBackend = (handlers: Record<string, Handler>): FakeBackend => (backend = fakeBackend({ 'session.whoami': () => WHO, ...handlers }));

beforeEach(() => {
  Taro.resetLeadLoopTaro();
  Taro.setRouterParams({}, '/staff/inbox/index');
});
afterEach(() => {
  backend?.restore();
  backend = undefined;
});

/** The pool holds one lead until it is claimed; the inbox lands on 待认领, the only tab with leads. */
const poolInbox = () => {
  let claimed = false;
  return {
    claim: () => {
      claimed = true;
    },
    inbox: (input: Record<string, unknown>) => ({
      items: input.tab === 'pool' && !claimed ? [aStaffLead({ id: 'ld_pool1', contactName: '吴先生', handlerName: null })] : input.tab === 'mine' && claimed ? [aStaffLead({ id: 'ld_pool1', contactName: '吴先生' })] : [],
      nextCursor: null,
      counts: { mine: claimed ? 1 : 0, unit: 0, pool: claimed ? 0 : 1, referred: 0, participating: 0 },
    }),
  };
};

/** The pool tab's first page comes after the landing (我的 first): allow for it on a busy machine. */
const SLOW = { timeout: 15_000 };
jest.setTimeout(60_000);
const claimButton = () => screen.findByTestId('claim-ld_pool1', {}, SLOW);

describe('认领 in the inbox', () => {
  it('claims a pool lead with its id only, says so, and reloads the list', async () => {
    const world = poolInbox();
    const api = useBackend({
      'lead.inbox': world.inbox,
      'lead.poolClaim': () => {
        world.claim();
        return { rev: 2, held: 3, limit: 20, returnsAt: '2026-12-07T02:00:00.000Z' };
      },
    });
    render(<InboxPage />);
    const button = await claimButton();
    await act(async () => {
      fireEvent.click(button);
    });
    expect(api.inputs('lead.poolClaim')).toEqual([{ leadId: 'ld_pool1' }]);
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已认领（3/20）' }));
    await screen.findByText('0', { selector: '[data-testid="tab-pool-count"]' }, SLOW);
    expect(screen.queryByTestId('claim-ld_pool1')).toBeNull();
  });

  it('someone was quicker: the typed message shows by the row and the list reloads', async () => {
    const api = useBackend({
      'lead.inbox': poolInbox().inbox,
      'lead.poolClaim': () => ({ fail: { code: 'LEAD.ALREADY_CLAIMED', message: '该线索刚被其他同事认领，请刷新后查看其他线索' } }),
    });
    render(<InboxPage />);
    const button = await claimButton();
    const before = api.inputs('lead.inbox').length;
    await act(async () => {
      fireEvent.click(button);
    });
    expect((await screen.findByTestId('claim-error', {}, SLOW)).textContent).toContain('刚被其他同事认领');
    expect(api.inputs('lead.inbox').length).toBeGreaterThan(before);
  });

  it('past the limit: the limit message shows and nothing else changes', async () => {
    useBackend({
      'lead.inbox': poolInbox().inbox,
      'lead.poolClaim': () => ({ fail: { code: 'POOL.LIMIT_REACHED', message: '您认领的未办结线索已达本区上限，请先办结或转交部分线索' } }),
    });
    render(<InboxPage />);
    const button = await claimButton();
    await act(async () => {
      fireEvent.click(button);
    });
    expect((await screen.findByTestId('claim-error', {}, SLOW)).textContent).toContain('已达本区上限');
    expect(screen.getByTestId('claim-ld_pool1')).toBeTruthy();
  });

  it('other tabs have no 认领 button', async () => {
    useBackend({ 'lead.inbox': () => ({ items: [aStaffLead({ id: 'ld_mine' })], nextCursor: null, counts: { mine: 1, unit: 1, pool: 0, referred: 0, participating: 0 } }) });
    render(<InboxPage />);
    await screen.findByTestId('inbox-list', {}, SLOW);
    expect(screen.queryByTestId('claim-ld_mine')).toBeNull();
  });
});
