import { LEAD_STATUS_LABELS, type LeadStatus } from '../lead/lead-status.rules';
import { CHANNEL_LABELS, PROVINCE_NAMES } from './channel-labels';
import { FUNNEL_STAGES, NONE, RESPONSE_BUCKETS_MIN, type Counters, type RollupKey } from './lead-rollup.rules';

export interface BreakdownItem {
  key: string;
  label: string;
  count: number;
}

export interface DashboardFigures {
  inquiries: number;
  byUnit: BreakdownItem[];
  byChannel: BreakdownItem[];
  byIndustry: BreakdownItem[];
  byOrigin: BreakdownItem[];
  funnel: Array<{ stage: LeadStatus; label: string; count: number }>;
  invalid: number;
  responded: number;
  respondedInTime: number;
  /** Share of this period's inquiries answered within the promise; null with no inquiries. */
  promisesKeptPct: number | null;
  /** First-response median and p90 as a bucket's upper bound in minutes; null: none answered, or beyond the last bound. */
  responseMedianMinutes: number | null;
  responseP90Minutes: number | null;
  confirmedSigned: number;
  confirmedLanded: number;
}

export type RollupRow = RollupKey & { c: Counters };

const label = (names: ReadonlyMap<string, string>, key: string, fallback: string) => (key === NONE ? fallback : (names.get(key) ?? key));

const breakdown = (rows: readonly RollupRow[], dim: 'unitId' | 'channel' | 'industry' | 'origin', labelOf: (key: string) => string): BreakdownItem[] => {
  const counts = new Map<string, number>();
  for (const r of rows) if (r.c.inquiries) counts.set(r[dim], (counts.get(r[dim]) ?? 0) + r.c.inquiries);
  return [...counts.entries()]
    .filter(([, n]) => n > 0)
    .map(([key, count]) => ({ key, label: labelOf(key), count }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
};

/** The bucket bound below which `share` of the answered inquiries fall. */
export const percentileBound = (histogram: readonly number[], share: number): number | null => {
  const total = histogram.reduce((a, n) => a + n, 0);
  if (total === 0) return null;
  let seen = 0;
  for (let i = 0; i < histogram.length; i += 1) {
    seen += histogram[i];
    if (seen >= share * total) return i < RESPONSE_BUCKETS_MIN.length ? RESPONSE_BUCKETS_MIN[i] : null;
  }
  return null;
};

/** Adds a scope's roll-up rows of one period into the figures a dashboard shows. */
export const summariseRollups = (rows: readonly RollupRow[], unitNames: ReadonlyMap<string, string>): DashboardFigures => {
  const sum = (name: string) => rows.reduce((a, r) => a + (r.c[name] ?? 0), 0);
  const inquiries = sum('inquiries');
  const histogram = Array.from({ length: RESPONSE_BUCKETS_MIN.length + 1 }, (_, i) => sum(`rt${i}`));
  const respondedInTime = sum('respondedInTime');
  return {
    inquiries,
    byUnit: breakdown(rows, 'unitId', (k) => label(unitNames, k, '无推荐单位')),
    byChannel: breakdown(rows, 'channel', (k) => CHANNEL_LABELS[k as keyof typeof CHANNEL_LABELS] ?? k),
    byIndustry: breakdown(rows, 'industry', (k) => k),
    byOrigin: breakdown(rows, 'origin', (k) => (k === NONE ? '未知' : (PROVINCE_NAMES[k] ?? k))),
    funnel: FUNNEL_STAGES.map((stage) => ({ stage, label: LEAD_STATUS_LABELS[stage], count: sum(`reached_${stage}`) })),
    invalid: sum('invalid'),
    responded: sum('responded'),
    respondedInTime,
    promisesKeptPct: inquiries === 0 ? null : Math.round((respondedInTime / inquiries) * 1000) / 10,
    responseMedianMinutes: percentileBound(histogram, 0.5),
    responseP90Minutes: percentileBound(histogram, 0.9),
    confirmedSigned: sum('confirmed_signed'),
    confirmedLanded: sum('confirmed_landed'),
  };
};

/**
 * A team's figures: the person rows of its current members. One lead is credited to one person, so a team's
 * sum never counts a lead twice, and a member who leaves takes their leads with them.
 */
export const teamRows = <R extends Pick<RollupRow, 'staffId'>>(rows: readonly R[], memberStaffIds: readonly string[]): R[] => {
  const members = new Set(memberStaffIds);
  return rows.filter((r) => members.has(r.staffId));
};

export interface DistrictRow {
  districtId: string;
  name: string;
  inquiries: number;
  previousInquiries: number;
  funnel: DashboardFigures['funnel'];
  responseMedianMinutes: number | null;
  responded: number;
  promisesKeptPct: number | null;
  confirmedSigned: number;
  overdueNow: number;
}

/** The city's table: each district's own figures from the same rows the city's sum is made of. */
export const districtBreakdown = (
  districts: ReadonlyArray<{ _id: string; name: string }>,
  rows: readonly RollupRow[],
  previousRows: readonly RollupRow[],
  overdue: ReadonlyMap<string, number>,
): DistrictRow[] => {
  const none = new Map<string, string>();
  return districts.map((d) => {
    const now = summariseRollups(
      rows.filter((r) => r.districtId === d._id),
      none,
    );
    const before = previousRows.reduce((a, r) => a + (r.districtId === d._id ? (r.c.inquiries ?? 0) : 0), 0);
    return {
      districtId: d._id,
      name: d.name,
      inquiries: now.inquiries,
      previousInquiries: before,
      funnel: now.funnel,
      responseMedianMinutes: now.responseMedianMinutes,
      responded: now.responded,
      promisesKeptPct: now.promisesKeptPct,
      confirmedSigned: now.confirmedSigned,
      overdueNow: overdue.get(d._id) ?? 0,
    };
  });
};
