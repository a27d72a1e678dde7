import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { isLanguage, type Language } from './dictionary';
import { pageLanguageFor } from './dictionaries';
import { englishDictionary, loadEnglishDictionary, subscribeEnglishDictionary } from './english-dictionary';
import { currentLanguage, followLinkLanguage, subscribeLanguage } from './language';
import type { PageLanguage } from './text-context';

/** What `usePageLanguage` hands a page: its texts, and the language its data is asked in. */
export type PageLanguageState = PageLanguage & {
  contentLang: Language;
  pending: boolean;
};

/**
 * An investor page's language: a `lang` query parameter (shared links) decides this page from its first frame
 * and the pages opened after it; otherwise the app's current language. Once followed, the switch wins over the
 * parameter still in the URL. The language is known before its dictionary arrives, so the page asks for its data
 * in that language from the start (`contentLang`: one read, never a Chinese one first) and, while English is
 * still loading (`pending`), `TextProvider` shows a neutral loading state instead of Chinese interface text. A
 * failed download leaves the page Chinese, data included; the next page or choice asks again. The page hands the
 * result to `TextProvider`.
 */
export const usePageLanguage = (linkLang?: string | null): PageLanguageState => {
  const app = useSyncExternalStore(subscribeLanguage, currentLanguage, currentLanguage);
  const english = useSyncExternalStore(subscribeEnglishDictionary, englishDictionary, englishDictionary);
  const fromLink = isLanguage(linkLang) ? linkLang : null;
  const followed = useRef(false);
  useEffect(() => {
    if (!fromLink || followed.current) return;
    followed.current = true;
    followLinkLanguage(fromLink);
  }, [fromLink]);
  const wanted = fromLink && !followed.current ? fromLink : app;
  // The wanted language whose download failed on this page (reset when another is wanted).
  const [failed, setFailed] = useState<Language | null>(null);
  const failedNow = failed === wanted;
  useEffect(() => {
    if (failed && failed !== wanted) setFailed(null);
  }, [failed, wanted]);
  useEffect(() => {
    if (wanted !== 'en' || english || failedNow) return;
    let live = true;
    loadEnglishDictionary().catch(() => {
      if (live) setFailed('en');
    });
    return () => {
      live = false;
    };
  }, [wanted, english, failedNow]);
  return useMemo(() => {
    const shown = pageLanguageFor(failedNow ? 'zh' : wanted, english);
    const contentLang: Language = failedNow ? 'zh' : wanted;
    return { ...shown, contentLang, pending: contentLang !== shown.lang };
  }, [wanted, english, failedNow]);
};
