import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { aCardView, aPerson } from '../support/card-view.mother';
import { ActionFailure, aShareLink, installBackend, OFFLINE } from '../support/journey-backend';
import * as Taro from '../support/journey-taro';
import { FIRST_SCREEN_GLOBAL } from '../../../src/first-screen/first-screen-handoff';

jest.mock('@tarojs/taro', () => require('../support/journey-taro'));

const CardPage = (require('../../../src/pages/card/index') as typeof import('../../../src/pages/card/index')).default;
const { forgetCreatedShares } = require('../../../src/services/share-service') as typeof import('../../../src/services/share-service');

let backend: ReturnType<typeof installBackend> | undefined;
beforeEach(() => {
  Taro.resetJourneyMock({ cardId: 'card_wang', s: 'Ab3dEf9hJk' });
  forgetCreatedShares();
});
afterEach(() => {
  backend?.restore();
  backend = undefined;
  process.env.TARO_ENV = 'weapp';
});

const aSharedCard = () => aCardView({ shareCode: 'Ab3dEf9hJk', owner: aPerson({ wechatQr: 'https://img.example.cn/qr.png' }) });

const onlineBackend = (extra: Record<string, (input: never) => unknown> = {}) =>
  installBackend({
    'card.get': () => aSharedCard(),
    'share.visit': () => ({ counted: true }),
    'share.create': (input: { channel: 'chat' | 'moments' | 'web_link' }) => aShareLink(input.channel === 'chat' ? 'Chat000001' : input.channel === 'moments' ? 'Mmts000001' : 'Web0000001', input.channel),
    ...extra,
  });

describe('card page: the visit', () => {
  it.each([
    [1007, 'chat'],
    [1008, 'chat'],
    [1047, 'qr'],
    [1048, 'qr'],
    [1049, 'qr'],
    [1154, 'moments'],
    [1001, 'direct'],
    [null, 'direct'],
  ])('counts a view from scene %s as %s, with a device visitor key kept across visits', async (scene, channel) => {
    Taro.entry.scene = scene;
    backend = onlineBackend();
    const first = render(<CardPage />);
    await waitFor(() => expect(backend?.inputsOf('share.visit')).toHaveLength(1));
    const [visit] = backend.inputsOf('share.visit');
    expect(visit).toEqual({ cardId: 'card_wang', shareCode: 'Ab3dEf9hJk', channel, visitorKey: expect.stringMatching(/^[A-Za-z0-9]{24}$/) });
    first.unmount();

    render(<CardPage />);
    await waitFor(() => expect(backend?.inputsOf('share.visit')).toHaveLength(2));
    expect(backend.inputsOf('share.visit')[1].visitorKey).toBe(visit.visitorKey);
  });

  it('counts a web visit as web_link and a card opened from the directory as direct', async () => {
    process.env.TARO_ENV = 'h5';
    backend = onlineBackend();
    const web = render(<CardPage />);
    await waitFor(() => expect(backend?.inputsOf('share.visit')[0]).toMatchObject({ channel: 'web_link' }));
    web.unmount();

    process.env.TARO_ENV = 'weapp';
    Taro.entry.scene = 1007;
    Taro.pageStack.depth = 3;
    Taro.setRouterParams({ cardId: 'card-zhou' });
    render(<CardPage />);
    await waitFor(() => expect(backend?.inputsOf('share.visit')[1]).toMatchObject({ channel: 'direct' }));
  });

  it('never lets a failed view count disturb the page', async () => {
    backend = onlineBackend({ 'share.visit': () => OFFLINE });
    render(<CardPage />);
    await screen.findByTestId('card-page');
    await waitFor(() => expect(backend?.inputsOf('share.visit')).toHaveLength(1));
    expect(Taro.showToast).not.toHaveBeenCalled();
    expect(screen.queryByTestId('error-state')).toBeNull();
  });
});

