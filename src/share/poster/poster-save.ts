import Taro from '@tarojs/taro';
import { classifyFailure, runPrivacyApi, type PrivacyOutcome } from '../../platform/privacy';
import { clickDownload } from '../../platform/web-download';

/**
 * Getting the poster out: the album or the system share sheet in the mini-program, a PNG download on the web.
 * Every call here must come from a tap (WeChat refuses openSetting otherwise).
 */

export type SaveFailure = 'cancelled' | 'denied' | 'privacy' | 'failed';
export type SaveOutcome = 'saved' | SaveFailure;

/** What the poster page says next for each outcome of the app's privacy rules. */
const SAVE_OUTCOME: Record<PrivacyOutcome, SaveOutcome> = {
  ok: 'saved',
  cancelled: 'cancelled',
  privacy_denied: 'privacy',
  scope_denied: 'denied',
  unavailable: 'failed',
  failed: 'failed',
};

/** WeChat reports failures as `{errMsg, errno}`: sorted by the app's privacy rules into what the page says next. */
export const classifySaveError = (error: unknown): SaveFailure => SAVE_OUTCOME[classifyFailure(error)] as SaveFailure;

export const ALBUM_SCOPE = 'scope.writePhotosAlbum';

/**
 * Saves a temp file to the phone's album through the app's privacy door; the first call asks for
 * `scope.writePhotosAlbum`. Quiet: the page explains a refusal with its own notice and settings button.
 */
export const saveToAlbum = async (filePath: string): Promise<SaveOutcome> =>
  SAVE_OUTCOME[await runPrivacyApi('saveImageToPhotosAlbum', () => Taro.saveImageToPhotosAlbum({ filePath }), { quiet: true })];

/** Opens the mini-program's settings (from a tap); resolves whether album access is now granted. */
export const openAlbumSettings = async (): Promise<boolean> => {
  try {
    const res = await Taro.openSetting();
    return res.authSetting?.[ALBUM_SCOPE] === true;
  } catch {
    return false;
  }
};

/** The system sheet for an image (send to a chat, save, Moments on newer clients): base library ≥ 2.14.3. */
export const canShareImage = (): boolean => {
  try {
    return typeof Taro.canIUse === 'function' && Taro.canIUse('showShareImageMenu') && typeof Taro.showShareImageMenu === 'function';
  } catch {
    return false;
  }
};

export const shareImage = async (path: string): Promise<SaveOutcome> => {
  try {
    await Taro.showShareImageMenu({ path });
    return 'saved';
  } catch (error) {
    return classifySaveError(error);
  }
};

const dataUrlToBlob = (dataUrl: string): Blob => {
  const [head, body] = dataUrl.split(',', 2);
  const mime = /^data:([^;]+)/.exec(head)?.[1] ?? 'image/png';
  const bytes = atob(body ?? '');
  const buffer = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i += 1) buffer[i] = bytes.charCodeAt(i);
  return new Blob([buffer], { type: mime });
};

/**
 * Web: downloads the poster under `fileName` through an <a download>: an object URL as it is (the page owns it), a
 * data URL through an object URL of its own, revoked once the download has started.
 */
export const downloadImageUrl = (imageUrl: string, fileName: string): void => {
  if (!imageUrl.startsWith('data:')) {
    clickDownload(imageUrl, fileName);
    return;
  }
  const url = typeof URL.createObjectURL === 'function' ? URL.createObjectURL(dataUrlToBlob(imageUrl)) : imageUrl;
  clickDownload(url, fileName);
  if (url !== imageUrl) setTimeout(() => URL.revokeObjectURL(url), 30_000);
};
