import { getCardContract } from '../../../domain/api/public-read.contracts';
import { CardViewSchema, type CardView } from '../../../domain/api/views.schema';
import { cardCacheKey, cardRequestFromEntry, inLanguage, type CardEntry } from '../../card-model/card-request';
import type { Language } from '../../i18n/dictionary';
import { useResource, type ResourceState } from '../../hooks/use-resource';
import { ApiError, call, toApiError } from '../../services/api-client';

export type CardState = ResourceState<CardView>;

const mapCardError = (e: unknown): ApiError => {
  const error = toApiError(e);
  // A malformed id can only come from a broken link: tell the visitor what it means for them.
  return error.code === 'VALIDATION.INVALID_INPUT' ? new ApiError('CARD.NOT_FOUND') : error;
};

/** Loads the card page (`card.get`) for an entry in the page's language, showing the device copy at once when there is one. */
export const useCard = (entry: CardEntry, lang: Language = 'zh'): CardState => {
  const request = inLanguage(cardRequestFromEntry(entry), lang);
  const key = cardCacheKey(request);
  return useResource({
    key,
    fetch: () => call(getCardContract, request),
    cacheSchema: CardViewSchema,
    mapError: mapCardError,
  });
};
