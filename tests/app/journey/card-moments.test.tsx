import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ActionEnvelope } from '../../../domain/api/contract';
import { findContract } from '../../../domain/api/registry';
import { setApiTransport } from '../../../src/services/api-client';
import { aCardView, aPerson, okResult } from '../support/card-view.mother';
import * as Taro from '../support/journey-taro';

jest.mock('@tarojs/taro', () => require('../support/journey-taro'));

// Loaded after the mock is in place; the WeChat transport is the one a Moments visit really uses.
const CardPage = (require('../../../src/pages/card/index') as typeof import('../../../src/pages/card/index')).default;
const CarrierDetailPage = (require('../../../src/pages/carrier-detail/index') as typeof import('../../../src/pages/carrier-detail/index')).default;
const DirectoryPage = (require('../../../src/inquiry/directory/index') as typeof import('../../../src/inquiry/directory/index')).default;
const { platformTransport } = require('../../../src/services/api-transport.weapp') as typeof import('../../../src/services/api-transport.weapp');
const { forgetCreatedShares } = require('../../../src/services/share-service') as typeof import('../../../src/services/share-service');
const { aCarrierDetail, aDirectory } = require('../support/journey-backend') as typeof import('../support/journey-backend');

const MOMENTS = 1154;

/** The cloud functions as a Moments visit reaches them: public reads answer, anything else is refused. */
const answerLikeTheCloud = () =>
  Taro.cloud.callFunction.mockImplementation((param: { name: string; data: unknown }) => {
    const { action } = param.data as ActionEnvelope;
    const data =
      action === 'card.get'
        ? aCardView({ owner: aPerson({ wechatQr: 'https://img.example.cn/qr.png' }), shareCode: 'Ab3dEf9hJk' })
        : action === 'carrier.get'
          ? aCarrierDetail()
          : action === 'share.visit'
            ? { counted: true }
            : action === 'directory.list'
              ? aDirectory()
              : null;
    const result = data ? okResult(data) : { ok: false, error: { code: 'AUTH.SIGN_IN_REQUIRED', message: '请在小程序中打开后再操作' } };
    return Promise.resolve({ result, errMsg: 'cloud.callFunction:ok' });
  });

const calledActions = (): string[] => Taro.cloud.callFunction.mock.calls.map(([param]) => (param.data as ActionEnvelope).action);

/**
 * What WeChat's list of disabled capabilities in 单页模式 adds to FULL_MODE_ONLY_APIS for these pages: every route
 * API, and the navigation bar (界面·导航栏: the bar is WeChat's, titled from the page config).
 */
const SINGLE_PAGE_DISABLED = { ...Taro.FULL_MODE_ONLY_APIS, setNavigationBarTitle: Taro.setNavigationBarTitle, navigateTo: Taro.navigateTo, redirectTo: Taro.redirectTo };

const expectNothingFullModeOnly = () => {
  for (const [name, api] of Object.entries(SINGLE_PAGE_DISABLED)) {
    expect({ name, calls: api.mock.calls.length }).toEqual({ name, calls: 0 });
  }
  // Only public actions (reads, and the anonymous view count) may be called without a login.
  for (const action of calledActions()) expect({ action, access: findContract(action)?.access }).toEqual({ action, access: 'public' });
  expect(calledActions()).not.toContain('share.create');
};

let restore: (() => void) | undefined;
beforeEach(() => {
  Taro.resetJourneyMock({ cardId: 'card_wang', s: 'Ab3dEf9hJk' });
  Taro.entry.scene = MOMENTS;
  forgetCreatedShares();
  answerLikeTheCloud();
  restore = setApiTransport(platformTransport);
});
afterEach(() => restore?.());

