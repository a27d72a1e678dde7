import * as v from 'valibot';
import { line, paragraph } from './text';

/**
 * Content in two languages. District, card, carrier and unit texts are written in Chinese and may carry an
 * English variant beside them (`nameEn`, `keyIndustriesEn[i]` for `keyIndustries[i]` …). A public read asked for
 * English returns the English variant where one exists, else the Chinese text, and names every field that fell
 * back in the view's `fallbackZh` (`name`, `keyIndustries.2`, `headlineFigures.0.label`): the one shape of every
 * read, so the page can mark those texts «中文» and tell screen readers they are Chinese.
 */

export const CONTENT_LANGUAGES = ['zh', 'en'] as const;
export type ContentLanguage = (typeof CONTENT_LANGUAGES)[number];

/** The page language a public read takes; absent reads Chinese. */
export const contentLanguage = () => v.optional(v.picklist(CONTENT_LANGUAGES, '语言只能是 zh 或 en'));

/** An optional English variant of a single-line field; empty means «none» (the Chinese text is shown). */
export const englishLine = (max: number) => v.optional(line(0, max));

/** An optional English variant of a multi-line field. */
export const englishParagraph = (max: number) => v.optional(paragraph(0, max));

/**
 * English variants of a list, item by item: `itemsEn[i]` translates `items[i]`; a missing or empty item falls
 * back to the Chinese one. Never longer than the list it translates may be (`maxItems`).
 */
export const englishList = (maxItems: number, maxLength: number) => v.optional(v.pipe(v.array(line(0, maxLength)), v.maxLength(maxItems, `最多 ${maxItems} 项`)));

/** Which fields of a view are shown in Chinese because no English exists (absent on Chinese reads). */
export const FallbackZhSchema = v.optional(v.array(v.string()));

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Texts for one view in one language, noting each fallback to Chinese under `prefix` + field. */
export interface ContentPicker {
  text: (field: string, zh: string, en: string | null | undefined) => string;
  list: (field: string, zh: readonly string[], en: readonly string[] | null | undefined) => string[];
  /** The fallbacks noted so far, or undefined on a Chinese read (the field stays out of the view). */
  fallbackZh: () => string[] | undefined;
}

export const contentPicker = (lang: ContentLanguage | undefined): ContentPicker => {
  const fallbacks: string[] = [];
  const english = lang === 'en';
  const text = (field: string, zh: string, en: string | null | undefined): string => {
    if (!english) return zh;
    const variant = en?.trim();
    if (variant) return variant;
    // Text without Han characters («GDP», «5G») reads the same in both languages: nothing to mark.
    if (HAN.test(zh)) fallbacks.push(field);
    return zh;
  };
  return {
    text,
    list: (field, zh, en) => zh.map((item, i) => text(`${field}.${i}`, item, en?.[i])),
    fallbackZh: () => (english ? fallbacks : undefined),
  };
};

/** Whether a view shows `field` in Chinese on an English page. */
export const isFallbackZh = (view: { fallbackZh?: readonly string[] | undefined }, field: string): boolean => view.fallbackZh?.includes(field) ?? false;

/** The English variant a Chinese item has in a parallel list (`keyIndustries` → `keyIndustriesEn`), if any. */
export const englishOf = (item: string, zh: readonly string[], en: readonly string[] | null | undefined): string | undefined => {
  const at = zh.indexOf(item);
  return at >= 0 ? en?.[at] : undefined;
};
