import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import PosterPage from '../../../src/share/poster/index';
import { drawPoster } from '../../../src/share/poster/poster-draw';
import { computePosterLayout, type TextOp } from '../../../src/share/poster/poster-layout';
import { classifySaveError } from '../../../src/share/poster/poster-save';
import { forgetPosterCodes } from '../../../src/share/poster/use-poster';
import { aCardView, aPerson } from '../support/card-view.mother';
import * as TaroMock from '../support/taro-mock';
import { fakeSurface, recordingContext } from './poster-canvas';
import { aPosterContent, fakeMeasure } from './poster-fixtures';
import { fakeBackend, failWith } from './share-mothers';

jest.mock('@tarojs/components', () => {
  const actual = jest.requireActual('@tarojs/components');
  return { ...actual, Canvas: (props: { id?: string }) => <canvas id={props.id} /> };
});

let surface: ReturnType<typeof fakeSurface>;
jest.mock('../../../src/share/poster/poster-surface', () => ({ createPosterSurface: () => Promise.resolve(surface.surface) }));

let fallbackImage: string | null = null;
jest.mock('../../../src/share/poster/fallback-code', () => ({ fallbackCodeImage: () => Promise.resolve(fallbackImage) }));

interface WxApis {
  saveImageToPhotosAlbum: jest.Mock;
  openSetting: jest.Mock;
  canIUse: jest.Mock;
  showShareImageMenu: jest.Mock;
  getEnterOptionsSync: jest.Mock;
}
const wx = Taro as unknown as WxApis;

const QR = 'data:image/png;base64,UVI=';
let restore: (() => void) | undefined;

const backend = (overrides: Record<string, (input: unknown) => unknown> = {}) => {
  const fake = fakeBackend({
    'card.get': () => aCardView(),
    'share.create': () => ({ code: 'Pq7Rs8Tu9V', depth: 0, path: '/pages/card/index?cardId=card_wang&s=Pq7Rs8Tu9V', query: 'cardId=card_wang&s=Pq7Rs8Tu9V', webUrl: 'http://x/#/pages/card/index?cardId=card_wang&s=Pq7Rs8Tu9V' }),
    'share.qr': () => ({ kind: 'url', image: QR, scene: 'Pq7Rs8Tu9V' }),
    ...overrides,
  });
  restore = fake.restore;
  return fake;
};

/** The web build, with the browser's object URLs faked and every <a download> click caught instead of followed. */
const webDownloads = (createdUrl: string) => {
  process.env.TARO_ENV = 'h5';
  const createObjectURL = jest.fn(() => createdUrl);
  const revokeObjectURL = jest.fn();
  Object.assign(URL, { createObjectURL, revokeObjectURL });
  const clicks: HTMLAnchorElement[] = [];
  const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicks.push(this);
  });
  return { createObjectURL, revokeObjectURL, clicks, restore: () => click.mockRestore() };
};

const drawnText = () => surface.ctx.calls.filter((c) => c.name === 'fillText').map((c) => c.args[0] as string);

beforeEach(() => {
  TaroMock.resetTaroMock();
  forgetPosterCodes();
  surface = fakeSurface();
  fallbackImage = null;
  wx.saveImageToPhotosAlbum = jest.fn(() => Promise.resolve({ errMsg: 'saveImageToPhotosAlbum:ok' }));
  wx.openSetting = jest.fn(() => Promise.resolve({ authSetting: { 'scope.writePhotosAlbum': true } }));
  wx.canIUse = jest.fn(() => true);
  wx.showShareImageMenu = jest.fn(() => Promise.resolve({ errMsg: 'showShareImageMenu:ok' }));
  wx.getEnterOptionsSync = jest.fn(() => ({ scene: 1007 }));
  TaroMock.setRouterParams({ cardId: 'card_wang' }, '/share/poster/index');
});

afterEach(() => {
  restore?.();
  process.env.TARO_ENV = 'weapp';
});

