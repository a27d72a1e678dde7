import { inLanguage, type CardRequest } from '../card-model/card-request';
import { isLanguage, type Language } from '../i18n/dictionary';
import { LANGUAGE_STORAGE_KEY, languageOfTag } from '../i18n/language-tag';

/** The `lang` of a card address (`?lang=en`, or inside the hash route's query), if it names one. */
export const linkLanguage = (search: string, hash = ''): Language | null => {
  for (const query of [search, hash.includes('?') ? hash.slice(hash.indexOf('?')) : '']) {
    const match = /[?&]lang=([^&#]*)/.exec(query);
    if (match && isLanguage(match[1])) return match[1];
  }
  return null;
};

/**
 * The language the app will choose (src/i18n/language.ts), decided before it loads: the address's `lang`, the
 * visitor's remembered choice, else the browser's language.
 */
export const firstScreenLanguage = (win: Pick<Window, 'location' | 'localStorage' | 'navigator'>): Language => {
  const fromLink = linkLanguage(win.location.search, win.location.hash);
  if (fromLink) return fromLink;
  try {
    const raw = win.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    const stored: unknown = raw ? (JSON.parse(raw) as { data?: unknown }).data : null;
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage refused or unreadable: fall through to the browser's language.
  }
  return languageOfTag(win.navigator?.language);
};

/**
 * The browser's language as a web host sees it, the way the boot script will read it: `navigator.language` is the
 * first tag a browser sends in `accept-language`; no header (or `*`, which some HTTP clients send) reads as
 * Chinese, as no tag does. The visitor's remembered choice is on the device only: the boot script asks again then.
 */
export const browserLanguageOf = (acceptLanguage: string | undefined): Language => {
  const first = (acceptLanguage ?? '').split(',')[0]?.split(';')[0]?.trim() ?? '';
  return languageOfTag(/^[a-z]{2,3}(?:[-_]|$)/i.test(first) ? first : '');
};

/**
 * The card request the first screen makes in its language — the very request the app's card page makes, so the
 * web host's answer and the boot script's are handed over to the app (English content for an English page).
 */
export const firstScreenCardRequest = (request: CardRequest, lang: Language): CardRequest => inLanguage(request, lang);
