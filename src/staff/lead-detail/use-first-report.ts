import Taro from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ResponseOf } from '../../../domain/api/contract';
import { firstReportContract, raiseDisputeContract } from '../../../domain/api/lead-facts.contracts';
import { useAction } from '../../hooks/use-action';
import { useDraft } from '../../hooks/use-draft';
import { call, toApiError, type ApiError } from '../../services/api-client';

export type FirstReport = ResponseOf<typeof firstReportContract>;

const REASON_MAX = 200;
const reasonDraft = {
  parse: (raw: unknown): string | null => (typeof raw === 'string' ? raw.slice(0, REASON_MAX * 2) : null),
  isEmpty: (s: string): boolean => !s.trim(),
};

export interface FirstReportState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  data: FirstReport | null;
  error: ApiError | null;
  reload: () => Promise<void>;
  /** The dispute form: open or not, the reason typed (a draft on the device). */
  formOpen: boolean;
  openForm: () => void;
  closeForm: () => void;
  reason: string;
  setReason: (s: string) => void;
  raising: boolean;
  raiseError: string | null;
  raise: () => Promise<void>;
}

/**
 * 首报 of this lead's company, loaded once `enabled` (the page enables it when the detail says the viewer is not a
 * participant: a carrier manager brought in for the need never asks), again after facts change; and the later
 * reporter's dispute: a reason, sent with the lead's rev; the detail reloads so the thread shows it.
 */
export const useFirstReport = (leadId: string | null, rev: number | null, factsVersion: string | null, reloadDetail: () => Promise<void>, enabled = true): FirstReportState => {
  const [state, setState] = useState<Pick<FirstReportState, 'status' | 'data' | 'error'>>({ status: leadId && enabled ? 'loading' : 'idle', data: null, error: null });
  const [reason, setReasonValue, draft] = useDraft(leadId ? `lead-dispute:${leadId}` : null, () => '', reasonDraft);
  const [formOpen, setFormOpen] = useState(draft.restored);
  const latest = useRef(0);

  const load = useCallback(async () => {
    if (!leadId || !enabled) return;
    const mine = (latest.current += 1);
    setState((s) => ({ ...s, status: s.data ? 'ready' : 'loading', error: null }));
    try {
      const data = await call(firstReportContract, { leadId });
      if (mine === latest.current) setState({ status: 'ready', data, error: null });
    } catch (e) {
      if (mine === latest.current) setState({ status: 'error', data: null, error: toApiError(e) });
    }
  }, [leadId, enabled]);

  useEffect(() => {
    void load();
  }, [load, factsVersion]);

  const raising = useAction(
    async (id: string, text: string, leadRev: number) => {
      await call(raiseDisputeContract, { leadId: id, reason: text, rev: leadRev });
      setReasonValue('');
      draft.clear();
      setFormOpen(false);
      Taro.showToast({ title: '已提交首报申诉', icon: 'none' }).catch(() => undefined);
      await Promise.all([load(), reloadDetail()]);
    },
    async (error) => {
      if (error.code === 'LEAD.CONCURRENT_UPDATE' || error.code.startsWith('FIRST_REPORT.')) await Promise.all([load(), reloadDetail()]);
    },
  );

  const raise = async (): Promise<void> => {
    if (!leadId || rev === null || raising.pending) return;
    const text = reason.trim();
    if (!text) return raising.setError('请说明理由，如：企业最早由本单位对接，附会议纪要日期');
    if (text.length > REASON_MAX) return raising.setError(`理由不能超过 ${REASON_MAX} 个字`);
    await raising.run(leadId, text, rev);
  };

  return {
    ...state,
    reload: load,
    formOpen,
    openForm: () => {
      raising.setError(null);
      setFormOpen(true);
    },
    closeForm: () => setFormOpen(false),
    reason,
    setReason: (s) => {
      setReasonValue(s);
      raising.setError(null);
    },
    raising: raising.pending,
    raiseError: raising.error,
    raise,
  };
};
