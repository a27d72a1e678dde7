import Taro from '@tarojs/taro';

/**
 * The one door to WeChat's privacy-relevant APIs. Each must be declared in the mini-program admin
 * (用户隐私保护指引) and, since base library 2.32.3, the user must accept the privacy guide before the first
 * call (WeChat shows its official pop-up when `__usePrivacyCheck__` is on and no custom one is registered).
 *
 * A refusal never throws into the page: the visitor gets one clear Chinese toast and the page stays usable.
 */
export type PrivacyApi = 'addPhoneContact' | 'setClipboardData' | 'saveImageToPhotosAlbum' | 'openLocation' | 'chooseMedia';

/** What the visitor was trying to do, as the messages say it. */
const PURPOSE: Record<PrivacyApi, string> = {
  addPhoneContact: '存入通讯录',
  setClipboardData: '复制',
  saveImageToPhotosAlbum: '保存图片',
  openLocation: '打开地图',
  chooseMedia: '选择图片',
};

/** The WeChat permission (scope) behind an API, where there is one. */
const SCOPE: Partial<Record<PrivacyApi, { scope: string; label: string }>> = {
  saveImageToPhotosAlbum: { scope: 'scope.writePhotosAlbum', label: '添加到相册' },
  addPhoneContact: { scope: 'scope.addPhoneContact', label: '添加到联系人' },
};

export type PrivacyOutcome = 'ok' | 'cancelled' | 'privacy_denied' | 'scope_denied' | 'unavailable' | 'failed';

interface WxFailure {
  errno?: unknown;
  errMsg?: unknown;
  message?: unknown;
}

/** Reads a WeChat failure: errno 104 = privacy guide refused, 112 = interface not declared, "auth deny" = scope refused. */
export const classifyFailure = (error: unknown): Exclude<PrivacyOutcome, 'ok'> => {
  const failure = (error ?? {}) as WxFailure;
  const errno = Number(failure.errno);
  const text = String(failure.errMsg ?? failure.message ?? '');
  if (errno === 104) return 'privacy_denied';
  if (errno === 112 || /not declared|not supported|temporarily not support|暂时不支持/i.test(text)) return 'unavailable';
  if (/privacy (api )?banned|privacy permission|privacy agreement/i.test(text)) return 'privacy_denied';
  if (/auth den(y|ied)|authorize no response|permission denied|scope/i.test(text)) return 'scope_denied';
  if (/cancel/i.test(text)) return 'cancelled';
  return 'failed';
};

export const refusalMessage = (api: PrivacyApi, outcome: Exclude<PrivacyOutcome, 'ok' | 'cancelled'>): string => {
  const purpose = PURPOSE[api];
  switch (outcome) {
    case 'privacy_denied':
      return `需同意隐私保护指引后才能${purpose}`;
    case 'scope_denied':
      return `未获授权，暂时无法${purpose}`;
    case 'unavailable':
      return `当前环境暂不支持${purpose}`;
    default:
      return `${purpose}失败，请稍后重试`;
  }
};

const toast = (title: string): void => {
  Taro.showToast({ title, icon: 'none', duration: 2500 }).catch(() => undefined);
};

/** After a scope refusal WeChat will not ask again: offer the settings page (it must open from a tap). */
const offerSettings = async (api: PrivacyApi): Promise<void> => {
  const scope = SCOPE[api];
  if (!scope || process.env.TARO_ENV !== 'weapp' || typeof Taro.showModal !== 'function') {
    toast(refusalMessage(api, 'scope_denied'));
    return;
  }
  try {
    const { confirm } = await Taro.showModal({
      title: '需要授权',
      content: `${PURPOSE[api]}需要「${scope.label}」权限，可在设置中开启。`,
      confirmText: '去设置',
      cancelText: '暂不',
    });
    if (confirm) await Taro.openSetting();
  } catch {
    toast(refusalMessage(api, 'scope_denied'));
  }
};

export interface PrivacyCallOptions {
  /** Toast shown instead of the generic one when the call fails for another reason. */
  failMessage?: string;
  /**
   * The caller explains failures itself (a page with its own notice and settings button, a form field with its
   * own error): no toast and no settings dialog here, only the outcome.
   */
  quiet?: boolean;
}

/**
 * Runs one privacy-relevant API call. Cancelling the system sheet is the visitor's choice and stays silent;
 * every other failure is explained once (unless `quiet`). Resolves with what happened, never rejects.
 */
export const runPrivacyApi = async (api: PrivacyApi, run: () => Promise<unknown>, options: PrivacyCallOptions = {}): Promise<PrivacyOutcome> => {
  try {
    await run();
    return 'ok';
  } catch (error) {
    const outcome = classifyFailure(error);
    if (outcome === 'cancelled' || options.quiet) return outcome;
    if (outcome === 'scope_denied') {
      await offerSettings(api);
      return outcome;
    }
    toast(outcome === 'failed' && options.failMessage ? options.failMessage : refusalMessage(api, outcome));
    return outcome;
  }
};

/** Copies text. Both WeChat and Taro's web build confirm with their own toast. */
export const copyText = (data: string, options: PrivacyCallOptions = {}): Promise<PrivacyOutcome> =>
  runPrivacyApi('setClipboardData', () => Taro.setClipboardData({ data }), { failMessage: options.failMessage ?? '复制失败，请长按文字复制' });

export const addPhoneContact = (contact: Taro.addPhoneContact.Option): Promise<PrivacyOutcome> =>
  runPrivacyApi('addPhoneContact', () => Taro.addPhoneContact(contact));

export const openLocation = (place: { latitude: number; longitude: number; name: string; address: string }): Promise<PrivacyOutcome> =>
  runPrivacyApi('openLocation', () => Taro.openLocation({ ...place, scale: 16 }), { failMessage: '地图打开失败，请稍后重试' });

/** Saves a local or temporary image file (not a package path or a cloud file id) to the album. */
export const saveImageToAlbum = async (filePath: string): Promise<PrivacyOutcome> => {
  const outcome = await runPrivacyApi('saveImageToPhotosAlbum', () => Taro.saveImageToPhotosAlbum({ filePath }), {
    failMessage: '保存失败，可在预览图中长按保存',
  });
  if (outcome === 'ok') toast('已保存到相册');
  return outcome;
};

/** Images only, through `chooseMedia` (`chooseImage` is deprecated). */
export const chooseImages = async (count: number): Promise<string[]> => {
  let paths: string[] = [];
  await runPrivacyApi('chooseMedia', async () => {
    const res = await Taro.chooseMedia({ count, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] });
    paths = res.tempFiles.map((f) => f.tempFilePath);
  });
  return paths;
};
