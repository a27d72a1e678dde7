import { createContext, useContext } from 'react';
import type { Dictionary, InquiryText, Language } from './dictionary';
import { zh } from './zh';

/** Chinese with the main package's texts, or English (one dictionary, the next steps' texts included). */
export type PageLanguage = { lang: 'zh'; t: Dictionary } | { lang: 'en'; t: InquiryText };

/** Without a provider (staff, office and report pages) everything reads Chinese. */
const TextContext = createContext<PageLanguage>({ lang: 'zh', t: zh });

/** Investor pages wrap what they render in this, with the language `usePageLanguage` chose. */
export const TextProvider = TextContext.Provider;

/** The texts of the page's language, for components: they read, never choose. */
export const useText = (): Dictionary => useContext(TextContext).t;

/** The page's language, for components that format numbers, areas and dates. */
export const useLanguage = (): Language => useContext(TextContext).lang;

/** The page's language and texts together (use-inquiry-text.ts completes the Chinese with the next steps' texts). */
export const usePageLanguageContext = (): PageLanguage => useContext(TextContext);
