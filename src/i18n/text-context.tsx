import { View } from '@tarojs/components';
import { createContext, useContext, type ReactNode } from 'react';
import { coreDictionaryFor } from './core-dictionaries';
import type { Dictionary, InquiryText, Language } from './dictionary';
import { zh } from './zh';

/**
 * Chinese with the main package's texts, or English (one dictionary, the next steps' texts included); `lang` is the
 * language the texts `t` are in (and numbers, areas and dates are formatted for).
 */
export type PageLanguage = ({ lang: 'zh'; t: Dictionary } | { lang: 'en'; t: InquiryText }) & {
  /**
   * The language the page asks the backend for: the target language from the first frame, even while its
   * dictionary is still on its way (absent: `lang`).
   */
  contentLang?: Language;
  /** The page speaks a language whose dictionary has not arrived yet: it shows a neutral loading state. */
  pending?: boolean;
};

/** Without a provider (staff, office and report pages) everything reads Chinese. */
const TextContext = createContext<PageLanguage>({ lang: 'zh', t: zh });

/**
 * Investor pages wrap what they render in this, with the language `usePageLanguage` chose. While that language's
 * dictionary is still loading the page shows a blank, busy state named in the target language (its core texts are
 * in the main package) rather than Chinese interface text that would flip a moment later.
 */
export function TextProvider({ value, children }: { value: PageLanguage; children?: ReactNode }) {
  if (value.pending) {
    const label = coreDictionaryFor(value.contentLang ?? value.lang).languageLoading;
    return <View className="language-pending" data-testid="language-pending" role="status" aria-busy="true" aria-label={label} />;
  }
  return <TextContext.Provider value={value}>{children}</TextContext.Provider>;
}

/** The texts of the page's language, for components: they read, never choose. */
export const useText = (): Dictionary => useContext(TextContext).t;

/** The page's language, for components that format numbers, areas and dates. */
export const useLanguage = (): Language => useContext(TextContext).lang;

/** The page's language and texts together (use-inquiry-text.ts completes the Chinese with the next steps' texts). */
export const usePageLanguageContext = (): PageLanguage => useContext(TextContext);
