import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { isLanguage } from './dictionary';
import { dictionaryFor } from './dictionaries';
import { currentLanguage, followLinkLanguage, subscribeLanguage } from './language';
import type { PageLanguage } from './text-context';

/**
 * An investor page's language: a `lang` query parameter (shared links) decides this page from its first frame
 * and the pages opened after it; otherwise the app's current language. Once followed, the switch wins over the
 * parameter still in the URL. The page hands the result to `TextProvider`.
 */
export const usePageLanguage = (linkLang?: string | null): PageLanguage => {
  const app = useSyncExternalStore(subscribeLanguage, currentLanguage, currentLanguage);
  const fromLink = isLanguage(linkLang) ? linkLang : null;
  const followed = useRef(false);
  useEffect(() => {
    if (!fromLink || followed.current) return;
    followed.current = true;
    followLinkLanguage(fromLink);
  }, [fromLink]);
  const lang = fromLink && !followed.current ? fromLink : app;
  return useMemo(() => ({ lang, t: dictionaryFor(lang) }), [lang]);
};
