import { useCallback, useEffect, useRef, useState } from 'react';
import { leadMatchesContract, type CarrierMatches } from '../../../domain/api/matching.contracts';
import { call, toApiError, type ApiError } from '../../services/api-client';

export interface LeadMatchesState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  data: CarrierMatches | null;
  error: ApiError | null;
  reload: () => Promise<void>;
}

/** The carriers that fit this lead's need; loaded beside the detail, never blocking it. */
export const useLeadMatches = (leadId: string | null): LeadMatchesState => {
  const [state, setState] = useState<Omit<LeadMatchesState, 'reload'>>({ status: leadId ? 'loading' : 'idle', data: null, error: null });
  const latest = useRef(0);
  const load = useCallback(async () => {
    if (!leadId) return;
    const mine = (latest.current += 1);
    setState((s) => ({ ...s, status: 'loading', error: null }));
    try {
      const data = await call(leadMatchesContract, { leadId });
      if (mine === latest.current) setState({ status: 'ready', data, error: null });
    } catch (e) {
      if (mine === latest.current) setState({ status: 'error', data: null, error: toApiError(e) });
    }
  }, [leadId]);
  useEffect(() => {
    void load();
  }, [load]);
  return { ...state, reload: load };
};
