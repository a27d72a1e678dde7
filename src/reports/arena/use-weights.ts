import Taro from '@tarojs/taro';
import * as v from 'valibot';
import { setWeightsContract, weightsContract } from '../../../domain/api/report.contracts';
import { ArenaWeightsSchema, EFFICACY_FLOOR, EFFICACY_SPAN, weightsProblem, type ArenaWeights } from '../../../domain/ranking/arena-weights.schema';
import { useAction } from '../../hooks/use-action';
import { useDraft } from '../../hooks/use-draft';
import { useResource } from '../../hooks/use-resource';
import { call } from '../../services/api-client';

/** Every weight the admin edits here, as typed, with where it sits in ArenaWeights and its group on the form. */
export const WEIGHT_FIELDS = [
  { key: 'visited', label: '实地考察（分）', group: 'stage', path: ['stagePoints', 'visited'] },
  { key: 'signed', label: '签约（分）', group: 'stage', path: ['stagePoints', 'signed'] },
  { key: 'landed', label: '落地（分）', group: 'stage', path: ['stagePoints', 'landed'] },
  { key: 'tier-unknown', label: '未填投资额（系数）', group: 'tier', path: ['tierMultiplier', 'unknown'] },
  { key: 'tier-under-1e', label: '1亿元以下（系数）', group: 'tier', path: ['tierMultiplier', 'under-1e'] },
  { key: 'tier-1e-3e', label: '1–3亿元（系数）', group: 'tier', path: ['tierMultiplier', '1e-3e'] },
  { key: 'tier-3e-10e', label: '3–10亿元（系数）', group: 'tier', path: ['tierMultiplier', '3e-10e'] },
  { key: 'tier-10e-20e', label: '10–20亿元（系数）', group: 'tier', path: ['tierMultiplier', '10e-20e'] },
  { key: 'tier-20e-plus', label: '20亿元及以上（系数）', group: 'tier', path: ['tierMultiplier', '20e-plus'] },
  { key: 'promiseKeptPoints', label: '按时响应满分', group: 'other', path: ['promiseKeptPoints'] },
  { key: 'invalidAfterReportPenalty', label: '报送后无效扣分', group: 'other', path: ['invalidAfterReportPenalty'] },
  { key: 'topN', label: '榜单显示名次', group: 'other', path: ['topN'] },
  { key: 'lockAfterWorkingDays', label: '期末后第几个工作日锁定', group: 'other', path: ['lockAfterWorkingDays'] },
  { key: 'efficacyFloor', label: '功效系数基础分', group: 'efficacy', path: ['efficacyFloor'] },
  { key: 'efficacySpan', label: '功效系数分差', group: 'efficacy', path: ['efficacySpan'] },
] as const;
export type WeightField = (typeof WEIGHT_FIELDS)[number]['key'];
export type WeightsDraft = Record<WeightField, string> & { efficacyCoefficient: boolean };

type Path = (typeof WEIGHT_FIELDS)[number]['path'];
const read = (w: ArenaWeights, path: Path): number | undefined => {
  let node: unknown = w;
  for (const part of path) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === 'number' ? node : undefined;
};
const FALLBACKS: Partial<Record<WeightField, number>> = { efficacyFloor: EFFICACY_FLOOR, efficacySpan: EFFICACY_SPAN };

export const toDraft = (w: ArenaWeights): WeightsDraft => {
  const fields = Object.fromEntries(WEIGHT_FIELDS.map((f) => [f.key, String(read(w, f.path) ?? FALLBACKS[f.key] ?? '')])) as Record<WeightField, string>;
  return { ...fields, efficacyCoefficient: w.efficacyCoefficient };
};

/** The typed values as a whole ArenaWeights, checked by the domain's own schema (its Chinese messages). */
export const weightsFromDraft = (d: WeightsDraft): { ok: true; weights: ArenaWeights } | { ok: false; message: string } => {
  const num = (s: string) => (/^\d+(\.\d+)?$/.test(s.trim()) ? Number(s.trim()) : Number.NaN);
  const bad = WEIGHT_FIELDS.find((f) => !d[f.key].trim() || Number.isNaN(num(d[f.key])));
  if (bad) return { ok: false, message: `「${bad.label}」请填写不小于 0 的数字` };
  const candidate: Record<string, unknown> = { efficacyCoefficient: d.efficacyCoefficient };
  for (const f of WEIGHT_FIELDS) {
    let node = candidate;
    for (const part of f.path.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[f.path[f.path.length - 1]] = num(d[f.key]);
  }
  const parsed = v.safeParse(ArenaWeightsSchema, candidate);
  if (!parsed.success) {
    const at = (parsed.issues[0].path ?? []).map((p) => String(p.key)).join('.');
    const field = WEIGHT_FIELDS.find((f) => f.path.join('.') === at);
    return { ok: false, message: `${field ? `「${field.label}」` : ''}${parsed.issues[0].message}` };
  }
  const problem = weightsProblem(parsed.output);
  return problem ? { ok: false, message: problem } : { ok: true, weights: parsed.output };
};

const weightsDraft = {
  parse: (raw: unknown): WeightsDraft | null => {
    if (typeof raw !== 'object' || raw === null) return null;
    const r = raw as Record<string, unknown>;
    return WEIGHT_FIELDS.every((f) => typeof r[f.key] === 'string' && (r[f.key] as string).length <= 20) && typeof r.efficacyCoefficient === 'boolean' ? (r as WeightsDraft) : null;
  },
  isEmpty: (d: WeightsDraft | null): boolean => d === null,
};

/**
 * 计分规则: what the board scores by (everyone), and the district admin's form to change it. The draft's key does
 * not wait for the session: the page shows the form to admins only, and a reload must find what was typed.
 */
export const useWeights = (reloadBoard: () => Promise<unknown>) => {
  const current = useResource({ key: 'report.weights', fetch: () => call(weightsContract, {}) });
  const [draft, setDraft, kept] = useDraft<WeightsDraft | null>('arena-weights', () => null, weightsDraft);
  const saving = useAction(async (weights: ArenaWeights) => {
    await call(setWeightsContract, { weights });
    setDraft(null);
    kept.clear();
    Taro.showToast({ title: '已更新计分规则', icon: 'none' }).catch(() => undefined);
    await Promise.all([current.reload(), reloadBoard()]);
  });
  const save = async (): Promise<void> => {
    if (!draft || !current.data || saving.pending) return;
    const checked = weightsFromDraft(draft);
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
    set: <K extends WeightField | 'efficacyCoefficient'>(key: K, value: WeightsDraft[K]) => {
      setDraft((d) => (d ? { ...d, [key]: value } : d));
      saving.setError(null);
    },
    saving: saving.pending,
    error: saving.error,
    save,
  };
};
