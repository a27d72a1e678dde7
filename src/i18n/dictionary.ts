import type { zh } from './zh';
import type { zhCore } from './zh-core';

/** The languages of the investor path. Staff pages stay Chinese. */
export const LANGUAGES = ['zh', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

type Source = typeof zh;

/**
 * Every language has every key of the Chinese source (a missing or extra key fails the typecheck); plain texts
 * may differ, texts with values keep the same parameters.
 */
export type Dictionary = { readonly [K in keyof Source]: Source[K] extends string ? string : Source[K] };

/** The first screen's and the formatters' part of a dictionary (see zh-core.ts). */
export type CoreDictionary = { readonly [K in keyof typeof zhCore]: (typeof zhCore)[K] extends string ? string : (typeof zhCore)[K] };

export const isLanguage = (value: unknown): value is Language => value === 'zh' || value === 'en';
