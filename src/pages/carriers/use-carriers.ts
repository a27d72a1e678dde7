import { useCallback, useEffect, useRef, useState } from 'react';
import type { RequestOf } from '../../../domain/api/contract';
import { searchCarriersContract } from '../../../domain/api/public-read.contracts';
import type { CarrierSummary } from '../../../domain/api/views.schema';
import { PRICE_UNIT_LABELS, type CarrierType, type PriceUnit } from '../../../domain/carrier/carrier.schema';
import type { CarrierSort } from '../../../domain/carrier/carrier-search.rules';
import { EMPTY_FILTERS, type FilterValues } from '../../components/filter-sheet';
import type { Language } from '../../i18n/dictionary';
import { isTransient } from '../../hooks/use-resource';
import { call, toApiError, type ApiError } from '../../services/api-client';
import { dropCache, readCache, writeCache } from '../../services/cache';

export const PAGE_SIZE = 20;

/** Everything that decides which carriers the list shows. */
export interface CarrierQuery extends FilterValues {
  type: CarrierType | null;
  keyword: string;
  sort: CarrierSort;
  /** The unit `maxPrice` is in (the backend refuses a ceiling without one); null when there is no ceiling. */
  priceUnit: PriceUnit | null;
}

export const DEFAULT_QUERY: CarrierQuery = { ...EMPTY_FILTERS, type: null, keyword: '', sort: 'vacancy', priceUnit: null };

export type SearchRequest = RequestOf<typeof searchCarriersContract>;

/** The `carrier.search` input for a query (and the cursor of the page to fetch). Empty filters are left out. */
export const searchRequest = (districtId: string, query: CarrierQuery, cursor: string | null = null, lang: Language = 'zh'): SearchRequest => {
  const request: SearchRequest = { districtId, sort: query.sort, limit: PAGE_SIZE };
  if (lang === 'en') request.lang = lang;
  if (query.type) request.type = query.type;
  const keyword = query.keyword.trim();
  if (keyword) request.keyword = keyword.slice(0, 30);
  if (query.industry) request.industry = query.industry;
  if (query.street) request.street = query.street;
  if (query.hasVacancy) request.hasVacancy = true;
  if (query.minVacantArea !== null) request.minVacantArea = query.minVacantArea;
  if (query.maxVacantArea !== null) request.maxVacantArea = query.maxVacantArea;
  if (query.maxPrice !== null && query.priceUnit) {
    request.maxPrice = query.maxPrice;
    request.priceUnit = query.priceUnit;
  }
  if (cursor) request.cursor = cursor;
  return request;
};

/** Appends a page, skipping carriers already shown (a carrier re-verified mid-scroll can move between pages). */
export const mergePage = (shown: readonly CarrierSummary[], page: readonly CarrierSummary[]): CarrierSummary[] => {
  const seen = new Set(shown.map((c) => c.id));
  const merged = shown.slice();
  for (const carrier of page) {
    if (seen.has(carrier.id)) continue;
    seen.add(carrier.id);
    merged.push(carrier);
  }
  return merged;
};

/** How many filters of the sheet are set (type tab, keyword and sort are shown elsewhere). */
export const activeFilterCount = (query: CarrierQuery): number =>
  [
    query.industry !== null,
    query.street !== null,
    query.hasVacancy,
    query.minVacantArea !== null || query.maxVacantArea !== null,
    query.maxPrice !== null,
  ].filter(Boolean).length;

/**
 * Only the plain views (a type tab and a sort, no keyword, no filter) are kept on the device: they are what a
 * returning visitor opens first, and a handful of keys covers them all.
 */
export const listCacheKey = (districtId: string, query: CarrierQuery, lang: Language = 'zh'): string | null =>
  query.keyword.trim() || activeFilterCount(query) > 0 ? null : `carriers:${districtId}:${query.type ?? 'all'}:${query.sort}${lang === 'en' ? ':en' : ''}`;

/** The price unit the carriers of the chosen type use, once seen; null if none or mixed. */
export const priceUnitFor = (type: CarrierType | null, items: readonly CarrierSummary[]): PriceUnit | null => {
  if (!type) return null;
  const units = new Set(items.filter((c) => c.type === type).map((c) => c.priceUnit));
  return units.size === 1 ? [...units][0] : null;
};

export const priceUnitLabelFor = (type: CarrierType | null, items: readonly CarrierSummary[]): string | null => {
  const unit = priceUnitFor(type, items);
  return unit ? PRICE_UNIT_LABELS[unit] : null;
};

export type ListStatus = 'loading' | 'ready' | 'error';

export interface CarrierListState {
  query: CarrierQuery;
  items: CarrierSummary[];
  nextCursor: string | null;
  /** How many carriers match in all (from the first page); null while unknown. */
  total: number | null;
  /** The type the keyword named («园区» → 产业园), searched as that type. */
  keywordType: CarrierType | null;
  status: ListStatus;
  /** The first page failed (status `error`), or a refresh failed while items stay on screen. */
  error: ApiError | null;
  loadingMore: boolean;
  loadMoreError: ApiError | null;
  /** The items on screen are the device copy and the refresh could not reach the backend. */
  offline: boolean;
  savedAt: string | null;
}

export interface CarrierList extends CarrierListState {
  /** Streets seen so far (first-seen order): the street filter's choices. */
  streets: string[];
  setQuery: (change: Partial<CarrierQuery>) => void;
  resetFilters: () => void;
  loadMore: () => Promise<void>;
  /** Reloads the first page; resolves with the error when it failed. */
  refresh: () => Promise<ApiError | null>;
}

