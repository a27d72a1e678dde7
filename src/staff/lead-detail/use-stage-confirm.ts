import Taro from '@tarojs/taro';
import type { RequestOf } from '../../../domain/api/contract';
import { confirmStageContract } from '../../../domain/api/lead-facts.contracts';
import { chinaDay } from '../../../domain/common/time';
import { CONFIRMABLE_STAGES, type ConfirmableStage } from '../../../domain/lead/lead-facts.schema';
import type { LeadStatus } from '../../../domain/lead/lead-status.rules';
import { hasReachedStage } from '../../../domain/lead/stage-confirmation.rules';
import { useAction } from '../../hooks/use-action';
import { useDraft } from '../../hooks/use-draft';
import { call } from '../../services/api-client';
import type { LeadDetail } from './use-lead-detail';

export interface ConfirmDraft {
  stage: ConfirmableStage;
  note: string;
  /** YYYY-MM-DD, China time; today when the form opens. */
  date: string;
}

const confirmDraft = {
  parse: (raw: unknown): ConfirmDraft | null => {
    if (typeof raw !== 'object' || raw === null) return null;
    const r = raw as Record<string, unknown>;
    if (!(CONFIRMABLE_STAGES as readonly unknown[]).includes(r.stage) || typeof r.note !== 'string' || typeof r.date !== 'string' || r.note.length > 400 || r.date.length > 20) return null;
    return { stage: r.stage as ConfirmableStage, note: r.note, date: r.date };
  },
  isEmpty: (d: ConfirmDraft | null): boolean => d === null,
};

/** The stages this lead has reached that the bureau has not confirmed yet. */
export const stagesToConfirm = (status: LeadStatus, confirmations: LeadDetail['confirmations']): ConfirmableStage[] =>
  CONFIRMABLE_STAGES.filter((stage) => hasReachedStage(status, stage) && !confirmations[stage]);

export interface StageConfirm {
  /** What the caller may confirm now (empty unless the backend says they are a confirmer). */
  stages: ConfirmableStage[];
  draft: ConfirmDraft | null;
  open: (stage: ConfirmableStage) => void;
  cancel: () => void;
  setNote: (note: string) => void;
  setDate: (date: string) => void;
  confirming: boolean;
  error: string | null;
  confirm: () => Promise<void>;
}

/** 投资促进局确认: a confirmer states the day the signing or landing happened and a note; kept as a draft until sent. */
export const useStageConfirm = (
  leadId: string | null,
  detail: Pick<LeadDetail, 'rev' | 'canConfirm' | 'confirmations'> & { id: string; status: LeadStatus } | null, reload: () => Promise<void>, now: () => Date = () => new Date()): StageConfirm => {
  const [draft, setDraft, kept] = useDraft<ConfirmDraft | null>(leadId ? `lead-confirm:${leadId}` : null, () => null, confirmDraft);
  const confirming = useAction(
    async (input: RequestOf<typeof confirmStageContract>) => {
      await call(confirmStageContract, input);
      setDraft(null);
      kept.clear();
      Taro.showToast({ title: '已确认', icon: 'none' }).catch(() => undefined);
      await reload();
    },
    async (error) => {
      if (error.code === 'LEAD.CONCURRENT_UPDATE' || error.code === 'LEAD.STAGE_ALREADY_CONFIRMED' || error.code === 'AUTH.FORBIDDEN') await reload();
    },
  );
  const stages = detail?.canConfirm ? stagesToConfirm(detail.status, detail.confirmations) : [];

  const confirm = async (): Promise<void> => {
    if (!detail || !draft || confirming.pending) return;
    const note = draft.note.trim();
    if (!note) return confirming.setError('请填写确认说明，如：已核验投资协议原件');
    if (note.length > 200) return confirming.setError('确认说明不能超过 200 个字');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date.trim())) return confirming.setError('日期格式应为 YYYY-MM-DD');
    await confirming.run({ leadId: detail.id, stage: draft.stage, note, date: draft.date.trim(), rev: detail.rev });
  };

  return {
    stages,
    draft,
    open: (stage) => {
      confirming.setError(null);
      setDraft((d) => (d && d.stage === stage ? d : { stage, note: '', date: chinaDay(now()) }));
    },
    cancel: () => {
      setDraft(null);
      confirming.setError(null);
    },
    setNote: (note) => {
      setDraft((d) => (d ? { ...d, note } : d));
      confirming.setError(null);
    },
    setDate: (date) => {
      setDraft((d) => (d ? { ...d, date } : d));
      confirming.setError(null);
    },
    confirming: confirming.pending,
    error: confirming.error,
    confirm,
  };
};
