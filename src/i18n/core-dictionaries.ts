import type { CoreDictionary, Language } from './dictionary';
import { enCore } from './en-core';
import { zhCore } from './zh-core';

/** The small part of each language that code running before the app (the H5 first screen) may carry. */
export const coreDictionaryFor = (lang: Language): CoreDictionary => (lang === 'en' ? enCore : zhCore);
