import type * as v from 'valibot';
import type { heatmapContract } from '../../../domain/api/heatmap.contracts';
import { OTHER_KEY, type HeatmapKind, type HeatmapMeasure } from '../../../domain/report/heatmap.rules';
import { nextPeriod, periodFromKey, previousPeriod } from '../../../domain/report/period.rules';
import type { CellCondition } from './cell-link';

export type HeatmapData = v.InferOutput<typeof heatmapContract.response>;
export type HeatmapCellData = HeatmapData['cells'][number][number];

export const KIND_TABS: ReadonlyArray<{ key: HeatmapKind; label: string }> = [
  { key: 'origin_industry', label: '来源地 × 产业' },
  { key: 'street_carrier', label: '街道 × 载体类型' },
];

export const MEASURE_TABS: ReadonlyArray<{ key: HeatmapMeasure; label: string }> = [
  { key: 'inquiries', label: '咨询' },
  { key: 'signed', label: '签约' },
  { key: 'landed', label: '落地' },
  { key: 'conversion', label: '转化率' },
];

/** Colour steps 0–5 by name, as the tokens are named (--color-heat-none … --color-heat-top). */
export const STEP_NAMES = ['none', 'low', 'mild', 'mid', 'high', 'top'] as const;

/** The number a cell shows: a count, or the conversion as % (— without inquiries). */
export const cellValueText = (measure: HeatmapMeasure, cell: HeatmapCellData): string =>
  measure === 'conversion' ? (cell.conversionPct === null ? '—' : `${cell.conversionPct}%`) : String(cell.value ?? 0);

/** The counts under a conversion («3/12»): the rate never stands without what it is made of. */
export const cellDetailText = (measure: HeatmapMeasure, cell: HeatmapCellData): string | null =>
  measure === 'conversion' && cell.inquiries > 0 ? `${cell.signed}/${cell.inquiries}` : null;

/** One legend step in words: «3–4», «5» for counts; «≤ 20%», «20–40%» for conversion. */
export const legendText = (measure: HeatmapMeasure, step: { step: number; from: number; upTo: number }): string => {
  if (measure === 'conversion') return step.step === 1 ? `≤ ${step.upTo}%` : `${step.from}–${step.upTo}%`;
  return step.from === step.upTo ? String(step.from) : `${step.from}–${step.upTo}`;
};

/** A condition for one axis item: its key, or for «其他» none of the named keys. */
const axisCondition = (filter: CellCondition['filter'], key: string, named: readonly string[]): CellCondition =>
  key === OTHER_KEY ? { filter, values: [...named], except: true } : { filter, values: [key] };

/** What a tapped cell asks report.leads for: its row and column, and for signings / landings the confirmed stage. */
export const cellWhere = (map: HeatmapData, row: number, column: number): CellCondition[] => {
  const where = [axisCondition(map.rowDimension, map.rows[row].key, map.namedRowKeys), axisCondition(map.columnDimension, map.columns[column].key, map.namedColumnKeys)];
  if (map.measure === 'signed' || map.measure === 'landed') where.push({ filter: 'confirmed', values: [map.measure] });
  return where;
};

/** The period before or after this one, of the same kind (旬 to 旬, 季 to 季); null for what has none. */
export const stepPeriodKey = (key: string, direction: 'previous' | 'next'): string | null => {
  const p = periodFromKey(key);
  if (!p) return null;
  return (direction === 'previous' ? previousPeriod(p) : nextPeriod(p)).key;
};
