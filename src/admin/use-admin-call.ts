import { useState } from 'react';
import { toApiError } from '../services/api-client';
import type { ApiError } from '../services/api-client';

/** A write from an admin page: one at a time, its error kept for the form, its result returned. */
export const useAdminCall = () => {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = async <T>(work: () => Promise<T>): Promise<T | null> => {
    if (pending) return null;
    setPending(true);
    setError(null);
    try {
      return await work();
    } catch (e) {
      setError(toApiError(e));
      return null;
    } finally {
      setPending(false);
    }
  };
  return { pending, error, run, clearError: () => setError(null) };
};
