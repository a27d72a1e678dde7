import * as Taro from '../support/journey-taro';

jest.mock('@tarojs/taro', () => require('../support/journey-taro'));

const privacy = require('../../../src/platform/privacy') as typeof import('../../../src/platform/privacy');
const launch = require('../../../src/platform/launch-mode') as typeof import('../../../src/platform/launch-mode');
const vcard = require('../../../src/card-model/vcard') as typeof import('../../../src/card-model/vcard');

beforeEach(() => Taro.resetJourneyMock());
afterEach(() => {
  process.env.TARO_ENV = 'weapp';
});

describe('privacy helper', () => {
  it.each([
    [{ errno: 104, errMsg: 'setClipboardData:fail privacy permission is not authorized' }, 'privacy_denied'],
    [{ errno: 112, errMsg: 'addPhoneContact:fail api scope is not declared in the privacy agreement' }, 'unavailable'],
    [{ errMsg: 'saveImageToPhotosAlbum:fail auth deny' }, 'scope_denied'],
    [{ errMsg: 'saveImageToPhotosAlbum:fail authorize no response' }, 'scope_denied'],
    [{ errMsg: 'addPhoneContact:fail cancel' }, 'cancelled'],
    [{ errMsg: 'openLocation:fail system error' }, 'failed'],
    [new Error('boom'), 'failed'],
    [undefined, 'failed'],
  ])('reads %j as %s', (error, outcome) => {
    expect(privacy.classifyFailure(error)).toBe(outcome);
  });

  it('is silent when the visitor cancels, and explains other failures once in Chinese', async () => {
    expect(await privacy.runPrivacyApi('addPhoneContact', () => Promise.reject({ errMsg: 'addPhoneContact:fail cancel' }))).toBe('cancelled');
    expect(Taro.showToast).not.toHaveBeenCalled();

    expect(await privacy.copyText('abc')).toBe('ok');
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: 'abc' });

    Taro.setClipboardData.mockImplementationOnce(() => Promise.reject({ errMsg: 'setClipboardData:fail' }));
    expect(await privacy.copyText('abc')).toBe('failed');
    expect(Taro.showToast).toHaveBeenLastCalledWith({ title: '复制失败，请长按文字复制', icon: 'none', duration: 2500 });

    expect(await privacy.runPrivacyApi('chooseMedia', () => Promise.reject({ errno: 112, errMsg: 'not declared' }))).toBe('unavailable');
    expect(Taro.showToast).toHaveBeenLastCalledWith({ title: '当前环境暂不支持选择图片', icon: 'none', duration: 2500 });
  });

  it('offers the settings page after a scope refusal, only from the visitor’s confirmation', async () => {
    Taro.saveImageToPhotosAlbum.mockImplementation(() => Promise.reject({ errMsg: 'saveImageToPhotosAlbum:fail auth deny' }));
    expect(await privacy.saveImageToAlbum('wxfile://tmp/a.png')).toBe('scope_denied');
    expect(Taro.showModal).toHaveBeenCalled();
    expect(Taro.openSetting).not.toHaveBeenCalled();
  });

  it('chooses images through the same door', async () => {
    expect(await privacy.chooseImages(1)).toEqual(['wxfile://tmp/1.jpg']);
    expect(Taro.chooseMedia).toHaveBeenCalledWith({ count: 1, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] });
    expect(Taro.chooseImage).not.toHaveBeenCalled();
    Taro.chooseMedia.mockImplementationOnce(() => Promise.reject({ errno: 104, errMsg: 'chooseMedia:fail privacy permission is not authorized' }));
    expect(await privacy.chooseImages(1)).toEqual([]);
    expect(Taro.showToast).toHaveBeenLastCalledWith({ title: '需同意隐私保护指引后才能选择图片', icon: 'none', duration: 2500 });
  });
});

describe('launch mode', () => {
  it('maps entry scenes to share channels', () => {
    expect(launch.channelForScene(1154)).toBe('moments');
    expect(launch.channelForScene(1155)).toBe('moments');
    expect([1047, 1048, 1049, 1011].map(launch.channelForScene)).toEqual(['qr', 'qr', 'qr', 'qr']);
    expect([1007, 1008].map(launch.channelForScene)).toEqual(['chat', 'chat']);
    expect(launch.channelForScene(1001)).toBe('direct');
    expect(launch.channelForScene(null)).toBe('direct');
  });

  it('detects single-page mode from the entry options, and never on the web', () => {
    expect(launch.isSinglePageMode()).toBe(false);
    Taro.entry.scene = 1154;
    expect(launch.isSinglePageMode()).toBe(true);
    expect(launch.entryChannel()).toBe('moments');
    Taro.getEnterOptionsSync.mockImplementationOnce(() => {
      throw new Error('not supported');
    });
    expect(launch.entryScene()).toBe(1154);
    process.env.TARO_ENV = 'h5';
    expect(launch.isSinglePageMode()).toBe(false);
    expect(launch.entryChannel()).toBe('web_link');
  });
});

describe('vCard', () => {
  it('escapes text and types mobile and office numbers', () => {
    const text = vcard.vcardFor({ name: '李晓雯', title: '招商专员; 一科', unitName: '产业招商一科, 临江', phone: '138 0000 1234', wechatId: null }, '临江新区招商名片');
    expect(text.split('\r\n')).toEqual([
      'BEGIN:VCARD',
      'VERSION:3.0',
      'N:李晓雯;;;;',
      'FN:李晓雯',
      'ORG:产业招商一科\\, 临江',
      'TITLE:招商专员\\; 一科',
      'TEL;TYPE=CELL:13800001234',
      'NOTE:临江新区招商名片',
      'END:VCARD',
      '',
    ]);
    expect(vcard.isMobile('+86 138-0000-1234')).toBe(true);
    expect(vcard.isMobile('0571-87654321')).toBe(false);
    expect(vcard.vcardFileName('王 建/国')).toBe('王建国.vcf');
  });
});