describe('card page: the web first screen (painted by index.html before the app)', () => {
  const dismiss = jest.fn();
  beforeEach(() => {
    process.env.TARO_ENV = 'h5';
    dismiss.mockClear();
    (window as unknown as Record<string, unknown>)[FIRST_SCREEN_GLOBAL] = { action: 'card.get', input: {}, response: null, dismiss };
  });
  afterEach(() => {
    delete (window as unknown as Record<string, unknown>)[FIRST_SCREEN_GLOBAL];
  });

  it('stays while the page loads and goes once the page shows the card', async () => {
    let release: () => void = () => undefined;
    backend = onlineBackend({ 'card.get': () => new Promise((resolve) => (release = () => resolve(aSharedCard()))) });
    render(<CardPage />);
    await waitFor(() => expect(backend?.inputsOf('card.get')).toHaveLength(1));
    expect(screen.queryByTestId('owner-contact')).toBeNull();
    expect(dismiss).not.toHaveBeenCalled();
    act(() => release());
    await screen.findByTestId('owner-contact');
    expect(dismiss).toHaveBeenCalled();
  });

  it('goes for an error too, so the page can explain it', async () => {
    backend = onlineBackend({ 'card.get': () => Promise.reject(new ActionFailure('CARD.NOT_FOUND', '未找到该名片，可能已下线')) });
    render(<CardPage />);
    await screen.findByText('未找到该名片，可能已下线');
    expect(dismiss).toHaveBeenCalled();
  });

  it('takes over in its very first frame with the card the first screen was handed, no loading state between', async () => {
    const answer = { ok: true, data: aSharedCard() };
    (window as unknown as Record<string, unknown>)[FIRST_SCREEN_GLOBAL] = { action: 'card.get', input: { cardId: 'card_wang', shareCode: 'Ab3dEf9hJk' }, response: Promise.resolve(answer), answer, dismiss };
    backend = onlineBackend();
    render(<CardPage />);
    // Synchronously: the first commit already shows the card and takes the first screen down.
    expect(screen.getByTestId('owner-contact')).toBeTruthy();
    expect(screen.queryByTestId('card-skeleton')).toBeNull();
    expect(dismiss).toHaveBeenCalled();
    await waitFor(() => expect(backend?.inputsOf('share.visit')).toHaveLength(1));
  });

  it('does not take a handed card for another card', async () => {
    const answer = { ok: true, data: aCardView({ cardId: 'card_li' }) };
    (window as unknown as Record<string, unknown>)[FIRST_SCREEN_GLOBAL] = { action: 'card.get', input: { cardId: 'card_li' }, response: Promise.resolve(answer), answer, dismiss };
    backend = onlineBackend();
    render(<CardPage />);
    expect(screen.queryByTestId('owner-contact')).toBeNull();
    expect(dismiss).not.toHaveBeenCalled();
    await screen.findByTestId('owner-contact');
  });

  it('is none of the mini-program’s business', async () => {
    process.env.TARO_ENV = 'weapp';
    backend = onlineBackend();
    render(<CardPage />);
    await screen.findByTestId('owner-contact');
    expect(dismiss).not.toHaveBeenCalled();
  });
});

describe('card page: sharing', () => {
  it('creates chat and Moments hops on load with the incoming share as parent and shares them', async () => {
    Taro.entry.scene = 1007;
    backend = onlineBackend();
    render(<CardPage />);
    await screen.findByTestId('card-page');
    await waitFor(() => expect(backend?.inputsOf('share.create')).toHaveLength(2));
    expect(backend.inputsOf('share.create')).toEqual([
      { cardId: 'card_wang', channel: 'chat', parentCode: 'Ab3dEf9hJk' },
      { cardId: 'card_wang', channel: 'moments', parentCode: 'Ab3dEf9hJk' },
    ]);
    await waitFor(() => expect(Taro.pageHandlers.shareAppMessage?.().path).toBe('/pages/card/index?cardId=card_wang&s=Chat000001'));
    expect(Taro.pageHandlers.shareTimeline?.()).toEqual({ title: '产城融合新高地，智造未来看临江', query: 'cardId=card_wang&s=Mmts000001' });
  });

  it('falls back to the plain card path when the hop cannot be created', async () => {
    backend = onlineBackend({ 'share.create': () => OFFLINE });
    render(<CardPage />);
    await screen.findByTestId('card-page');
    await waitFor(() => expect(backend?.inputsOf('share.create')).toHaveLength(2));
    expect(Taro.pageHandlers.shareAppMessage?.()).toEqual({ title: '产城融合新高地，智造未来看临江', path: '/pages/card/index?cardId=card_wang&s=Ab3dEf9hJk' });
  });

  it('on the web creates a web_link hop on 复制链接 and copies its address', async () => {
    process.env.TARO_ENV = 'h5';
    backend = onlineBackend();
    render(<CardPage />);
    await screen.findByTestId('card-page');
    expect(backend.inputsOf('share.create')).toHaveLength(0);
    fireEvent.click(screen.getByTestId('copy-link'));
    await waitFor(() => expect(Taro.setClipboardData).toHaveBeenCalled());
    expect(backend.inputsOf('share.create')).toEqual([{ cardId: 'card_wang', channel: 'web_link', parentCode: 'Ab3dEf9hJk' }]);
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: aShareLink('Web0000001', 'web_link').webUrl });
  });

  it('on the web copies the plain card link when the visitor cannot create a hop', async () => {
    process.env.TARO_ENV = 'h5';
    backend = onlineBackend({ 'share.create': () => OFFLINE });
    render(<CardPage />);
    await screen.findByTestId('card-page');
    fireEvent.click(screen.getByTestId('copy-link'));
    await waitFor(() => expect(Taro.setClipboardData).toHaveBeenCalled());
    expect((Taro.setClipboardData.mock.calls[0] as unknown as [{ data: string }])[0].data).toBe('http://localhost/?cardId=card_wang&s=Ab3dEf9hJk');
  });
});