describe('Moments single-page mode (scene 1154)', () => {
  it('renders the whole card read-only; every action explains itself and calls nothing that needs full mode', async () => {
    const { container } = render(<CardPage />);
    const page = await screen.findByTestId('card-page');

    // The card renders fully.
    expect(within(page).getByText('临江新区')).toBeTruthy();
    expect(within(page).getByText('1286亿元')).toBeTruthy();
    expect(within(page).getAllByTestId('carrier-summary-card')).toHaveLength(2);
    expect(within(screen.getByTestId('owner-contact')).getByText('0571-87654321')).toBeTruthy();
    expect(screen.getByTestId('moments-banner').textContent).toContain('前往小程序');
    await waitFor(() => expect(calledActions()).toContain('share.visit'));

    // No forms and no `button open-type` anywhere.
    expect(container.querySelectorAll('button, input, textarea, form')).toHaveLength(0);

    const taps: Array<[string, () => HTMLElement]> = [
      ['拨打电话', () => within(screen.getByTestId('owner-contact')).getByTestId('call-button')],
      ['复制微信号', () => within(screen.getByTestId('owner-contact')).getByTestId('copy-wechat-button')],
      ['拨打电话', () => within(screen.getByTestId('duty-contact')).getByTestId('call-button')],
      ['浏览载体', () => screen.getByTestId('action-carriers')],
      ['查看专员名录', () => screen.getByTestId('action-directory')],
      ['留言咨询', () => screen.getByTestId('action-lead')],
      ['存入通讯录', () => screen.getByTestId('action-add-contact')],
      ['查看载体详情', () => screen.getAllByTestId('carrier-summary-card')[0]],
      ['浏览载体', () => screen.getByTestId('browse-carriers')],
      ['保存图片', () => screen.getByTestId('wechat-qr-save')],
      ['转发', () => screen.getByTestId('share-card')],
      ['拨打电话', () => screen.getByTestId('bar-call')],
      ['留言咨询', () => screen.getByTestId('bar-lead')],
    ];
    for (const [what, target] of taps) {
      fireEvent.click(target());
      const hint = await screen.findByTestId('full-mode-hint');
      expect(hint.textContent).toBe(`朋友圈预览中无法${what}，请点击屏幕下方「前往小程序」后操作`);
    }

    // Viewing the QR code is fine, without the save menu.
    fireEvent.click(screen.getByTestId('wechat-qr-image'));
    expect(Taro.previewImage).toHaveBeenCalledWith({ urls: ['https://img.example.cn/qr.png'], current: 'https://img.example.cn/qr.png', showmenu: false });

    // Pulling down still refreshes the public read.
    await act(async () => {
      Taro.pageHandlers.pullDownRefresh?.();
    });
    await waitFor(() => expect(calledActions().filter((a) => a === 'card.get')).toHaveLength(2));

    expectNothingFullModeOnly();
    expect(Taro.showShareMenu).not.toHaveBeenCalled();
    // The view is counted as coming from Moments, by the device key only.
    const visit = Taro.cloud.callFunction.mock.calls.map(([p]) => p.data as ActionEnvelope).find((e) => e.action === 'share.visit');
    expect(visit?.input).toMatchObject({ cardId: 'card_wang', shareCode: 'Ab3dEf9hJk', channel: 'moments' });
  });

  it('renders a shared carrier read-only too', async () => {
    Taro.setRouterParams({ carrierId: 'carrier-factory-1', cardId: 'card_wang', s: 'Ab3dEf9hJk' }, '/pages/carrier-detail/index');
    const { container } = render(<CarrierDetailPage />);
    await screen.findByTestId('carrier-detail');
    expect(screen.getByText('高新标准厂房 A 区')).toBeTruthy();
    expect(screen.getByTestId('moments-banner')).toBeTruthy();
    expect(container.querySelectorAll('button, input, textarea, form')).toHaveLength(0);

    const taps: Array<[string, string]> = [
      ['联系管理方', 'call-manager'],
      ['咨询此载体', 'inquire-carrier'],
      ['转发', 'share-carrier'],
      ['拨打电话', 'manager-call'],
      ['复制号码', 'manager-copy'],
      ['打开地图', 'map-link'],
    ];
    for (const [, testId] of taps) {
      fireEvent.click(screen.getByTestId(testId));
      expect((await screen.findByTestId('full-mode-hint')).textContent).toContain('「前往小程序」');
    }
    expectNothingFullModeOnly();
    expect(calledActions()).toEqual(['carrier.get']);
  });

  it('renders the shared directory read-only: banner, every person row explains instead of opening a card', async () => {
    Taro.setRouterParams({ districtId: 'district_linjiang', cardId: 'card_wang', s: 'Ab3dEf9hJk' }, '/inquiry/directory/index');
    const { container } = render(<DirectoryPage />);
    await waitFor(() => expect(screen.getAllByTestId('person-row')).toHaveLength(3));
    expect(screen.getByTestId('moments-banner').textContent).toContain('前往小程序');
    expect(screen.getByTestId('directory-page').className).toContain('directory-page--read-only');
    expect(container.querySelectorAll('button, input, textarea, form')).toHaveLength(0);

    for (const row of screen.getAllByTestId('person-row')) {
      fireEvent.click(row);
      expect((await screen.findByTestId('full-mode-hint')).textContent).toBe('朋友圈预览中无法查看名片，请点击屏幕下方「前往小程序」后操作');
    }
    // Browsing by industry stays possible: it is the page's own state, no API.
    fireEvent.click(screen.getByTestId('directory-mode-industry'));
    expect(screen.getAllByTestId('directory-group').length).toBeGreaterThan(1);

    expectNothingFullModeOnly();
    expect(new Set(calledActions())).toEqual(new Set(['card.get', 'directory.list']));
  });
});

describe('the same pages in full mode', () => {
  it('the directory opens a person’s card, and the card and carrier detail title the navigation bar', async () => {
    Taro.entry.scene = 1007;
    Taro.setRouterParams({ districtId: 'district_linjiang', cardId: 'card_wang' }, '/inquiry/directory/index');
    const directory = render(<DirectoryPage />);
    await waitFor(() => expect(screen.getAllByTestId('person-row')).toHaveLength(3));
    expect(screen.queryByTestId('moments-banner')).toBeNull();
    fireEvent.click(within(screen.getAllByTestId('directory-group')[1]).getByText('王书恒'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/card/index?cardId=card-wang2' });
    directory.unmount();

    Taro.setRouterParams({ cardId: 'card_wang', s: 'Ab3dEf9hJk' }, '/pages/card/index');
    const card = render(<CardPage />);
    await waitFor(() => expect(Taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '临江新区' }));
    card.unmount();

    Taro.setRouterParams({ carrierId: 'carrier-factory-1', cardId: 'card_wang' }, '/pages/carrier-detail/index');
    render(<CarrierDetailPage />);
    await waitFor(() => expect(Taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '高新标准厂房 A 区' }));
  });
});
