import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { aCardView } from '../support/card-view.mother';
import { ActionFailure, installBackend } from '../support/journey-backend';
import * as Taro from '../support/journey-taro';

jest.mock('@tarojs/taro', () => require('../support/journey-taro'));

const CardPage = (require('../../../src/pages/card/index') as typeof import('../../../src/pages/card/index')).default;
const { forgetCreatedShares } = require('../../../src/services/share-service') as typeof import('../../../src/services/share-service');

const staff = (cardId: string | null) => ({
  kind: 'staff' as const,
  staff: { staffId: 'staff_x', name: '王建国', districtId: 'district_linjiang', unitId: 'unit_invest', roles: ['commissioner'], cardId },
});
const OWNER = staff('card_wang');
const OTHER_STAFF = staff('card_li');
const INVESTOR = { kind: 'investor' as const, staff: null };
const ANONYMOUS = { kind: 'anonymous' as const, staff: null };

type Who = typeof OWNER | typeof INVESTOR | typeof ANONYMOUS;

let backend: ReturnType<typeof installBackend> | undefined;
const withBackend = (who: () => Who, shareCode: string | null = 'Ab3dEf9hJk') => {
  backend = installBackend({
    'card.get': () => aCardView({ shareCode }),
    'share.visit': () => ({ counted: true }),
    'share.create': () => new Promise(() => undefined),
    'session.whoami': who,
  });
  return backend;
};
const actions = (): string[] => backend?.send.mock.calls.map(([, envelope]) => envelope.action) ?? [];
const whoamiCalls = (): number => actions().filter((a) => a === 'session.whoami').length;

/** The card is on screen and the session has been asked (and answered). */
const openCard = async () => {
  render(<CardPage />);
  await screen.findByTestId('card-page');
  await waitFor(() => expect(whoamiCalls()).toBe(1));
  // Let the answer render.
  await act(async () => undefined);
};

let didShow: (() => void) | undefined;
beforeEach(() => {
  Taro.resetJourneyMock({ cardId: 'card_wang', s: 'Ab3dEf9hJk' });
  forgetCreatedShares();
  didShow = undefined;
  (Taro.useDidShow as jest.Mock).mockImplementation((handler: () => void) => {
    didShow = handler;
  });
});
afterEach(() => {
  backend?.restore();
  backend = undefined;
  (Taro.useDidShow as jest.Mock).mockReset();
  process.env.TARO_ENV = 'weapp';
});

describe('card page: account links and the owner’s shortcuts', () => {
  it('shows the owner 分享与名片 and opens the editor, the poster (continuing the share) and the numbers', async () => {
    withBackend(() => OWNER);
    await openCard();

    const entry = await screen.findByTestId('share-entry');
    // At the end of the card, above the account links and the footer: the card itself stays as investors see it.
    const links = screen.getByTestId('account-links');
    const footer = screen.getByText('临江新区 · 招商名片');
    expect(entry.compareDocumentPosition(links) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(links.compareDocumentPosition(footer) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(footer.previousElementSibling).toBe(links);
    expect(within(links).getByTestId('account-link-workspace')).toBeTruthy();

    fireEvent.click(within(entry).getByTestId('share-entry-edit'));
    fireEvent.click(within(entry).getByTestId('share-entry-poster'));
    fireEvent.click(within(entry).getByTestId('share-entry-stats'));
    expect((Taro.navigateTo.mock.calls as unknown as Array<[{ url: string }]>).map(([option]) => option.url)).toEqual([
      '/share/my-card/index',
      '/share/poster/index?cardId=card_wang&s=Ab3dEf9hJk',
      '/share/stats/index',
    ]);
  });

  it('opens the poster without a share code when the card was opened directly', async () => {
    Taro.setRouterParams({ cardId: 'card_wang' });
    withBackend(() => OWNER, null);
    await openCard();
    fireEvent.click(await screen.findByTestId('share-entry-poster'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/share/poster/index?cardId=card_wang' });
  });

  it('asks who is looking only once the card is there', async () => {
    withBackend(() => OWNER);
    await openCard();
    const order = actions();
    expect(order.indexOf('card.get')).toBeLessThan(order.indexOf('session.whoami'));
  });

  it('gives other staff the workspace but not the owner’s shortcuts', async () => {
    withBackend(() => OTHER_STAFF);
    await openCard();
    expect(await screen.findByTestId('account-link-workspace')).toBeTruthy();
    expect(screen.queryByTestId('share-entry')).toBeNull();

    fireEvent.click(screen.getByTestId('account-link-workspace'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/staff/inbox/index' });
  });

  it('gives an investor 我的咨询 (leading back to this card) and the staff binding, without the owner’s shortcuts', async () => {
    withBackend(() => INVESTOR);
    await openCard();
    fireEvent.click(await screen.findByTestId('account-link-my-leads'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/inquiry/my-leads/index?cardId=card_wang' });
    expect(screen.queryByTestId('account-link-workspace')).toBeNull();
    expect(screen.queryByTestId('share-entry')).toBeNull();
  });

  it('asks again after the visitor went to bind a staff account and came back', async () => {
    let who: Who = INVESTOR;
    withBackend(() => who);
    await openCard();

    // Coming back from elsewhere does not ask again.
    await act(async () => didShow?.());
    expect(whoamiCalls()).toBe(1);

    fireEvent.click(await screen.findByTestId('account-link-bind'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/staff/bind/index' });
    who = OWNER;
    await act(async () => didShow?.());
    await waitFor(() => expect(whoamiCalls()).toBe(2));
    expect(await screen.findByTestId('share-entry')).toBeTruthy();
    expect(screen.queryByTestId('account-link-bind')).toBeNull();
  });

  it('shows nothing to an anonymous visitor', async () => {
    withBackend(() => ANONYMOUS);
    await openCard();
    expect(screen.queryByTestId('account-links')).toBeNull();
    expect(screen.queryByTestId('share-entry')).toBeNull();
  });

  it('shows nothing when session.whoami fails', async () => {
    withBackend(() => {
      throw new ActionFailure('INTERNAL.UNEXPECTED', '系统开小差了，请稍后重试');
    });
    await openCard();
    expect(screen.queryByTestId('account-links')).toBeNull();
    expect(screen.queryByTestId('share-entry')).toBeNull();
  });

  it('does not ask who is looking for a card that failed to load', async () => {
    backend = installBackend({
      'card.get': () => {
        throw new ActionFailure('CARD.NOT_FOUND', '未找到该名片，可能已下线');
      },
      'session.whoami': () => OWNER,
    });
    render(<CardPage />);
    expect(await screen.findByText('未找到该名片，可能已下线')).toBeTruthy();
    await act(async () => undefined);
    expect(whoamiCalls()).toBe(0);
  });

  it('shows neither block in Moments single-page mode, and does not ask even for the owner’s card', async () => {
    Taro.entry.scene = 1154;
    withBackend(() => OWNER);
    render(<CardPage />);
    await screen.findByTestId('card-page');
    await waitFor(() => expect(actions()).toContain('share.visit'));
    await act(async () => undefined);
    expect(screen.queryByTestId('share-entry')).toBeNull();
    expect(screen.queryByTestId('account-links')).toBeNull();
    expect(whoamiCalls()).toBe(0);
  });
});
