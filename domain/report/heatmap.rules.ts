import { CARRIER_TYPE_LABELS, type CarrierType } from '../carrier/carrier.schema';
import { PROVINCE_NAMES } from './channel-labels';
import type { RollupRow } from './dashboard.rules';
import { NONE } from './lead-rollup.rules';

/** The two 招商热力图: where investors come from × what they make, and which street × which kind of carrier. */
export const HEATMAP_KINDS = ['origin_industry', 'street_carrier'] as const;
export type HeatmapKind = (typeof HEATMAP_KINDS)[number];

/**
 * What a cell measures, all of one cohort — the period's inquiries: how many arrived, how many of them the bureau
 * has confirmed as 签约 / 落地 by now, and signed ÷ inquiries. Views are not offered: view counters exist per card
 * only, with no street, carrier type, origin or industry to place them by.
 */
export const HEATMAP_MEASURES = ['inquiries', 'signed', 'landed', 'conversion'] as const;
export type HeatmapMeasure = (typeof HEATMAP_MEASURES)[number];

/** The dimensions a heat map's axes read, named as report.leads' filters are. */
export type HeatmapDimension = 'origin' | 'industry' | 'street' | 'carrierType';
export const HEATMAP_AXES: Record<HeatmapKind, { rows: HeatmapDimension; columns: HeatmapDimension }> = {
  origin_industry: { rows: 'origin', columns: 'industry' },
  street_carrier: { rows: 'street', columns: 'carrierType' },
};

/** The key of the row or column that gathers the long tail («其他»); no real key starts with `*`. */
export const OTHER_KEY = '*other';
export const OTHER_LABEL = '其他';
export const MAX_ROWS = 10;
export const MAX_COLUMNS = 8;
/** Colour steps for non-zero values (1–5); 0 is «nothing here». */
export const HEAT_STEPS = 5;

export interface HeatmapAxisItem {
  key: string;
  label: string;
  /** This row's (or column's) inquiries over the whole period. */
  inquiries: number;
}

export interface HeatmapCell {
  inquiries: number;
  signed: number;
  landed: number;
  /** signed ÷ inquiries in %, one decimal; null with no inquiries. */
  conversionPct: number | null;
  /** The chosen measure's value (the number the cell shows). */
  value: number | null;
  /** Colour step 0–HEAT_STEPS against the largest value of the map. */
  step: number;
  /** What a screen reader says, and what the cell's number means in words. */
  spoken: string;
}

export interface Heatmap {
  kind: HeatmapKind;
  measure: HeatmapMeasure;
  rowDimension: HeatmapDimension;
  columnDimension: HeatmapDimension;
  rows: HeatmapAxisItem[];
  columns: HeatmapAxisItem[];
  /** rows × columns, in the order of `rows` and `columns`. */
  cells: HeatmapCell[][];
  /** The keys shown by name: «其他» stands for every key not among these (report.leads' `except`). */
  namedRowKeys: string[];
  namedColumnKeys: string[];
  /** What each colour step holds, in the measure's unit: the legend (steps no value can reach are left out). */
  legend: HeatLegendStep[];
  totals: { inquiries: number; signed: number; landed: number; conversionPct: number | null };
}

export const conversionPct = (signed: number, inquiries: number): number | null => (inquiries === 0 ? null : Math.round((signed / inquiries) * 1000) / 10);

/** A dimension's key in words: provinces by name, NONE as «unknown / not stated», carrier types by label. */
export const dimensionLabel = (dim: HeatmapDimension, key: string): string => {
  if (key === OTHER_KEY) return OTHER_LABEL;
  if (dim === 'origin') return key === NONE ? '来源未知' : (PROVINCE_NAMES[key] ?? key);
  if (dim === 'street') return key === NONE ? '未指定街道' : key;
  if (dim === 'carrierType') return key === NONE ? '未指定类型' : (CARRIER_TYPE_LABELS[key as CarrierType] ?? key);
  return key === NONE ? '未填写' : key;
};

