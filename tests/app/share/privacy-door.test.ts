import Taro from '@tarojs/taro';
import * as TaroMock from '../support/taro-mock';

/** The poster's album save and the card editor's image picker go through the app's one privacy door. */
jest.mock('../../../src/platform/privacy', () => {
  const actual = jest.requireActual<typeof import('../../../src/platform/privacy')>('../../../src/platform/privacy');
  return { ...actual, runPrivacyApi: jest.fn(actual.runPrivacyApi) };
});

const privacy = require('../../../src/platform/privacy') as { runPrivacyApi: jest.Mock };
const { saveToAlbum } = require('../../../src/share/poster/poster-save') as typeof import('../../../src/share/poster/poster-save');
const { chooseAndUploadImage, ImageUploadError } = require('../../../src/services/image-upload') as typeof import('../../../src/services/image-upload');

interface WxApis {
  saveImageToPhotosAlbum: jest.Mock;
  chooseImage: jest.Mock;
  chooseMedia: jest.Mock;
  showModal: jest.Mock;
  openSetting: jest.Mock;
  cloud: { uploadFile: jest.Mock; init: jest.Mock };
}
const wx = Taro as unknown as WxApis;

const picked = (path: string, size: number, fileType = 'image') => Promise.resolve({ tempFiles: [{ tempFilePath: path, size, fileType }], type: fileType, errMsg: 'chooseMedia:ok' });

beforeEach(() => {
  TaroMock.resetTaroMock();
  privacy.runPrivacyApi.mockClear();
  wx.saveImageToPhotosAlbum = jest.fn(() => Promise.resolve({ errMsg: 'saveImageToPhotosAlbum:ok' }));
  wx.chooseImage = jest.fn();
  wx.chooseMedia = jest.fn(() => picked('wxfile://tmp/qr.png', 2048));
  wx.showModal = jest.fn(() => Promise.resolve({ confirm: true }));
  wx.openSetting = jest.fn(() => Promise.resolve({ authSetting: {} }));
  wx.cloud.uploadFile = jest.fn(() => Promise.resolve({ fileID: 'cloud://env/card-images/wechat-qr/card_wang/1.png' }));
});
afterEach(() => {
  process.env.TARO_ENV = 'weapp';
});

/** Nothing of the door's own UI: the poster page and the editor explain refusals themselves. */
const expectQuiet = () => {
  expect(Taro.showToast).not.toHaveBeenCalled();
  expect(wx.showModal).not.toHaveBeenCalled();
  expect(wx.openSetting).not.toHaveBeenCalled();
};

describe('poster: saving to the album', () => {
  it.each([
    [undefined, 'saved'],
    [{ errMsg: 'saveImageToPhotosAlbum:fail auth deny' }, 'denied'],
    [{ errno: 104, errMsg: 'saveImageToPhotosAlbum:fail privacy permission is not authorized' }, 'privacy'],
    [{ errMsg: 'saveImageToPhotosAlbum:fail cancel' }, 'cancelled'],
    [{ errno: 112, errMsg: 'saveImageToPhotosAlbum:fail api scope is not declared in the privacy agreement' }, 'failed'],
    [{ errMsg: 'saveImageToPhotosAlbum:fail file not found' }, 'failed'],
  ])('after %j says %s, quietly', async (failure, outcome) => {
    if (failure) wx.saveImageToPhotosAlbum.mockRejectedValueOnce(failure);
    expect(await saveToAlbum('wxfile://tmp/poster.png')).toBe(outcome);
    expect(wx.saveImageToPhotosAlbum).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/poster.png' });
    expect(privacy.runPrivacyApi).toHaveBeenCalledWith('saveImageToPhotosAlbum', expect.any(Function), { quiet: true });
    expectQuiet();
  });
});

describe('card editor: choosing an image', () => {
  it('picks through the door and uploads a JPG or PNG', async () => {
    expect(await chooseAndUploadImage('card-images/wechat-qr/card_wang')).toBe('cloud://env/card-images/wechat-qr/card_wang/1.png');
    expect(wx.chooseMedia).toHaveBeenCalledWith({ count: 1, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] });
    // The deprecated picker is never used.
    expect(wx.chooseImage).not.toHaveBeenCalled();
    expect(privacy.runPrivacyApi).toHaveBeenCalledWith('chooseMedia', expect.any(Function), { quiet: true });
    expect(wx.cloud.uploadFile).toHaveBeenCalledWith({ cloudPath: expect.stringMatching(/^card-images\/wechat-qr\/card_wang\/\d+-[a-z0-9]+\.png$/), filePath: 'wxfile://tmp/qr.png' });
  });

  it('resolves null when the picker is cancelled', async () => {
    wx.chooseMedia.mockRejectedValueOnce({ errMsg: 'chooseMedia:fail cancel' });
    expect(await chooseAndUploadImage('card-images/photo/card_wang')).toBeNull();
    expect(wx.cloud.uploadFile).not.toHaveBeenCalled();
    expectQuiet();
  });

  it.each([
    [{ errno: 104, errMsg: 'chooseMedia:fail privacy permission is not authorized' }, '请先同意隐私保护指引后再选择图片'],
    [{ errMsg: 'chooseMedia:fail auth deny' }, '未获授权使用相册或相机，可在设置中开启'],
    [{ errno: 112, errMsg: 'chooseMedia:fail api scope is not declared in the privacy agreement' }, '无法打开相册，请稍后重试'],
    [{ errMsg: 'chooseMedia:fail system error' }, '无法打开相册，请稍后重试'],
  ])('after %j explains through the editor: %s', async (failure, message) => {
    wx.chooseMedia.mockRejectedValueOnce(failure);
    const attempt = chooseAndUploadImage('card-images/photo/card_wang');
    await expect(attempt).rejects.toBeInstanceOf(ImageUploadError);
    await expect(attempt).rejects.toThrow(message);
    expect(wx.cloud.uploadFile).not.toHaveBeenCalled();
    expectQuiet();
  });

  it('still checks type and size before uploading', async () => {
    wx.chooseMedia.mockImplementationOnce(() => picked('wxfile://tmp/big.jpg', 3 * 1024 * 1024));
    await expect(chooseAndUploadImage('card-images/photo/card_wang')).rejects.toThrow('图片不能超过 2 MB（当前 3.0 MB），请裁剪或压缩后再上传');
    wx.chooseMedia.mockImplementationOnce(() => picked('wxfile://tmp/clip.mp4', 1024, 'video'));
    await expect(chooseAndUploadImage('card-images/photo/card_wang')).rejects.toThrow('只支持 JPG 或 PNG 格式的图片');
    expect(wx.cloud.uploadFile).not.toHaveBeenCalled();
  });

  it('offers no upload on the web', async () => {
    process.env.TARO_ENV = 'h5';
    await expect(chooseAndUploadImage('card-images/photo/card_wang')).rejects.toThrow('请在微信小程序中上传图片');
    expect(wx.chooseMedia).not.toHaveBeenCalled();
  });
});
