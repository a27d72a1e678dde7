import Taro from '@tarojs/taro';
import * as v from 'valibot';
import type { RequestOf } from '../../../domain/api/contract';
import { adjustArenaContract } from '../../../domain/api/report.contracts';
import { CONTESTANT_KINDS, type ContestantKind } from '../../../domain/ranking/arena-snapshot.schema';
import { useAction } from '../../hooks/use-action';
import { useDraft } from '../../hooks/use-draft';
import { call } from '../../services/api-client';

/** The adjustment being written: for whom (unit or team), as typed so far (a draft on the device). */
export interface AdjustmentDraft {
  periodKey: string;
  contestantKind: ContestantKind;
  contestantId: string;
  name: string;
  points: string;
  reason: string;
  leadId: string;
}
export type AdjustmentField = 'points' | 'reason' | 'leadId';

const FIELD_LABELS: Record<AdjustmentField, string> = { points: '调整分', reason: '调整原因', leadId: '相关线索编号' };

/** The typed form as the contract's request, checked by the contract's own schema (its Chinese messages). */
export const adjustmentFromDraft = (d: AdjustmentDraft, kind: 'quarter' | 'month'): { ok: true; input: RequestOf<typeof adjustArenaContract> } | { ok: false; message: string } => {
  const points = d.points.trim();
  if (!/^[+\-−]?\d+(\.\d+)?$/.test(points)) return { ok: false, message: '「调整分」请填写数字，如 5 或 -2.5' };
  const candidate = {
    kind,
    key: d.periodKey,
    contestantKind: d.contestantKind,
    contestantId: d.contestantId,
    points: Number(points.replace('−', '-')),
    reason: d.reason.trim(),
    ...(d.leadId.trim() ? { leadId: d.leadId.trim() } : {}),
  };
  if (!candidate.reason) return { ok: false, message: '请写明调整原因' };
  const parsed = v.safeParse(adjustArenaContract.request, candidate);
  if (!parsed.success) {
    const key = parsed.issues[0].path?.[0]?.key;
    const label = typeof key === 'string' && key in FIELD_LABELS ? `「${FIELD_LABELS[key as AdjustmentField]}」` : '';
    return { ok: false, message: `${label}${parsed.issues[0].message}` };
  }
  return { ok: true, input: parsed.output };
};

const adjustmentDraft = {
  parse: (raw: unknown): AdjustmentDraft | null => {
    if (typeof raw !== 'object' || raw === null) return null;
    const r = raw as Record<string, unknown>;
    const text = (k: string, max: number) => typeof r[k] === 'string' && (r[k] as string).length <= max;
    const ok = text('periodKey', 20) && (CONTESTANT_KINDS as readonly unknown[]).includes(r.contestantKind) && text('contestantId', 64) && text('name', 60) && text('points', 20) && text('reason', 400) && text('leadId', 64);
    return ok ? (r as unknown as AdjustmentDraft) : null;
  },
  isEmpty: (d: AdjustmentDraft | null): boolean => d === null,
};

/** 擂台赛调整 for the district admin: choose a row of a locked board, write points and a reason; the board reloads. */
export const useAdjustment = (kind: 'quarter' | 'month', reloadBoard: () => Promise<unknown>) => {
  const [draft, setDraft, kept] = useDraft<AdjustmentDraft | null>('arena-adjustment', () => null, adjustmentDraft);
  const saving = useAction(async (input: RequestOf<typeof adjustArenaContract>) => {
    await call(adjustArenaContract, input);
    setDraft(null);
    kept.clear();
    Taro.showToast({ title: '已记入调整', icon: 'none' }).catch(() => undefined);
    await reloadBoard();
  });
  return {
    draft,
    start: (periodKey: string, line: { contestantId: string; name: string }, contestantKind: ContestantKind) => {
      setDraft({ periodKey, contestantKind, contestantId: line.contestantId, name: line.name, points: '', reason: '', leadId: '' });
      saving.setError(null);
    },
    set: (field: AdjustmentField, value: string) => {
      setDraft((d) => (d ? { ...d, [field]: value } : d));
      saving.setError(null);
    },
    cancel: () => {
      setDraft(null);
      saving.setError(null);
    },
    save: async (): Promise<void> => {
      if (!draft || saving.pending) return;
      const checked = adjustmentFromDraft(draft, kind);
      if (!checked.ok) return saving.setError(checked.message);
      await saving.run(checked.input);
    },
    saving: saving.pending,
    error: saving.error,
  };
};
