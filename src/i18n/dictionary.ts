import type { zh } from './zh';
import type { zhCore } from './zh-core';
import type { zhInquiry } from './zh-inquiry';

/** The languages of the investor path. Staff pages stay Chinese. */
export const LANGUAGES = ['zh', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A language's texts for the keys of a Chinese source: plain texts may differ, texts with values keep the same parameters. */
type TextsOf<Source> = { readonly [K in keyof Source]: Source[K] extends string ? string : Source[K] };

/**
 * What the main package's investor pages read (zh.ts). Every language has every key of the Chinese source (a
 * missing or extra key fails the typecheck).
 */
export type Dictionary = TextsOf<typeof zh>;

/** The investor's next steps (zh-inquiry.ts: lead form, 我的咨询, directory, matches), read by subpackage pages only. */
export type InquiryDictionary = TextsOf<typeof zhInquiry>;

/**
 * One language's whole dictionary, as en.ts is: both parts, each key once (a key in both Chinese sources fails
 * the typecheck, see `DisjointKeys`). What `useInquiryText` gives a next-steps page.
 */
export type InquiryText = Dictionary & InquiryDictionary;

/** `never` unless no key is in both zh.ts and zh-inquiry.ts. */
export type DisjointKeys = keyof typeof zh & keyof typeof zhInquiry extends never ? true : never;
const disjoint: DisjointKeys = true;
void disjoint;

/** The first screen's and the formatters' part of a dictionary (see zh-core.ts). */
export type CoreDictionary = TextsOf<typeof zhCore>;

export const isLanguage = (value: unknown): value is Language => value === 'zh' || value === 'en';
