import type { RequestOf } from '../../../domain/api/contract';
import { getCardContract } from '../../../domain/api/public-read.contracts';
import { CardViewSchema, type CardView } from '../../../domain/api/views.schema';
import { shareCodeFromEntry } from '../../../domain/share/share-code.rules';
import { useResource, toApiError, type ResourceState } from '../../hooks/use-resource';
import { ApiError, call } from '../../services/api-client';

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
const cardIdFromUrl = (q: string | undefined): string | undefined =>
  q ? /[?&#]cardId=([A-Za-z0-9_-]{1,64})(?:[&#]|$)/.exec(safeDecode(q))?.[1] : undefined;

export const cardRequestFromEntry = (entry: CardEntry): CardRequest => {
  const request: CardRequest = {};
  const cardId = (entry.cardId ? safeDecode(entry.cardId).trim() : '') || cardIdFromUrl(entry.q);
  if (cardId) request.cardId = cardId;
  const shareCode = shareCodeFromEntry(entry);
  if (shareCode) request.shareCode = shareCode;
  return request;
};

export type CardState = ResourceState<CardView>;

/** The device-cache key of a card request. */
export const cardCacheKey = (request: CardRequest): string => `card:${request.cardId ?? '-'}:${request.shareCode ?? '-'}`;

const mapCardError = (e: unknown): ApiError => {
  const error = toApiError(e);
  // A malformed id can only come from a broken link: tell the visitor what it means for them.
  return error.code === 'VALIDATION.INVALID_INPUT' ? new ApiError('CARD.NOT_FOUND') : error;
};

/** Loads the card page (`card.get`) for an entry, showing the device copy at once when there is one. */
export const useCard = (entry: CardEntry): CardState => {
  const request = cardRequestFromEntry(entry);
  const key = cardCacheKey(request);
  return useResource({
    key,
    fetch: () => call(getCardContract, request),
    cacheSchema: CardViewSchema,
    mapError: mapCardError,
  });
};
