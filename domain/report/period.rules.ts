/**
 * Reporting periods in China Standard Time (UTC+8, no DST): 旬 (1–10, 11–20, 21–end of month), month, quarter,
 * half-year and year, or a chosen range. «以旬保月、以月保季、以季保年»: every figure is read for one period and
 * compared with the one before it, so each period knows its predecessor.
 *
 * A period is the half-open interval [start, end) of UTC instants; `key` is stable text fit for ids and
 * snapshots (`2026-12-X1`, `2026-12`, `2026-Q4`, `2026-H2`, `2026`, `range:2026-12-01..2026-12-15`).
 */
export type PeriodKind = 'xun' | 'month' | 'quarter' | 'half' | 'year' | 'range';

export interface Period {
  kind: PeriodKind;
  key: string;
  /** Chinese label for people: 2026年12月上旬, 2026年第四季度 … */
  label: string;
  start: Date;
  end: Date;
}

const OFFSET_MS = 8 * 3600_000;
const DAY_MS = 24 * 3600_000;
const QUARTER_NAMES = ['一', '二', '三', '四'] as const;
const XUN_NAMES = ['上旬', '中旬', '下旬'] as const;

const pad2 = (n: number): string => String(n).padStart(2, '0');
/** The UTC instant of local (China) midnight at the start of y-m-d; month is 0-based and may overflow. */
const localMidnight = (year: number, month: number, day: number): Date => new Date(Date.UTC(year, month, day) - OFFSET_MS);
const localParts = (at: Date) => {
  const local = new Date(at.getTime() + OFFSET_MS);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth(), day: local.getUTCDate() };
};

const xun = (year: number, month: number, index: number): Period => {
  const startDay = [1, 11, 21][index];
  const start = localMidnight(year, month, startDay);
  const end = index < 2 ? localMidnight(year, month, startDay + 10) : localMidnight(year, month + 1, 1);
  return { kind: 'xun', key: `${year}-${pad2(month + 1)}-X${index + 1}`, label: `${year}年${month + 1}月${XUN_NAMES[index]}`, start, end };
};

const month = (year: number, m: number): Period => ({
  kind: 'month',
  key: `${year}-${pad2(m + 1)}`,
  label: `${year}年${m + 1}月`,
  start: localMidnight(year, m, 1),
  end: localMidnight(year, m + 1, 1),
});

const quarter = (year: number, q: number): Period => ({
  kind: 'quarter',
  key: `${year}-Q${q + 1}`,
  label: `${year}年第${QUARTER_NAMES[q]}季度`,
  start: localMidnight(year, q * 3, 1),
  end: localMidnight(year, q * 3 + 3, 1),
});

const half = (year: number, h: number): Period => ({
  kind: 'half',
  key: `${year}-H${h + 1}`,
  label: `${year}年${h === 0 ? '上半年' : '下半年'}`,
  start: localMidnight(year, h * 6, 1),
  end: localMidnight(year, h * 6 + 6, 1),
});

const year = (y: number): Period => ({ kind: 'year', key: `${y}`, label: `${y}年`, start: localMidnight(y, 0, 1), end: localMidnight(y + 1, 0, 1) });

/** The period of `kind` that contains the instant `at`. */
export const periodContaining = (kind: Exclude<PeriodKind, 'range'>, at: Date): Period => {
  const { year: y, month: m, day } = localParts(at);
  switch (kind) {
    case 'xun':
      return xun(y, m, day <= 10 ? 0 : day <= 20 ? 1 : 2);
    case 'month':
      return month(y, m);
    case 'quarter':
      return quarter(y, Math.floor(m / 3));
    case 'half':
      return half(y, m < 6 ? 0 : 1);
    case 'year':
      return year(y);
  }
};

/** The period just before `p`, of the same kind (a range: the same number of days just before it). */
export const previousPeriod = (p: Period): Period => {
  if (p.kind === 'range') {
    const days = Math.round((p.end.getTime() - p.start.getTime()) / DAY_MS);
    const end = p.start;
    const start = new Date(end.getTime() - days * DAY_MS);
    return rangePeriod(start, new Date(end.getTime() - DAY_MS));
  }
  return periodContaining(p.kind, new Date(p.start.getTime() - 1));
};

/** The period just after `p`, of the same kind. */
export const nextPeriod = (p: Period): Period => {
  if (p.kind === 'range') {
    const days = Math.round((p.end.getTime() - p.start.getTime()) / DAY_MS);
    return rangePeriod(p.end, new Date(p.end.getTime() + (days - 1) * DAY_MS));
  }
  return periodContaining(p.kind, p.end);
};

const localDateKey = (at: Date): string => {
  const { year: y, month: m, day } = localParts(at);
  return `${y}-${pad2(m + 1)}-${pad2(day)}`;
};

/** A chosen range of whole local days, `firstDay` to `lastDay` inclusive (any instants within those days). */
export const rangePeriod = (firstDay: Date, lastDay: Date): Period => {
  const a = localParts(firstDay);
  const b = localParts(lastDay);
  const start = localMidnight(a.year, a.month, a.day);
  const end = localMidnight(b.year, b.month, b.day + 1);
  if (end <= start) throw new RangeError('range ends before it starts');
  const first = localDateKey(start);
  const last = localDateKey(new Date(end.getTime() - DAY_MS));
  return { kind: 'range', key: `range:${first}..${last}`, label: `${first} 至 ${last}`, start, end };
};

const KEY_PATTERNS: ReadonlyArray<[RegExp, (m: RegExpMatchArray) => Period | null]> = [
  [/^(\d{4})-(\d{2})-X([1-3])$/, (m) => (Number(m[2]) >= 1 && Number(m[2]) <= 12 ? xun(Number(m[1]), Number(m[2]) - 1, Number(m[3]) - 1) : null)],
  [/^(\d{4})-(\d{2})$/, (m) => (Number(m[2]) >= 1 && Number(m[2]) <= 12 ? month(Number(m[1]), Number(m[2]) - 1) : null)],
  [/^(\d{4})-Q([1-4])$/, (m) => quarter(Number(m[1]), Number(m[2]) - 1)],
  [/^(\d{4})-H([12])$/, (m) => half(Number(m[1]), Number(m[2]) - 1)],
  [/^(\d{4})$/, (m) => year(Number(m[1]))],
];

/** Reads a period back from its key; null for anything that is not one (ranges are built with `rangePeriod`). */
export const periodFromKey = (key: string): Period | null => {
  for (const [pattern, build] of KEY_PATTERNS) {
    const m = key.match(pattern);
    if (m) {
      const y = Number(m[1]);
      if (y < 2000 || y > 2100) return null;
      return build(m);
    }
  }
  return null;
};

/** True when the instant lies inside the period. */
export const inPeriod = (p: Period, at: Date): boolean => at >= p.start && at < p.end;