describe('card page: actions', () => {
  it('routes to carriers, directory and the lead form with the source attached', async () => {
    Taro.entry.scene = 1047;
    backend = onlineBackend();
    render(<CardPage />);
    await screen.findByTestId('card-page');
    fireEvent.click(screen.getByTestId('action-carriers'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/carriers/index?districtId=district_linjiang&cardId=card_wang&s=Ab3dEf9hJk&channel=qr' });
    fireEvent.click(screen.getByTestId('action-directory'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/inquiry/directory/index?districtId=district_linjiang&cardId=card_wang&s=Ab3dEf9hJk&channel=qr' });
    fireEvent.click(screen.getByTestId('action-lead'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/inquiry/lead-form/index?cardId=card_wang&s=Ab3dEf9hJk&channel=qr' });
    fireEvent.click(screen.getByTestId('bar-lead'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/inquiry/lead-form/index?cardId=card_wang&s=Ab3dEf9hJk&channel=qr' });
    fireEvent.click(screen.getAllByTestId('carrier-summary-card')[0]);
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/carrier-detail/index?carrierId=carrier_park_1&cardId=card_wang&s=Ab3dEf9hJk&channel=qr' });
  });

  it('replaces the page instead of failing when WeChat’s page stack is full', async () => {
    backend = onlineBackend();
    Taro.pageStack.depth = 10;
    render(<CardPage />);
    await screen.findByTestId('card-page');
    fireEvent.click(screen.getByTestId('action-carriers'));
    expect(Taro.redirectTo).toHaveBeenCalled();
    expect(Taro.navigateTo).not.toHaveBeenCalled();
  });

  it('adds the owner to the phone contacts', async () => {
    backend = onlineBackend();
    render(<CardPage />);
    await screen.findByTestId('card-page');
    fireEvent.click(screen.getByTestId('action-add-contact'));
    await waitFor(() => expect(Taro.addPhoneContact).toHaveBeenCalled());
    expect(Taro.addPhoneContact).toHaveBeenCalledWith({
      firstName: '王建国',
      organization: '临江新区投资促进局',
      title: '投资促进局局长',
      workPhoneNumber: '057187654321',
      weChatNumber: 'linjiang_wjg',
      remark: '临江新区招商名片',
    });
  });

  it('explains a privacy refusal (errno 104) once and stays usable', async () => {
    backend = onlineBackend();
    Taro.addPhoneContact.mockImplementation(() => Promise.reject({ errno: 104, errMsg: 'addPhoneContact:fail privacy permission is not authorized' }));
    render(<CardPage />);
    await screen.findByTestId('card-page');
    fireEvent.click(screen.getByTestId('action-add-contact'));
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '需同意隐私保护指引后才能存入通讯录', icon: 'none', duration: 2500 }));

    fireEvent.click(within(screen.getByTestId('owner-contact')).getByTestId('call-button'));
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '0571-87654321' });
  });

  it('offers the settings page after the album permission was refused', async () => {
    backend = onlineBackend();
    Taro.saveImageToPhotosAlbum.mockImplementation(() => Promise.reject({ errMsg: 'saveImageToPhotosAlbum:fail auth deny' }));
    Taro.showModal.mockImplementation(() => Promise.resolve({ confirm: true, cancel: false, errMsg: 'showModal:ok' }));
    render(<CardPage />);
    await screen.findByTestId('card-page');
    fireEvent.click(screen.getByTestId('wechat-qr-save'));
    await waitFor(() => expect(Taro.openSetting).toHaveBeenCalled());
    expect(Taro.downloadFile).toHaveBeenCalledWith({ url: 'https://img.example.cn/qr.png' });
    expect(Taro.saveImageToPhotosAlbum).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/qr.png' });
    expect(Taro.showModal.mock.calls[0][0]).toMatchObject({ content: '保存图片需要「添加到相册」权限，可在设置中开启。', confirmText: '去设置' });
  });

  it('previews the WeChat QR with the save menu in full mode', async () => {
    backend = onlineBackend();
    render(<CardPage />);
    await screen.findByTestId('card-page');
    fireEvent.click(screen.getByTestId('wechat-qr-preview'));
    expect(Taro.previewImage).toHaveBeenCalledWith({ urls: ['https://img.example.cn/qr.png'], current: 'https://img.example.cn/qr.png', showmenu: true });
  });

  it('on the web offers a tel: link and a vCard download instead of the contacts API', async () => {
    process.env.TARO_ENV = 'h5';
    backend = onlineBackend();
    const blobs: Blob[] = [];
    const createObjectURL = jest.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:vcard';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const clicks: string[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    render(<CardPage />);
    await screen.findByTestId('card-page');
    expect(within(screen.getByTestId('owner-contact')).getByTestId('call-button').getAttribute('href')).toBe('tel:057187654321');
    expect(screen.queryByTestId('action-add-contact')).toBeNull();

    fireEvent.click(screen.getByTestId('action-vcard'));
    expect(clicks).toEqual(['王建国.vcf']);
    expect(blobs[0].type).toBe('text/vcard;charset=utf-8');
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(blobs[0]);
    });
    expect(text).toContain('FN:王建国\r\n');
    expect(text).toContain('TEL;TYPE=WORK,VOICE:057187654321\r\n');
    expect(text).toContain('NOTE:微信号：linjiang_wjg；临江新区招商名片\r\n');
    expect(Taro.addPhoneContact).not.toHaveBeenCalled();
    click.mockRestore();
  });
});

describe('card page: weak network', () => {
  it('shows the device copy at once, with a 离线数据 note, when the backend is down', async () => {
    backend = onlineBackend();
    const first = render(<CardPage />);
    await screen.findByTestId('card-page');
    first.unmount();
    backend.restore();

    backend = installBackend({ 'card.get': () => OFFLINE, 'share.visit': () => OFFLINE, 'share.create': () => OFFLINE });
    render(<CardPage />);
    // Rendered synchronously from the device: no skeleton, no blank screen.
    expect(screen.getByTestId('card-page')).toBeTruthy();
    expect(screen.queryByTestId('card-skeleton')).toBeNull();
    expect(await screen.findByTestId('offline-note')).toBeTruthy();
    expect(screen.getByText('离线数据')).toBeTruthy();
    expect(screen.getByText('临江新区')).toBeTruthy();
    expect(Taro.showToast).not.toHaveBeenCalled();

    // Back online: 重新加载 refreshes and the note goes away.
    backend.restore();
    backend = onlineBackend();
    await act(async () => {
      fireEvent.click(screen.getByTestId('offline-note'));
    });
    await waitFor(() => expect(screen.queryByTestId('offline-note')).toBeNull());
  });

  it('forgets the device copy when the card is gone', async () => {
    backend = onlineBackend();
    const first = render(<CardPage />);
    await screen.findByTestId('card-page');
    first.unmount();
    backend.restore();

    backend = installBackend({
      'card.get': () => {
        throw new ActionFailure('CARD.NOT_FOUND', '未找到该名片，可能已下线');
      },
    });
    render(<CardPage />);
    expect(await screen.findByText('未找到该名片，可能已下线')).toBeTruthy();
    expect([...Taro.deviceStorage.keys()].some((k) => k.includes('card:card_wang'))).toBe(false);
  });
});
