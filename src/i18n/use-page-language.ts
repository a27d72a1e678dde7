import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { isLanguage } from './dictionary';
import { pageLanguageFor } from './dictionaries';
import { englishDictionary, loadEnglishDictionary, subscribeEnglishDictionary } from './english-dictionary';
import { currentLanguage, followLinkLanguage, subscribeLanguage } from './language';
import type { PageLanguage } from './text-context';

/**
 * An investor page's language: a `lang` query parameter (shared links) decides this page from its first frame
 * and the pages opened after it; otherwise the app's current language. Once followed, the switch wins over the
 * parameter still in the URL. English is loaded when first wanted; the page reads Chinese until it has arrived.
 * The page hands the result to `TextProvider`.
 */
export const usePageLanguage = (linkLang?: string | null): PageLanguage => {
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
  useEffect(() => {
    // A failed download leaves the page Chinese; the next page or choice asks again.
    if (wanted === 'en' && !english) loadEnglishDictionary().catch(() => undefined);
  }, [wanted, english]);
  return useMemo(() => pageLanguageFor(wanted, english), [wanted, english]);
};
