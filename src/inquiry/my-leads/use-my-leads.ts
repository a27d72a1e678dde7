import { useCallback, useEffect, useRef, useState } from 'react';
import { listMyLeadsContract, type InvestorLead } from '../../../domain/api/lead.contracts';
import { privacyMineContract, privacyRequestContract, type InvestorPrivacyRequest } from '../../../domain/api/privacy.contracts';
import type { PrivacyRequestKind } from '../../../domain/privacy/privacy-request.schema';
import { useAction, type ActionState } from '../../hooks/use-action';
import type { Language } from '../../i18n/dictionary';
import { call, toApiError, type ApiError } from '../../services/api-client';

export interface MyLeadsState {
  /** `ready` keeps the last list while a refresh runs; a failed refresh keeps it and sets `error`. */
  status: 'loading' | 'ready' | 'error';
  items: InvestorLead[];
  /** The caller's personal-data requests (PIPL) and where each stands. */
  privacyRequests: InvestorPrivacyRequest[];
  error: ApiError | null;
  reload: () => Promise<void>;
  /** 撤回同意 / 删除 for one inquiry (`leadId`) or all of them; reloads both lists when it went through. */
  askPrivacy: ActionState<[PrivacyRequestKind, string | undefined]>;
}

/** 我的咨询: the caller's own inquiries (`lead.mine`, carriers named in the page's language), newest first, with replies, and their privacy requests. */
export const useMyLeads = (lang: Language = 'zh'): MyLeadsState => {
  const [state, setState] = useState<Pick<MyLeadsState, 'status' | 'items' | 'privacyRequests' | 'error'>>({ status: 'loading', items: [], privacyRequests: [], error: null });
  const latest = useRef(0);

  const load = useCallback(async (): Promise<void> => {
    const ticket = ++latest.current;
    setState((s) => (s.status === 'ready' ? { ...s, error: null } : { status: 'loading', items: [], privacyRequests: [], error: null }));
    try {
      const [{ items }, privacy] = await Promise.all([call(listMyLeadsContract, lang === 'en' ? { lang } : {}), call(privacyMineContract, {})]);
      if (ticket === latest.current) setState({ status: 'ready', items, privacyRequests: privacy.items, error: null });
    } catch (e) {
      if (ticket !== latest.current) return;
      const error = toApiError(e);
      setState((s) => (s.status === 'ready' ? { ...s, error } : { status: 'error', items: [], privacyRequests: [], error }));
    }
  }, [lang]);

  const askPrivacy = useAction(async (kind: PrivacyRequestKind, leadId: string | undefined) => {
    await call(privacyRequestContract, leadId ? { kind, leadId } : { kind });
    await load();
  });

  useEffect(() => {
    void load();
    return () => {
      latest.current += 1;
    };
  }, [load]);

  return { ...state, reload: load, askPrivacy };
};
