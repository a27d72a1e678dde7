import { useCallback, useEffect, useRef, useState } from 'react';
import type { RequestOf } from '../../../domain/api/contract';
import { getCardContract } from '../../../domain/api/public-read.contracts';
import type { CardView } from '../../../domain/api/views.schema';
import { shareCodeFromEntry } from '../../../domain/share/share-code.rules';
import { ApiError, call, isApiError } from '../../services/api-client';

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

export type CardStatus = 'loading' | 'ready' | 'error';

export interface CardState {
  /** `ready` keeps showing the last data while a refresh runs; a failed refresh leaves it and sets `error`. */
  status: CardStatus;
  data: CardView | null;
  error: ApiError | null;
  reload: () => Promise<void>;
}

const toApiError = (e: unknown): ApiError => {
  if (!isApiError(e)) return new ApiError('INTERNAL.UNEXPECTED');
  // A malformed id can only come from a broken link: tell the visitor what it means for them.
  return e.code === 'VALIDATION.INVALID_INPUT' ? new ApiError('CARD.NOT_FOUND') : e;
};

/** Loads the card page (`card.get`) for an entry. */
export const useCard = (entry: CardEntry): CardState => {
  const request = cardRequestFromEntry(entry);
  const requestKey = JSON.stringify(request);
  const [state, setState] = useState<Omit<CardState, 'reload'>>({ status: 'loading', data: null, error: null });
  const latest = useRef(0);

  const load = useCallback(async (): Promise<void> => {
    const ticket = ++latest.current;
    setState((s) => (s.data ? { ...s, error: null } : { status: 'loading', data: null, error: null }));
    try {
      const data = await call(getCardContract, JSON.parse(requestKey) as CardRequest);
      if (ticket === latest.current) setState({ status: 'ready', data, error: null });
    } catch (e) {
      if (ticket !== latest.current) return;
      const error = toApiError(e);
      setState((s) => (s.data ? { status: 'ready', data: s.data, error } : { status: 'error', data: null, error }));
    }
  }, [requestKey]);

  useEffect(() => {
    void load();
    return () => {
      // Answers for an entry the page has left are dropped.
      latest.current += 1;
    };
  }, [load]);

  return { ...state, reload: load };
};
