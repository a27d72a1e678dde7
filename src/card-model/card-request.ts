import type { RequestOf } from '../../domain/api/contract';
import type { getCardContract } from '../../domain/api/public-read.contracts';
import { isId } from '../../domain/common/text';
import { shareCodeFromEntry } from '../../domain/share/share-code.rules';

/**
 * Which card a page entry asks for. Free of Taro and React: the card page and the H5 first screen
 * (src/first-screen, inlined into index.html before the app loads) both build their `card.get` request here,
 * so the app can recognise — and reuse — the answer the first screen already fetched.
 */

/** What a page entry can carry: a card link, a chat share (`s`), a mini-program code (`scene`), a plain-URL QR (`q`). */
export interface CardEntry {
  cardId?: string;
  s?: string;
  scene?: string;
  q?: string;
}

export type CardRequest = RequestOf<typeof getCardContract>;

const safeDecode = (s: string): string => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** A plain-URL QR code hands over the whole URL; a card id may ride in it next to the share code. */
const cardIdFromUrl = (q: string | undefined): string | undefined => {
  const value = q ? /[?&#]cardId=([^&#]*)/.exec(safeDecode(q))?.[1] : undefined;
  return isId(value) ? value : undefined;
};

export const cardRequestFromEntry = (entry: CardEntry): CardRequest => {
  const request: CardRequest = {};
  const cardId = (entry.cardId ? safeDecode(entry.cardId).trim() : '') || cardIdFromUrl(entry.q);
  if (cardId) request.cardId = cardId;
  const shareCode = shareCodeFromEntry(entry);
  if (shareCode) request.shareCode = shareCode;
  return request;
};

/**
 * The request in a page language: English asks for the English content (`lang: 'en'`); Chinese is the request
 * as it always was, so Chinese visits share their answer with the first screen and the web host as before.
 */
export const inLanguage = (request: CardRequest, lang: 'zh' | 'en'): CardRequest => (lang === 'en' ? { ...request, lang } : request);

/** The device-cache key of a card request: one copy per language, a Chinese card never shown on an English page. */
export const cardCacheKey = (request: CardRequest): string => `card:${request.cardId ?? '-'}:${request.shareCode ?? '-'}${request.lang === 'en' ? ':en' : ''}`;