describe('poster page', () => {
  it('records a poster share, fetches its code and draws the card', async () => {
    const fake = backend();
    render(<PosterPage />);
    expect(screen.getByTestId('poster-loading')).toBeTruthy();
    const image = await screen.findByTestId('poster-image');
    expect(image.getAttribute('src')).toBe('data:image/png;base64,UE9TVEVS');

    expect(fake.inputsOf('card.get')).toEqual([{ cardId: 'card_wang' }]);
    expect(fake.inputsOf('share.create')).toEqual([{ cardId: 'card_wang', channel: 'poster' }]);
    expect(fake.inputsOf('share.qr')).toEqual([{ code: 'Pq7Rs8Tu9V' }]);
    expect(surface.loaded).toEqual([QR]);
    expect(drawnText()).toEqual(expect.arrayContaining(['临江新区', '产城融合新高地，智造未来看临江', '王建国', '投资促进局局长', '扫码打开招商名片', '1286亿元']));
    const codeDraw = surface.ctx.calls.find((c) => c.name === 'drawImage');
    expect(codeDraw?.args[0]).toEqual({ ref: QR });
  });

  it('reuses the session’s poster share when the page is opened again', async () => {
    const fake = backend();
    const first = render(<PosterPage />);
    await screen.findByTestId('poster-image');
    first.unmount();
    render(<PosterPage />);
    await screen.findByTestId('poster-image');
    expect(fake.inputsOf('share.create')).toHaveLength(1);
    expect(fake.inputsOf('card.get')).toHaveLength(2);
  });

  it('continues the chain when the visitor came through a share', async () => {
    const fake = backend();
    TaroMock.setRouterParams({ cardId: 'card_wang', s: 'Ab3dEf9hJk' }, '/share/poster/index');
    render(<PosterPage />);
    await screen.findByTestId('poster-image');
    expect(fake.inputsOf('card.get')).toEqual([{ cardId: 'card_wang', shareCode: 'Ab3dEf9hJk' }]);
    expect(fake.inputsOf('share.create')).toEqual([{ cardId: 'card_wang', channel: 'poster', parentCode: 'Ab3dEf9hJk' }]);
  });

  it('is English when the card was shown in English: the English card and the poster’s own words', async () => {
    const fake = backend();
    TaroMock.setRouterParams({ cardId: 'card_wang', lang: 'en' }, '/share/poster/index');
    render(<PosterPage />);
    await screen.findByTestId('poster-image');
    expect(fake.inputsOf('card.get')).toEqual([{ cardId: 'card_wang', lang: 'en' }]);
    expect(drawnText()).toEqual(expect.arrayContaining(['Investment card', 'Scan to open the card']));
    expect(drawnText()).not.toContain('扫码打开招商名片');
    expect(drawnText().some((t) => t.includes('· Investment card'))).toBe(true);
  });

  it('saves to the album, and after a denial explains and opens the settings from a tap', async () => {
    backend();
    render(<PosterPage />);
    await screen.findByTestId('poster-image');

    await act(async () => {
      fireEvent.click(screen.getByTestId('save-poster'));
    });
    expect(wx.saveImageToPhotosAlbum).toHaveBeenCalledWith({ filePath: 'data:image/png;base64,UE9TVEVS' });
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已保存到相册', icon: 'none' });

    wx.saveImageToPhotosAlbum.mockRejectedValueOnce({ errMsg: 'saveImageToPhotosAlbum:fail auth deny' });
    await act(async () => {
      fireEvent.click(screen.getByTestId('save-poster'));
    });
    expect(screen.getByTestId('poster-notice').textContent).toMatch(/需要你允许保存到相册/);
    expect(wx.openSetting).not.toHaveBeenCalled();

    await act(async () => {
      fireEvent.click(screen.getByTestId('open-settings'));
    });
    expect(wx.openSetting).toHaveBeenCalledTimes(1);
    expect(wx.saveImageToPhotosAlbum).toHaveBeenCalledTimes(3);
    expect(screen.queryByTestId('poster-notice')).toBeNull();
  });

  it('offers the system image share sheet where the base library has it', async () => {
    backend();
    render(<PosterPage />);
    await screen.findByTestId('poster-image');
    await act(async () => {
      fireEvent.click(screen.getByTestId('share-image'));
    });
    expect(wx.showShareImageMenu).toHaveBeenCalledWith({ path: 'data:image/png;base64,UE9TVEVS' });
  });

  it('hides the share sheet on older clients', async () => {
    wx.canIUse.mockReturnValue(false);
    backend();
    render(<PosterPage />);
    await screen.findByTestId('poster-image');
    expect(screen.queryByTestId('share-image')).toBeNull();
    expect(screen.getByTestId('save-poster')).toBeTruthy();
  });

  it('is not offered in Moments single-page mode, and says how to get to full mode', async () => {
    wx.getEnterOptionsSync.mockReturnValue({ scene: 1154 });
    const fake = backend();
    render(<PosterPage />);
    expect(screen.getByTestId('poster-unavailable').textContent).toMatch(/前往小程序/);
    await Promise.resolve();
    expect(fake.send).not.toHaveBeenCalled();
    expect(screen.queryByTestId('save-poster')).toBeNull();
  });

  it('downloads a PNG on the web', async () => {
    backend();
    const { createObjectURL, clicks, restore } = webDownloads('blob:poster');
    render(<PosterPage />);
    await screen.findByTestId('poster-image');
    expect(screen.queryByTestId('save-poster')).toBeNull();
    fireEvent.click(screen.getByTestId('download-poster'));
    expect(clicks).toHaveLength(1);
    expect(clicks[0].download).toBe('招商名片-王建国.png');
    expect(clicks[0].getAttribute('href')).toBe('blob:poster');
    expect((createObjectURL.mock.calls[0] as unknown[])[0]).toBeInstanceOf(Blob);
    restore();
  });

  it('on the web hands the poster’s own object URL to the download, and releases it when the page closes', async () => {
    backend();
    surface.surface.exportImage = async () => 'blob:http://x/poster-1';
    const { createObjectURL, revokeObjectURL, clicks, restore } = webDownloads('blob:copy');
    const { unmount } = render(<PosterPage />);
    await screen.findByTestId('poster-image');
    fireEvent.click(screen.getByTestId('download-poster'));
    expect(clicks[0]?.getAttribute('href')).toBe('blob:http://x/poster-1');
    expect(createObjectURL).not.toHaveBeenCalled();
    expect(revokeObjectURL).not.toHaveBeenCalled();
    unmount();
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:http://x/poster-1');
    restore();
  });

  it('a card whose owner left prints the successor who answers it now: name, title, unit, photo and file name, never the departed owner', async () => {
    process.env.TARO_ENV = 'h5';
    const SUCCESSOR_PHOTO = 'https://img.example/zheng.jpg';
    // As card.get answers after a handover and revocation: the owner withheld, the successor as the contact.
    const departed = aCardView({
      ownerDeparted: true,
      owner: aPerson({ name: '王书恒', title: '科技局 副局长', unitName: '区科技局', phone: null, wechatId: null, cardId: null, photo: null }),
      contact: aPerson({ staffId: 'staff_zheng', cardId: 'card_zheng', name: '郑嘉木', title: '产业园管委会 招商部长', unitName: '临江产业园管委会', photo: SUCCESSOR_PHOTO, phone: '13800138008' }),
    });
    const fake = backend({ 'card.get': () => departed });
    Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:poster'), revokeObjectURL: jest.fn() });
    const clicks: HTMLAnchorElement[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this);
    });
    render(<PosterPage />);
    await screen.findByTestId('poster-image');
    // The share is still the departed owner's card: a scan opens it, and it names the successor there too.
    expect(fake.inputsOf('share.create')).toEqual([{ cardId: 'card_wang', channel: 'poster' }]);
    expect(drawnText()).toEqual(expect.arrayContaining(['郑嘉木', '产业园管委会 招商部长']));
    expect(drawnText().some((t) => t.includes('临江产业园管委会'))).toBe(true);
    expect(drawnText().join('|')).not.toContain('王书恒');
    expect(drawnText().join('|')).not.toContain('科技局 副局长');
    // Their greeting was their own words: left out, the rest of the card stays.
    expect(drawnText().join('')).not.toContain('欢迎来到临江新区');
    expect(drawnText()).toEqual(expect.arrayContaining(['临江新区', '1286亿元']));
    expect(surface.loaded).toEqual(expect.arrayContaining([SUCCESSOR_PHOTO, QR]));
    fireEvent.click(screen.getByTestId('download-poster'));
    expect(clicks[0].download).toBe('招商名片-郑嘉木.png');
    click.mockRestore();
  });

  it('a leader’s card answered by the on-duty commissioner still prints the leader: only a departed owner gives way', async () => {
    backend({ 'card.get': () => aCardView() });
    render(<PosterPage />);
    await screen.findByTestId('poster-image');
    expect(drawnText()).toEqual(expect.arrayContaining(['王建国', '投资促进局局长']));
    expect(drawnText().join('|')).not.toContain('李晓雯');
    expect(drawnText().join('')).toContain('欢迎来到临江新区');
  });

  it('on the web without an identity draws a plain QR of the card link instead of failing', async () => {
    process.env.TARO_ENV = 'h5';
    fallbackImage = 'data:image/png;base64,RkFMTEJBQ0s=';
    const fake = backend({ 'share.create': () => failWith('AUTH.SIGN_IN_REQUIRED', '请在小程序中打开后再操作') });
    render(<PosterPage />);
    await screen.findByTestId('poster-image');
    expect(fake.inputsOf('share.qr')).toHaveLength(0);
    expect(surface.loaded).toEqual(['data:image/png;base64,RkFMTEJBQ0s=']);
    expect(screen.getByText(/在微信中打开可生成带分享记录的海报/)).toBeTruthy();
  });

  it('shows the error and generates again on 重新生成', async () => {
    let fail = true;
    backend({ 'share.qr': () => (fail ? failWith('SHARE.NOT_FOUND', '分享链接无效或已过期') : { kind: 'url', image: QR, scene: 'Pq7Rs8Tu9V' }) });
    render(<PosterPage />);
    expect(await screen.findByText('分享链接无效或已过期')).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByText('重新生成'));
    await waitFor(() => expect(screen.getByTestId('poster-image')).toBeTruthy());
  });

  it('fails clearly when the code image cannot be loaded', async () => {
    surface = fakeSurface({ [QR]: null });
    backend();
    render(<PosterPage />);
    expect(await screen.findByText('二维码生成失败，请稍后重试')).toBeTruthy();
  });
});

