import type { InquiryText, Language } from './dictionary';
import type { PageLanguage } from './text-context';
import { zh } from './zh';

/**
 * What a page that wants `lang` can show now: English once its dictionary has arrived (english-dictionary.ts),
 * Chinese until then — the language answered travels with the texts, so texts and formats never disagree.
 */
export const pageLanguageFor = (lang: Language, english: InquiryText | null): PageLanguage =>
  lang === 'en' && english ? { lang: 'en', t: english } : { lang: 'zh', t: zh };
