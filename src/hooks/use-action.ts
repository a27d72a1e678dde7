import { useCallback, useRef, useState } from 'react';
import { toApiError, type ApiError } from '../services/api-client';

export interface ActionState<Args extends unknown[]> {
  /** Runs the action unless it is already running (a second tap is ignored); resolves true when it succeeded. */
  run: (...args: Args) => Promise<boolean>;
  pending: boolean;
  /** The last failure's message (Chinese, fit to show), or a check's own message set with `setError`. */
  error: string | null;
  setError: (message: string | null) => void;
}

/**
 * One button's call to the backend: pending while it runs, the refusal's message afterwards. `onError` sees the
 * typed error first (e.g. to reload after AUTH.FORBIDDEN); its message is what `error` shows unless it returns one.
 */
export const useAction = <Args extends unknown[]>(
  action: (...args: Args) => Promise<void>,
  onError?: (error: ApiError) => Promise<string | void> | string | void,
): ActionState<Args> => {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const running = useRef(false);
  const latest = useRef({ action, onError });
  latest.current = { action, onError };

  const run = useCallback(async (...args: Args): Promise<boolean> => {
    if (running.current) return false;
    running.current = true;
    setPending(true);
    setError(null);
    try {
      await latest.current.action(...args);
      return true;
    } catch (e) {
      const failure = toApiError(e);
      setError(failure.message);
      const message = await latest.current.onError?.(failure);
      if (typeof message === 'string') setError(message);
      return false;
    } finally {
      running.current = false;
      setPending(false);
    }
  }, []);

  return { run, pending, error, setError };
};
