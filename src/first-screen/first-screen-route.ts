import { cardRequestFromEntry, type CardEntry, type CardRequest } from '../card-model/card-request';
import { MOVED_PAGES } from './moved-pages';

/** The card page's route; with an empty hash the H5 router opens it too (it is the first page). */
export const CARD_ROUTE = '/pages/card/index';
export { MOVED_PAGES } from './moved-pages';

/** The hash route an old address of a moved page has now (its query kept as it is), or null when it did not move. */
export const movedHashRoute = (hash: string): string | null => {
  const afterHash = hash.startsWith('#') ? hash.slice(1) : hash;
  const queryAt = afterHash.indexOf('?');
  const path = (queryAt === -1 ? afterHash : afterHash.slice(0, queryAt)).replace(/\/+$/, '');
  const moved = Object.prototype.hasOwnProperty.call(MOVED_PAGES, path) ? MOVED_PAGES[path] : undefined;
  return moved === undefined ? null : `#${moved}${queryAt === -1 ? '' : afterHash.slice(queryAt)}`;
};

/** What a card address may carry (see CardEntry). */
const ENTRY_KEYS = ['cardId', 's', 'scene', 'q'] as const;

export interface CardLocation {
  /** The `card.get` request the card page will make. */
  request: CardRequest;
  /**
   * Set when the card was addressed by query string (`/?cardId=…&s=…`, the form web links and plain-URL QR
   * codes use, which a web host can read): the hash route the app needs for the same card.
   */
  hashRoute: string | null;
}

const pickEntry = (get: (key: string) => string | undefined): CardEntry => {
  const entry: CardEntry = {};
  for (const key of ENTRY_KEYS) {
    const value = get(key);
    if (value !== undefined) entry[key] = value;
  }
  return entry;
};

/**
 * Reads a hash route's query as Taro's hash router does: split, not decoded (query-string with
 * `decode: false`); the first of a repeated key wins, as our links never repeat one.
 */
const hashQuery = (query: string): Record<string, string> => {
  const values: Record<string, string> = {};
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    const key = eq === -1 ? pair : pair.slice(0, eq);
    if (key && !Object.prototype.hasOwnProperty.call(values, key)) values[key] = eq === -1 ? '' : pair.slice(eq + 1);
  }
  return values;
};

/**
 * Which card an address opens, or null when it opens another page. A hash route decides when there is one
 * (`#/pages/card/index?cardId=…`; `#/` or nothing means the first page, the card); otherwise the query
 * string names the card, and an address naming nothing opens the district's default card.
 */
export const cardLocation = (hash: string, search: string): CardLocation | null => {
  const afterHash = hash.startsWith('#') ? hash.slice(1) : hash;
  const queryAt = afterHash.indexOf('?');
  const path = (queryAt === -1 ? afterHash : afterHash.slice(0, queryAt)).replace(/\/+$/, '');
  if (path !== '' && path !== CARD_ROUTE) return null;
  if (path === CARD_ROUTE || queryAt !== -1) {
    const values = hashQuery(queryAt === -1 ? '' : afterHash.slice(queryAt + 1));
    return { request: cardRequestFromEntry(pickEntry((k) => values[k])), hashRoute: null };
  }
  const params = new URLSearchParams(search);
  const entry = pickEntry((k) => params.get(k) ?? undefined);
  const named = ENTRY_KEYS.filter((k) => entry[k] !== undefined);
  // A shared link's language travels into the hash route too, where the app reads it (it names no card).
  const lang = params.get('lang');
  const carried = lang === 'en' || lang === 'zh' ? [`lang=${lang}`] : [];
  if (!named.length && !carried.length) return { request: cardRequestFromEntry({}), hashRoute: null };
  const query = [...named.map((k) => `${k}=${encodeURIComponent(entry[k] as string)}`), ...carried].join('&');
  return { request: cardRequestFromEntry(entry), hashRoute: `#${CARD_ROUTE}?${query}` };
};
