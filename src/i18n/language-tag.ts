import type { Language } from './dictionary';

/** Free of Taro: the H5 first screen reads the same choice before the app has loaded. */

/** Where the visitor's own choice is kept on the device (Taro storage; on the web `localStorage` as `{data}`). */
export const LANGUAGE_STORAGE_KEY = 'investcard:lang';

/** 'zh_CN', 'zh-TW', 'zh_HK' → zh; 'en', 'en-GB', 'de-DE' → en (a foreign reader gets English); none → zh. */
export const languageOfTag = (tag: string | null | undefined): Language => {
  const value = (tag ?? '').trim().toLowerCase();
  return value === '' || value.startsWith('zh') ? 'zh' : 'en';
};
