import { safeParse } from 'valibot';
import { getCardContract } from '../../../domain/api/public-read.contracts';
import { CardViewSchema, type CardView } from '../../../domain/api/views.schema';
import { cardCacheKey, cardRequestFromEntry, inLanguage, type CardEntry, type CardRequest } from '../../card-model/card-request';
import { peekPrefetchedAnswer } from '../../first-screen/first-screen-handoff';
import type { Language } from '../../i18n/dictionary';
import { useResource, type ResourceState } from '../../hooks/use-resource';
import { ApiError, call, toApiError } from '../../services/api-client';

export type CardState = ResourceState<CardView>;

const mapCardError = (e: unknown): ApiError => {
  const error = toApiError(e);
  // A malformed id can only come from a broken link: tell the visitor what it means for them.
  return error.code === 'VALIDATION.INVALID_INPUT' ? new ApiError('CARD.NOT_FOUND') : error;
};

/** The card the H5 first screen already has for this request (none in the mini-program), checked as the client checks answers. */
const handedOverCard = (request: CardRequest): CardView | null => {
  const answer = peekPrefetchedAnswer(getCardContract.name, request);
  if (typeof answer !== 'object' || answer === null || (answer as { ok?: unknown }).ok !== true) return null;
  const parsed = safeParse(CardViewSchema, (answer as { data?: unknown }).data);
  return parsed.success ? parsed.output : null;
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
    // H5: the card page's first frame is the card the first screen shows, so it takes over at once (#12).
    initial: () => handedOverCard(request),
  });
};
