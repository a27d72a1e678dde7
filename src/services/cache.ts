import Taro from '@tarojs/taro';
import * as v from 'valibot';
import { CACHE_FORMAT, CACHE_PREFIX, isCacheEntry, type CacheEntry, type Cached } from './cache-entry';

/**
 * Device cache for stale-while-revalidate pages (card, carrier list, carrier detail, directory). Entries are
 * validated with the contract's response schema when read, so an older app version's data can never break a
 * page; the newest MAX_ENTRIES keys are kept.
 */
const PREFIX = CACHE_PREFIX;
const INDEX_KEY = `${PREFIX}index`;
const MAX_ENTRIES = 40;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any schema; the output type is what matters
type AnySchema = v.GenericSchema<any, any>;

const readRaw = (key: string): unknown => {
  try {
    const raw: unknown = Taro.getStorageSync(key);
    return typeof raw === 'string' && raw ? (JSON.parse(raw) as unknown) : raw;
  } catch {
    return null;
  }
};

/** The cached value for `key` if present and still valid for `schema`, else null. Synchronous: first paint uses it. */
export const readCache = <S extends AnySchema>(key: string, schema: S): Cached<v.InferOutput<S>> | null => {
  const entry = readRaw(PREFIX + key);
  if (!isCacheEntry(entry)) return null;
  const parsed = v.safeParse(schema, entry.data);
  return parsed.success ? { data: parsed.output as v.InferOutput<S>, savedAt: entry.savedAt } : null;
};

const store = (key: string, value: unknown): void => {
  // Asynchronous where the platform has it, so a large write never blocks a render.
  if (typeof Taro.setStorage === 'function') {
    Taro.setStorage({ key, data: value }).catch(() => undefined);
    return;
  }
  Taro.setStorageSync(key, value);
};

const remove = (key: string): void => {
  try {
    if (typeof Taro.removeStorageSync === 'function') Taro.removeStorageSync(key);
  } catch {
    // Nothing to clean up then.
  }
};

const touchIndex = (key: string, drop = false): void => {
  const current = readRaw(INDEX_KEY);
  const keys = Array.isArray(current) ? current.filter((k): k is string => typeof k === 'string' && k !== key) : [];
  if (!drop) keys.unshift(key);
  for (const stale of keys.splice(MAX_ENTRIES)) remove(PREFIX + stale);
  store(INDEX_KEY, keys);
};

/** Remembers `data` for `key`. Failures (storage full, private mode) are ignored: the cache is a bonus. */
export const writeCache = (key: string, data: unknown, now: Date = new Date()): void => {
  try {
    const entry: CacheEntry = { f: CACHE_FORMAT, savedAt: now.toISOString(), data };
    store(PREFIX + key, entry);
    touchIndex(key);
  } catch {
    // The page works without its cache.
  }
};

/** Forgets `key`, e.g. when the backend says the thing no longer exists. */
export const dropCache = (key: string): void => {
  try {
    remove(PREFIX + key);
    touchIndex(key, true);
  } catch {
    // Nothing to forget then.
  }
};
