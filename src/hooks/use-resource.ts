import { useCallback, useEffect, useRef, useState } from 'react';
import type * as v from 'valibot';
import type { ErrorCode } from '../../domain/common/error-code-list';
import { toApiError, type ApiError } from '../services/api-client';
import { dropCache, readCache, writeCache } from '../services/cache';

/** Errors that say nothing about the data itself: a device copy stays on screen when a refresh meets one. */
const TRANSIENT: ReadonlySet<ErrorCode> = new Set(['NETWORK.FAILED', 'STORE.UNAVAILABLE', 'STORE.BUSY', 'RATE.LIMITED', 'INTERNAL.UNEXPECTED']);

export const isTransient = (error: ApiError): boolean => TRANSIENT.has(error.code);

export type ResourceStatus = 'loading' | 'ready' | 'error';

export interface ResourceState<T> {
  /** `ready` keeps showing data while a refresh runs; a failed refresh leaves it and sets `error`. */
  status: ResourceStatus;
  data: T | null;
  error: ApiError | null;
  /** The data on screen is the device copy and the latest refresh could not reach the backend. */
  offline: boolean;
  /** When the data on screen was fetched, if it came from the device cache. */
  savedAt: string | null;
  /** Fetches again; resolves with the error when it failed (the page decides whether to say so). */
  reload: () => Promise<ApiError | null>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any schema; the output type is what matters
type AnySchema = v.GenericSchema<any, any>;

export interface ResourceOptions<S extends AnySchema> {
  /** Identity of the request: a new key loads anew (and reads its own cache). */
  key: string;
  fetch: () => Promise<v.InferOutput<S>>;
  /** Cache the answer on the device under `key` and show it at once on the next open. */
  cacheSchema?: S;
  mapError?: (e: unknown) => ApiError;
  /**
   * Data the page already has for this key on its first render (H5: the card the first screen was handed),
   * shown at once as a fresh answer; the backend read still runs.
   */
  initial?: () => v.InferOutput<S> | null;
}

type Snapshot<T> = Omit<ResourceState<T>, 'reload'>;

const fromCache = <S extends AnySchema>(key: string, schema: S | undefined): Snapshot<v.InferOutput<S>> => {
  const cached = schema ? readCache(key, schema) : null;
  return cached
    ? { status: 'ready', data: cached.data, error: null, offline: false, savedAt: cached.savedAt }
    : { status: 'loading', data: null, error: null, offline: false, savedAt: null };
};

/**
 * One backend read with stale-while-revalidate: the device copy (if any) renders at once, the backend answer
 * replaces it; a transient failure keeps the copy and marks it offline; a definite one (not found) shows the
 * error and forgets the copy. Answers for a key the page has left are dropped.
 */
export const useResource = <S extends AnySchema>(options: ResourceOptions<S>): ResourceState<v.InferOutput<S>> => {
  type T = v.InferOutput<S>;
  const { key, cacheSchema } = options;
  const [state, setState] = useState<Snapshot<T>>(() => {
    const handed = options.initial?.() ?? null;
    return handed === null ? fromCache(key, cacheSchema) : { status: 'ready', data: handed, error: null, offline: false, savedAt: null };
  });
  const latest = useRef(0);
  const shownKey = useRef(key);
  const fetchRef = useRef(options.fetch);
  fetchRef.current = options.fetch;
  const mapRef = useRef(options.mapError ?? toApiError);
  mapRef.current = options.mapError ?? toApiError;

  const load = useCallback(async (): Promise<ApiError | null> => {
    const ticket = ++latest.current;
    setState((s) => (s.data ? { ...s, error: null } : { status: 'loading', data: null, error: null, offline: false, savedAt: null }));
    try {
      const data = await fetchRef.current();
      if (ticket !== latest.current) return null;
      setState({ status: 'ready', data, error: null, offline: false, savedAt: null });
      if (cacheSchema) writeCache(key, data);
      return null;
    } catch (e) {
      const error = mapRef.current(e);
      if (ticket !== latest.current) return error;
      if (!isTransient(error) && cacheSchema) dropCache(key);
      setState((s) =>
        s.data && isTransient(error)
          ? { ...s, status: 'ready', error, offline: s.savedAt !== null }
          : { status: 'error', data: null, error, offline: false, savedAt: null },
      );
      return error;
    }
  }, [key, cacheSchema]);

  useEffect(() => {
    if (shownKey.current !== key) {
      shownKey.current = key;
      setState(fromCache(key, cacheSchema));
    }
    void load();
    return () => {
      // Answers for a request the page has left are dropped.
      latest.current += 1;
    };
  }, [key, cacheSchema, load]);

  return { ...state, reload: load };
};