/** The colour step of a value against the map's largest: 0 for nothing, else 1–HEAT_STEPS by equal fifths. */
export const heatStep = (value: number | null, max: number): number => {
  if (value === null || value <= 0 || max <= 0) return 0;
  return Math.min(HEAT_STEPS, Math.max(1, Math.ceil((value / max) * HEAT_STEPS)));
};

export interface HeatLegendStep {
  step: number;
  /** Counts: the smallest and largest whole number of the step. Conversion: the step's (from, upTo] in %. */
  from: number;
  upTo: number;
}

/** The legend for a map whose largest value is `max`: counts in whole numbers, conversion in % with one decimal. */
export const heatLegend = (measure: HeatmapMeasure, max: number): HeatLegendStep[] => {
  if (max <= 0) return [];
  const out: HeatLegendStep[] = [];
  for (let step = 1; step <= HEAT_STEPS; step += 1) {
    const low = ((step - 1) * max) / HEAT_STEPS;
    const high = (step * max) / HEAT_STEPS;
    if (measure === 'conversion') out.push({ step, from: Math.round(low * 10) / 10, upTo: Math.round(high * 10) / 10 });
    else {
      // Whole numbers n with heatStep(n, max) === step: low < n ≤ high.
      const from = Math.floor(low) + 1;
      const upTo = Math.floor(high + 1e-9);
      if (from <= upTo) out.push({ step, from, upTo });
    }
  }
  return out;
};

const valueOf = (measure: HeatmapMeasure, c: { inquiries: number; signed: number; landed: number }): number | null =>
  measure === 'inquiries' ? c.inquiries : measure === 'signed' ? c.signed : measure === 'landed' ? c.landed : conversionPct(c.signed, c.inquiries);

export const spokenCell = (rowLabel: string, columnLabel: string, measure: HeatmapMeasure, c: { inquiries: number; signed: number; landed: number }): string => {
  const where = `${rowLabel} × ${columnLabel}`;
  if (measure === 'inquiries') return `${where}：${c.inquiries} 条咨询`;
  if (measure === 'signed') return `${where}：${c.signed} 个确认签约（${c.inquiries} 条咨询）`;
  if (measure === 'landed') return `${where}：${c.landed} 个确认落地（${c.inquiries} 条咨询）`;
  const pct = conversionPct(c.signed, c.inquiries);
  return pct === null ? `${where}：没有咨询` : `${where}：转化率 ${pct}%（${c.signed} / ${c.inquiries}）`;
};

/**
 * Keeps the `max` keys with the most of the measure (conversion: the most inquiries, so a 1-of-1 does not outrank
 * 10-of-40), ties by key with «not stated» last; the rest go to «其他» only when there are at least two of them to gather.
 */
const topKeys = (totals: Map<string, { inquiries: number; signed: number; landed: number }>, measure: HeatmapMeasure, max: number): { named: string[]; other: boolean } => {
  const weight = (k: string) => {
    const t = totals.get(k)!;
    return measure === 'signed' ? [t.signed, t.inquiries] : measure === 'landed' ? [t.landed, t.inquiries] : [t.inquiries, t.signed];
  };
  const keys = [...totals.keys()].sort((a, b) => {
    const [wa, wb] = [weight(a), weight(b)];
    return wb[0] - wa[0] || wb[1] - wa[1] || Number(a === NONE) - Number(b === NONE) || (a < b ? -1 : a > b ? 1 : 0);
  });
  if (keys.length <= max) return { named: keys, other: false };
  return { named: keys.slice(0, max - 1), other: true };
};

