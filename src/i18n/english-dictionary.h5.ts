import type { InquiryText } from './dictionary';
import { en } from './en';

/**
 * The web keeps English in the app's entry (the mini-program loads it lazily, english-dictionary.ts): the H5
 * first screen paints an English visitor's card in English before the app runs, and a lazy chunk would show
 * Chinese for a moment between the two.
 */
export const englishDictionary = (): InquiryText | null => en;

export const loadEnglishDictionary = (): Promise<InquiryText> => Promise.resolve(en);

/** Nothing ever arrives later on the web. */
export const subscribeEnglishDictionary = (): (() => void) => () => undefined;
