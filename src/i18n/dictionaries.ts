import type { Dictionary, Language } from './dictionary';
import { en } from './en';
import { zh } from './zh';

export const dictionaryFor = (lang: Language): Dictionary => (lang === 'en' ? en : zh);
