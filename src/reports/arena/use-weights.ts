import Taro from '@tarojs/taro';
import * as v from 'valibot';
import { setWeightsContract, weightsContract } from '../../../domain/api/report.contracts';
import { ArenaWeightsSchema, weightsProblem, type ArenaWeights } from '../../../domain/ranking/arena-weights.schema';
import { useAction } from '../../hooks/use-action';
import { useDraft } from '../../hooks/use-draft';
import { useResource } from '../../hooks/use-resource';
import { call } from '../../services/api-client';

/** The weights the admin edits here, as typed; the tier multipliers and the rest stay as set. */
export const WEIGHT_FIELDS = [
  { key: 'visited', label: '实地考察（分）' },
  { key: 'signed', label: '签约（分）' },
  { key: 'landed', label: '落地（分）' },
  { key: 'promiseKeptPoints', label: '按时响应满分' },
  { key: 'invalidAfterReportPenalty', label: '报送后无效扣分' },
  { key: 'topN', label: '榜单显示名次' },
] as const;
export type WeightField = (typeof WEIGHT_FIELDS)[number]['key'];
export type WeightsDraft = Record<WeightField, string>;

const toDraft = (w: ArenaWeights): WeightsDraft => ({
  visited: String(w.stagePoints.visited),
  signed: String(w.stagePoints.signed),
  landed: String(w.stagePoints.landed),
  promiseKeptPoints: String(w.promiseKeptPoints),
  invalidAfterReportPenalty: String(w.invalidAfterReportPenalty),
  topN: String(w.topN),
});

/** The typed values over the current weights, checked by the domain's own schema (its Chinese messages). */
export const weightsFromDraft = (d: WeightsDraft, base: ArenaWeights): { ok: true; weights: ArenaWeights } | { ok: false; message: string } => {
  const num = (s: string) => (/^\d+(\.\d+)?$/.test(s.trim()) ? Number(s.trim()) : Number.NaN);
  const candidate = {
    ...base,
    stagePoints: { visited: num(d.visited), signed: num(d.signed), landed: num(d.landed) },
    promiseKeptPoints: num(d.promiseKeptPoints),
    invalidAfterReportPenalty: num(d.invalidAfterReportPenalty),
    topN: num(d.topN),
  };
  const bad = WEIGHT_FIELDS.find((f) => !d[f.key].trim() || Number.isNaN(num(d[f.key])));
  if (bad) return { ok: false, message: `「${bad.label}」请填写不小于 0 的数字` };
  const parsed = v.safeParse(ArenaWeightsSchema, candidate);
  if (!parsed.success) {
    const field = WEIGHT_FIELDS.find((f) => parsed.issues[0].path?.some((p) => p.key === f.key));
    return { ok: false, message: `${field ? `「${field.label}」` : ''}${parsed.issues[0].message}` };
  }
  const problem = weightsProblem(parsed.output);
  return problem ? { ok: false, message: problem } : { ok: true, weights: parsed.output };
};

const weightsDraft = {
  parse: (raw: unknown): WeightsDraft | null => {
    if (typeof raw !== 'object' || raw === null) return null;
    const r = raw as Record<string, unknown>;
    return WEIGHT_FIELDS.every((f) => typeof r[f.key] === 'string' && (r[f.key] as string).length <= 20) ? (r as WeightsDraft) : null;
  },
  isEmpty: (d: WeightsDraft | null): boolean => d === null,
};

/** 计分规则: what the board scores by (everyone), and the district admin's form to change it. */
export const useWeights = (admin: boolean, reloadBoard: () => Promise<unknown>) => {
  const current = useResource({ key: 'report.weights', fetch: () => call(weightsContract, {}) });
  const [draft, setDraft, kept] = useDraft<WeightsDraft | null>(admin ? 'arena-weights' : null, () => null, weightsDraft);
  const saving = useAction(async (weights: ArenaWeights) => {
    await call(setWeightsContract, { weights });
    setDraft(null);
    kept.clear();
    Taro.showToast({ title: '已更新计分规则', icon: 'none' }).catch(() => undefined);
    await Promise.all([current.reload(), reloadBoard()]);
  });
  const save = async (): Promise<void> => {
    if (!draft || !current.data || saving.pending) return;
    const checked = weightsFromDraft(draft, current.data.weights);
    if (!checked.ok) return saving.setError(checked.message);
    await saving.run(checked.weights);
  };
  return {
    ...current,
    draft,
    edit: () => current.data && setDraft(toDraft(current.data.weights)),
    cancel: () => {
      setDraft(null);
      saving.setError(null);
    },
    set: (key: WeightField, value: string) => {
      setDraft((d) => (d ? { ...d, [key]: value } : d));
      saving.setError(null);
    },
    saving: saving.pending,
    error: saving.error,
    save,
  };
};