describe('drawPoster', () => {
  it('executes the layout: every text line, the images where they were placed, nothing else', () => {
    const layout = computePosterLayout(aPosterContent(), { photo: { width: 200, height: 300 }, code: { width: 360, height: 360 } }, fakeMeasure);
    const ctx = recordingContext();
    drawPoster(ctx, layout, { photo: 'PHOTO', code: 'CODE' });
    const lines = layout.ops.filter((o): o is TextOp => o.kind === 'text').flatMap((o) => o.lines);
    const filled = ctx.calls.filter((c) => c.name === 'fillText');
    expect(filled.map((c) => c.args.slice(0, 3))).toEqual(lines.map((l) => [l.text, l.x, l.y]));
    const images = ctx.calls.filter((c) => c.name === 'drawImage');
    expect(images.map((c) => c.args[0])).toEqual(['PHOTO', 'CODE']);
    const photo = layout.ops.find((o) => o.id === 'photo');
    if (photo?.kind !== 'image') throw new Error('no photo op');
    expect(images[0].args.slice(1)).toEqual([photo.source.x, photo.source.y, photo.source.width, photo.source.height, photo.dest.x, photo.dest.y, photo.dest.width, photo.dest.height]);
    expect(ctx.calls.filter((c) => c.name === 'save').length).toBe(ctx.calls.filter((c) => c.name === 'restore').length);
  });

  it('skips an image that did not load', () => {
    const layout = computePosterLayout(aPosterContent(), { photo: { width: 200, height: 300 }, code: { width: 360, height: 360 } }, fakeMeasure);
    const ctx = recordingContext();
    drawPoster(ctx, layout, { code: 'CODE' });
    expect(ctx.calls.filter((c) => c.name === 'drawImage').map((c) => c.args[0])).toEqual(['CODE']);
  });
});

describe('classifySaveError', () => {
  it('sorts WeChat failures into what the page says next', () => {
    expect(classifySaveError({ errMsg: 'saveImageToPhotosAlbum:fail auth deny' })).toBe('denied');
    expect(classifySaveError({ errMsg: 'saveImageToPhotosAlbum:fail authorize no response' })).toBe('denied');
    expect(classifySaveError({ errMsg: 'saveImageToPhotosAlbum:fail cancel' })).toBe('cancelled');
    expect(classifySaveError({ errMsg: 'saveImageToPhotosAlbum:fail privacy permission is not authorized' })).toBe('privacy');
    expect(classifySaveError({ errMsg: 'saveImageToPhotosAlbum:fail api scope is not declared in the privacy agreement', errno: 112 })).toBe('failed');
    expect(classifySaveError({ errMsg: 'fail', errno: 104 })).toBe('privacy');
    expect(classifySaveError({ errMsg: 'saveImageToPhotosAlbum:fail file not found' })).toBe('failed');
    expect(classifySaveError(undefined)).toBe('failed');
  });
});
