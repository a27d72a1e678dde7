import type { InquiryText, Language } from './dictionary';
import { usePageLanguageContext, type PageLanguage } from './text-context';
import { zh } from './zh';
import { zhInquiry } from './zh-inquiry';

/**
 * The next steps' texts (lead form, 我的咨询, directory, matches) with the rest of the investor path's: imported by
 * subpackage code only, so the main package carries neither this file nor zh-inquiry.ts (#12; a jest guard,
 * tests/app/weapp-main-package-imports.test.ts, keeps main-package pages from importing them).
 */

/** The whole Chinese dictionary: zh.ts and zh-inquiry.ts. */
export const zhInquiryText: InquiryText = { ...zh, ...zhInquiry };

/** A page language's whole dictionary: English carries both parts already, Chinese gets zh-inquiry.ts added. */
export const inquiryTextOf = (page: PageLanguage): InquiryText => (page.lang === 'en' ? page.t : zhInquiryText);

/** The whole dictionary for a language, as far as it has arrived: Chinese while English is still loading. */
export const inquiryTextFor = (lang: Language, english: InquiryText | null): InquiryText => (lang === 'en' && english ? english : zhInquiryText);

/** For components and pages of the next steps: what `useText` is for the main package's. Chinese without a provider. */
export const useInquiryText = (): InquiryText => inquiryTextOf(usePageLanguageContext());
