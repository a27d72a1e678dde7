import type { PeriodRequestSchema } from '../../../domain/api/report.contracts';
import { nextPeriod, periodFromKey } from '../../../domain/report/period.rules';
import type * as v from 'valibot';

export type PeriodRequest = v.InferInput<typeof PeriodRequestSchema>;
export type PeriodTab = 'xun' | 'month' | 'quarter' | 'half' | 'year';

export const PERIOD_TABS: ReadonlyArray<{ key: PeriodTab; label: string }> = [
  { key: 'xun', label: '旬' },
  { key: 'month', label: '月' },
  { key: 'quarter', label: '季' },
  { key: 'half', label: '半年' },
  { key: 'year', label: '年' },
];

/** «较上期 +3 (+50%)», «较上期持平», «上期为 0»: the comparison every figure carries. */
export const compareText = (now: number, before: number): string => {
  const diff = now - before;
  if (diff === 0) return '较上期持平';
  if (before === 0) return `较上期 +${diff}（上期为 0）`;
  const pct = Math.round((diff / before) * 100);
  return `较上期 ${diff > 0 ? '+' : '−'}${Math.abs(diff)}（${diff > 0 ? '+' : '−'}${Math.abs(pct)}%）`;
};

export interface BarRow {
  key: string;
  label: string;
  count: number;
  previous: number;
  /** Width of the bar, 0–100, against the longest of the set; a non-zero count stays visible. */
  percent: number;
  /** What a screen reader says: the whole figure in words. */
  spoken: string;
}

/** Bars of one breakdown, this period's order, with last period's count of the same item beside each. */
export const barRows = (items: ReadonlyArray<{ key: string; label: string; count: number }>, previous: ReadonlyArray<{ key: string; count: number }>): BarRow[] => {
  const max = Math.max(1, ...items.map((i) => i.count));
  const before = new Map(previous.map((p) => [p.key, p.count]));
  return items.map((i) => {
    const prev = before.get(i.key) ?? 0;
    return { key: i.key, label: i.label, count: i.count, previous: prev, percent: i.count ? Math.max(3, Math.round((i.count / max) * 100)) : 0, spoken: `${i.label}：${i.count} 条，上期 ${prev} 条` };
  });
};

/** A first-response bucket bound for people. */
export const responseText = (minutes: number | null, answered: number): string => {
  if (answered === 0) return '—';
  if (minutes === null) return '超过 72 小时';
  return minutes < 60 ? `${minutes} 分钟内` : `${minutes / 60} 小时内`;
};

/** The neighbouring period of the same kind (the app travels 旬 to 旬, 季 to 季). */
export const neighbourKey = (key: string, direction: 'previous' | 'next', previousKey: string): string | null => {
  if (direction === 'previous') return previousKey;
  const p = periodFromKey(key);
  return p ? nextPeriod(p).key : null;
};