const ResponseSchema = searchCarriersContract.response;

const initialState = (districtId: string | null, query: CarrierQuery, lang: Language): CarrierListState => {
  const key = districtId ? listCacheKey(districtId, query, lang) : null;
  const cached = key ? readCache(key, ResponseSchema) : null;
  return cached
    ? { query, items: cached.data.items, nextCursor: cached.data.nextCursor, total: cached.data.total ?? null, keywordType: cached.data.keywordType ?? null, status: 'ready', error: null, loadingMore: false, loadMoreError: null, offline: false, savedAt: cached.savedAt }
    : { query, items: [], nextCursor: null, total: null, keywordType: null, status: 'loading', error: null, loadingMore: false, loadMoreError: null, offline: false, savedAt: null };
};

/**
 * The carrier list: query state, first page (device copy first when there is one), keyset pages appended on
 * scroll without duplicates, pull-to-refresh. Answers for a query the list has left are dropped.
 */
export const useCarriers = (districtId: string | null, initialQuery: CarrierQuery = DEFAULT_QUERY, lang: Language = 'zh'): CarrierList => {
  const [state, setState] = useState<CarrierListState>(() => initialState(districtId, initialQuery, lang));
  const [streets, setStreets] = useState<string[]>([]);
  const ticket = useRef(0);
  // Set synchronously: two scroll events in one frame must not fetch the same page twice.
  const fetchingMore = useRef(false);
  const stateRef = useRef(state);
  stateRef.current = state;

  const noteStreets = useCallback((items: readonly CarrierSummary[]) => {
    setStreets((known) => {
      const next = known.slice();
      for (const c of items) if (c.street && !next.includes(c.street)) next.push(c.street);
      return next.length === known.length ? known : next;
    });
  }, []);

  useEffect(() => noteStreets(state.items), [state.items, noteStreets]);

  const loadFirst = useCallback(
    async (query: CarrierQuery, fromCache: boolean): Promise<ApiError | null> => {
      if (!districtId) return null;
      const mine = ++ticket.current;
      fetchingMore.current = false;
      const key = listCacheKey(districtId, query, lang);
      if (fromCache) {
        setState(initialState(districtId, query, lang));
      } else {
        setState((s) => ({ ...s, query, error: null, loadMoreError: null, loadingMore: false }));
      }
      try {
        const page = await call(searchCarriersContract, searchRequest(districtId, query, null, lang));
        if (mine !== ticket.current) return null;
        setState({ query, items: page.items, nextCursor: page.nextCursor, total: page.total ?? null, keywordType: page.keywordType ?? null, status: 'ready', error: null, loadingMore: false, loadMoreError: null, offline: false, savedAt: null });
        if (key) writeCache(key, page);
        return null;
      } catch (e) {
        const error = toApiError(e);
        if (mine !== ticket.current) return error;
        if (key && !isTransient(error)) dropCache(key);
        setState((s) =>
          s.items.length && isTransient(error)
            ? { ...s, status: 'ready', error, offline: s.savedAt !== null }
            : { ...s, items: [], nextCursor: null, total: null, keywordType: null, status: 'error', error, offline: false, savedAt: null },
        );
        return error;
      }
    },
    [districtId, lang],
  );

  // A new district or language (or the first render) loads from scratch.
  useEffect(() => {
    void loadFirst(stateRef.current.query, true);
    return () => {
      ticket.current += 1;
    };
  }, [loadFirst]);

  const setQuery = useCallback(
    (change: Partial<CarrierQuery>) => {
      const current = stateRef.current.query;
      const next: CarrierQuery = { ...current, ...change };
      // A price ceiling is in the unit of one type: it cannot carry over to another.
      if (change.type !== undefined && change.type !== current.type && change.maxPrice === undefined) {
        next.maxPrice = null;
        next.priceUnit = null;
      }
      if (next.maxPrice === null) next.priceUnit = null;
      if (JSON.stringify(next) === JSON.stringify(current)) return;
      void loadFirst(next, true);
    },
    [loadFirst],
  );

  const resetFilters = useCallback(() => {
    const { type, sort } = stateRef.current.query;
    void loadFirst({ ...DEFAULT_QUERY, type, sort }, true);
  }, [loadFirst]);

  const refresh = useCallback(() => loadFirst(stateRef.current.query, false), [loadFirst]);

  const loadMore = useCallback(async (): Promise<void> => {
    const s = stateRef.current;
    if (!districtId || s.status !== 'ready' || fetchingMore.current || !s.nextCursor) return;
    const mine = ticket.current;
    fetchingMore.current = true;
    setState((prev) => ({ ...prev, loadingMore: true, loadMoreError: null }));
    try {
      const page = await call(searchCarriersContract, searchRequest(districtId, s.query, s.nextCursor, lang));
      if (mine !== ticket.current) return;
      setState((prev) => ({ ...prev, items: mergePage(prev.items, page.items), nextCursor: page.nextCursor, loadingMore: false }));
    } catch (e) {
      if (mine !== ticket.current) return;
      setState((prev) => ({ ...prev, loadingMore: false, loadMoreError: toApiError(e) }));
    } finally {
      if (mine === ticket.current) fetchingMore.current = false;
    }
  }, [districtId, lang]);

  return { ...state, streets, setQuery, resetFilters, loadMore, refresh };
};
