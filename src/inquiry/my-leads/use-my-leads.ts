import { useCallback, useEffect, useRef, useState } from 'react';
import { listMyLeadsContract, type InvestorLead } from '../../../domain/api/lead.contracts';
import { call, toApiError, type ApiError } from '../../services/api-client';

export interface MyLeadsState {
  /** `ready` keeps the last list while a refresh runs; a failed refresh keeps it and sets `error`. */
  status: 'loading' | 'ready' | 'error';
  items: InvestorLead[];
  error: ApiError | null;
  reload: () => Promise<void>;
}

/** 我的咨询: the caller's own inquiries (`lead.mine`), newest first, with replies. */
export const useMyLeads = (): MyLeadsState => {
  const [state, setState] = useState<Omit<MyLeadsState, 'reload'>>({ status: 'loading', items: [], error: null });
  const latest = useRef(0);

  const load = useCallback(async (): Promise<void> => {
    const ticket = ++latest.current;
    setState((s) => (s.status === 'ready' ? { ...s, error: null } : { status: 'loading', items: [], error: null }));
    try {
      const { items } = await call(listMyLeadsContract, {});
      if (ticket === latest.current) setState({ status: 'ready', items, error: null });
    } catch (e) {
      if (ticket !== latest.current) return;
      const error = toApiError(e);
      setState((s) => (s.status === 'ready' ? { ...s, error } : { status: 'error', items: [], error }));
    }
  }, []);

  useEffect(() => {
    void load();
    return () => {
      latest.current += 1;
    };
  }, [load]);

  return { ...state, reload: load };
};