/** Builds one heat map from a scope's roll-up rows of one period: sums counters, never counts leads. */
export const buildHeatmap = (rows: readonly RollupRow[], kind: HeatmapKind, measure: HeatmapMeasure, limits: { rows: number; columns: number } = { rows: MAX_ROWS, columns: MAX_COLUMNS }): Heatmap => {
  const { rows: rowDim, columns: colDim } = HEATMAP_AXES[kind];
  const zero = () => ({ inquiries: 0, signed: 0, landed: 0 });
  const rowTotals = new Map<string, ReturnType<typeof zero>>();
  const colTotals = new Map<string, ReturnType<typeof zero>>();
  const pairs = new Map<string, ReturnType<typeof zero>>();
  const addTo = (m: Map<string, ReturnType<typeof zero>>, k: string, r: RollupRow) => {
    const t = m.get(k) ?? zero();
    t.inquiries += r.c.inquiries ?? 0;
    t.signed += r.c.cohort_signed ?? 0;
    t.landed += r.c.cohort_landed ?? 0;
    m.set(k, t);
  };
  for (const r of rows) {
    // Rows holding only confirmations (keyed by the confirmation day) belong to no inquiry cohort.
    if (!r.c.inquiries) continue;
    addTo(rowTotals, r[rowDim], r);
    addTo(colTotals, r[colDim], r);
    addTo(pairs, `${r[rowDim]}\u0001${r[colDim]}`, r);
  }
  const rowPick = topKeys(rowTotals, measure, limits.rows);
  const colPick = topKeys(colTotals, measure, limits.columns);
  const rowOf = (k: string) => (rowPick.named.includes(k) ? k : OTHER_KEY);
  const colOf = (k: string) => (colPick.named.includes(k) ? k : OTHER_KEY);
  const rowKeys = [...rowPick.named, ...(rowPick.other ? [OTHER_KEY] : [])];
  const colKeys = [...colPick.named, ...(colPick.other ? [OTHER_KEY] : [])];

  const grid = new Map<string, ReturnType<typeof zero>>();
  for (const [pair, t] of pairs) {
    const [rk, ck] = pair.split('\u0001');
    const id = `${rowOf(rk)}\u0001${colOf(ck)}`;
    const g = grid.get(id) ?? zero();
    g.inquiries += t.inquiries;
    g.signed += t.signed;
    g.landed += t.landed;
    grid.set(id, g);
  }
  const axis = (dim: HeatmapDimension, keys: string[], totals: Map<string, ReturnType<typeof zero>>): HeatmapAxisItem[] =>
    keys.map((key) => ({
      key,
      label: dimensionLabel(dim, key),
      inquiries: key === OTHER_KEY ? [...totals.entries()].filter(([k]) => !keys.includes(k)).reduce((a, [, t]) => a + t.inquiries, 0) : totals.get(key)!.inquiries,
    }));
  const rowItems = axis(rowDim, rowKeys, rowTotals);
  const colItems = axis(colDim, colKeys, colTotals);
  const raw = rowKeys.map((rk) => colKeys.map((ck) => grid.get(`${rk}\u0001${ck}`) ?? zero()));
  const max = Math.max(0, ...raw.flat().map((c) => valueOf(measure, c) ?? 0));
  const cells = raw.map((line, i) =>
    line.map((c, j) => {
      const value = valueOf(measure, c);
      return { ...c, conversionPct: conversionPct(c.signed, c.inquiries), value, step: heatStep(value, max), spoken: spokenCell(rowItems[i].label, colItems[j].label, measure, c) };
    }),
  );
  const total = [...rowTotals.values()].reduce((a, t) => ({ inquiries: a.inquiries + t.inquiries, signed: a.signed + t.signed, landed: a.landed + t.landed }), zero());
  const legend = heatLegend(measure, max);
  return {
    kind,
    measure,
    rowDimension: rowDim,
    columnDimension: colDim,
    rows: rowItems,
    columns: colItems,
    cells,
    namedRowKeys: rowPick.named,
    namedColumnKeys: colPick.named,
    legend,
    totals: { ...total, conversionPct: conversionPct(total.signed, total.inquiries) },
  };
};
