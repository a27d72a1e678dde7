/**
 * The device cache's record format, free of Taro: the app's cache (cache.ts) writes it and the H5 first screen
 * (src/first-screen) reads it before the app has loaded.
 */
export const CACHE_PREFIX = 'investcard.cache.';
export const CACHE_FORMAT = 1;

export interface Cached<T> {
  data: T;
  /** When the data was fetched (ISO time). */
  savedAt: string;
}

export interface CacheEntry {
  f: number;
  savedAt: string;
  data: unknown;
}

export const isCacheEntry = (value: unknown): value is CacheEntry =>
  typeof value === 'object' && value !== null && (value as CacheEntry).f === CACHE_FORMAT && typeof (value as CacheEntry).savedAt === 'string';
