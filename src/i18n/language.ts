import Taro from '@tarojs/taro';
import { isLanguage, type Language } from './dictionary';
import { LANGUAGE_STORAGE_KEY, languageOfTag } from './language-tag';

/**
 * Which language the investor path speaks: the visitor's own choice (the card's 中文 / English switch, kept on
 * the device), else a shared link's `lang`, else the system's — WeChat's language in the mini-program, the
 * browser's on the web. Chinese unless the system speaks something other than Chinese.
 */

const STORAGE_KEY = LANGUAGE_STORAGE_KEY;

const systemTag = (): string | null => {
  try {
    if (process.env.TARO_ENV === 'h5') return typeof navigator === 'undefined' ? null : navigator.language;
    // Older base libraries lack getAppBaseInfo: their visitors read Chinese.
    return typeof Taro.getAppBaseInfo === 'function' ? Taro.getAppBaseInfo().language ?? null : null;
  } catch {
    return null;
  }
};

const storedChoice = (): Language | null => {
  try {
    const value: unknown = Taro.getStorageSync(STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
};

let current: Language | null = null;
const listeners = new Set<() => void>();

/** The language in effect now (decided once per app start, then changed only by a choice or a link). */
export const currentLanguage = (): Language => {
  if (current === null) current = storedChoice() ?? languageOfTag(systemTag());
  return current;
};

const change = (lang: Language): void => {
  if (lang === current) return;
  current = lang;
  listeners.forEach((listener) => listener());
};

/** The visitor's own choice: remembered on the device, and the whole investor path follows it at once. */
export const chooseLanguage = (lang: Language): void => {
  try {
    Taro.setStorageSync(STORAGE_KEY, lang);
  } catch {
    // Storage full or refused: the choice still holds until the app closes.
  }
  change(lang);
};

/** A link's `lang` holds for this visit (the pages opened after it too) without overriding a remembered choice later. */
export const followLinkLanguage = (lang: Language): void => change(lang);

export const subscribeLanguage = (listener: () => void): (() => void) => {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
};

/** Tests start each case from the device's state again. */
export const forgetLanguageForTests = (): void => {
  current = null;
};
