import Taro from '@tarojs/taro';
import type { ResponseOf } from '../../../domain/api/contract';
import { decideDisputeContract, disputesContract } from '../../../domain/api/report.contracts';
import { useAction } from '../../hooks/use-action';
import { useDraft } from '../../hooks/use-draft';
import { useResource } from '../../hooks/use-resource';
import { call } from '../../services/api-client';

export type DisputeItem = ResponseOf<typeof disputesContract>['items'][number];
export type Decision = 'upheld' | 'rejected';

/** The decision being written: for which dispute, and the reason so far (a draft on the device). */
export interface DecisionDraft {
  leadId: string;
  reason: string;
}

const decisionDraft = {
  parse: (raw: unknown): DecisionDraft | null => {
    if (typeof raw !== 'object' || raw === null) return null;
    const r = raw as Record<string, unknown>;
    return typeof r.leadId === 'string' && r.leadId.length <= 64 && typeof r.reason === 'string' && r.reason.length <= 400 ? { leadId: r.leadId, reason: r.reason } : null;
  },
  isEmpty: (d: DecisionDraft | null): boolean => d === null,
};

/** 首报争议 for the district admin: the open disputes, and a decision with a reason; the board reloads after it. */
export const useDisputes = (enabled: boolean, reloadBoard: () => Promise<unknown>) => {
  const list = useResource({ key: `report.disputes:${enabled ? 'open' : 'off'}`, fetch: () => (enabled ? call(disputesContract, { status: 'open' }) : Promise.resolve({ items: [] })) });
  const [draft, setDraft, kept] = useDraft<DecisionDraft | null>('arena-dispute-decision', () => null, decisionDraft);
  const deciding = useAction(
    async (item: DisputeItem, decision: Decision, reason: string) => {
      await call(decideDisputeContract, { leadId: item.leadId, decision, reason, rev: item.rev });
      setDraft(null);
      kept.clear();
      Taro.showToast({ title: decision === 'upheld' ? '已支持申诉' : '已驳回申诉', icon: 'none' }).catch(() => undefined);
      await Promise.all([list.reload(), reloadBoard()]);
    },
    async (error) => {
      if (error.code === 'LEAD.CONCURRENT_UPDATE' || error.code === 'FIRST_REPORT.NO_OPEN_DISPUTE') await list.reload();
    },
  );

  const decide = async (item: DisputeItem, decision: Decision): Promise<void> => {
    const reason = draft?.leadId === item.leadId ? draft.reason.trim() : '';
    if (!reason) {
      setDraft({ leadId: item.leadId, reason: draft?.leadId === item.leadId ? draft.reason : '' });
      return deciding.setError('请写明裁定理由');
    }
    if (reason.length > 200) return deciding.setError('裁定理由不能超过 200 个字');
    await deciding.run(item, decision, reason);
  };

  return {
    ...list,
    draft,
    setReason: (leadId: string, reason: string) => {
      setDraft({ leadId, reason });
      deciding.setError(null);
    },
    deciding: deciding.pending,
    error: deciding.error,
    decide,
  };
};
