import type { Lead } from '../lead/lead.schema';
import { LEAD_STATUSES, progressStage } from '../lead/lead-status.rules';
import { provinceOf } from '../lead/credit-code.rules';
import { chinaDayOf } from '../lead/stage-confirmation.rules';

/**
 * Roll-ups: what the dashboards, the 擂台赛 and the 招商热力图 read instead of counting leads. Each lead contributes
 * a few counters to rows keyed by China day × unit × person × channel × industry × origin × street × carrier
 * type; a change to a lead moves
 * its contribution (old subtracted, new added) in the same transaction as the change, so the rows always equal
 * a recount: the sum of every lead's contribution (`leadContribution`).
 *
 * The inquiry row sits on the day the inquiry arrived (a cohort: how far this period's inquiries got now);
 * a bureau confirmation sits on the day the bureau names, because that is when a 签约 / 落地 scores.
 */
/**
 * The roll-ups' shape: bump it whenever what a lead contributes changes (a new dimension, a backfilled field),
 * and the `rollup-recount` timer migrates every district by itself, whole days of ~2 000 leads per tick. 1: day × unit × person
 * × channel × industry × origin. 2: + street × carrier type. 3: leads from before intake recorded a street get
 * one from their carrier or their street unit (no more «未指定街道» for them).
 */
export const ROLLUP_SCHEMA_VERSION = 3;

export const ROLLUP_DIMENSIONS = ['unitId', 'staffId', 'channel', 'industry', 'origin', 'street', 'carrierType'] as const;
export type RollupDimension = (typeof ROLLUP_DIMENSIONS)[number];

/** No unit / person / origin known: one value, so the rows still add up to the district. */
export const NONE = '-';

export interface RollupKey {
  districtId: string;
  /** China calendar day, YYYY-MM-DD. */
  day: string;
  unitId: string;
  staffId: string;
  channel: string;
  industry: string;
  /** Province region code (330000) from the credit code, else the stated city, else NONE. */
  origin: string;
  /** The asked-about carrier's street, else NONE (the inquiry form asks for no street). */
  street: string;
  /** The asked-about carrier's type, else the stated carrier-type need, else NONE. */
  carrierType: string;
}

/** First-response time buckets in minutes (upper bounds); the last bucket is open. Medians read from these. */
export const RESPONSE_BUCKETS_MIN = [30, 60, 120, 240, 480, 1440, 2880, 4320] as const;

export const FUNNEL_STAGES = LEAD_STATUSES.filter((s) => s !== 'new' && s !== 'invalid');

/** Counter names: flat, so one `inc` per counter moves a row. */
export type Counters = Record<string, number>;

export interface RollupContribution {
  key: RollupKey;
  counters: Counters;
}

export const originOf = (lead: Pick<Lead, 'facts'>): string => {
  const f = lead.facts;
  if (f?.originRegion) return provinceOf(f.originRegion) ?? f.originRegion;
  return f?.originCity ?? NONE;
};

/** Street and carrier type of an inquiry: its carrier's (snapshotted at intake), else its stated type need. */
export const placeOf = (lead: Pick<Lead, 'place' | 'need'>): { street: string; carrierType: string } => ({
  street: lead.place?.street ?? NONE,
  carrierType: lead.place?.carrierType ?? lead.need.carrierType ?? NONE,
});

export const bucketOf = (minutes: number): number => {
  const i = RESPONSE_BUCKETS_MIN.findIndex((b) => minutes <= b);
  return i < 0 ? RESPONSE_BUCKETS_MIN.length : i;
};

/** Every counter a lead contributes, to which rows. Pure: a recount is the sum of these over all leads. */
export const leadContribution = (lead: Lead): RollupContribution[] => {
  const base = {
    districtId: lead.districtId,
    unitId: lead.credit.unitId ?? NONE,
    staffId: lead.credit.staffId ?? NONE,
    channel: lead.source.channel,
    industry: lead.need.industry,
    origin: originOf(lead),
    ...placeOf(lead),
  };
  const inquiry: Counters = { inquiries: 1 };
  if (lead.sla.firstRespondedAt) {
    inquiry.responded = 1;
    if (lead.sla.firstRespondedAt <= lead.sla.firstResponseDueAt) inquiry.respondedInTime = 1;
    const minutes = (Date.parse(lead.sla.firstRespondedAt) - Date.parse(lead.createdAt)) / 60_000;
    inquiry[`rt${bucketOf(minutes)}`] = 1;
  }
  if (lead.status === 'invalid') inquiry.invalid = 1;
  const progress = progressStage(lead.status);
  for (const stage of FUNNEL_STAGES) if (progress >= progressStage(stage)) inquiry[`reached_${stage}`] = 1;
  // The bureau-confirmed outcome of this inquiry, on its own arrival day: the heat map's signings of a cohort.
  if (lead.confirmations?.signed) inquiry.cohort_signed = 1;
  if (lead.confirmations?.landed) inquiry.cohort_landed = 1;
  const rows: RollupContribution[] = [{ key: { ...base, day: chinaDayOf(new Date(lead.createdAt)) }, counters: inquiry }];
  // Counter names are store field names: tier ids' hyphens become underscores.
  const tier = (lead.facts?.investmentTier ?? 'unknown').replace(/-/g, '_');
  for (const stage of ['signed', 'landed'] as const) {
    const confirmation = lead.confirmations?.[stage];
    if (confirmation) rows.push({ key: { ...base, day: confirmation.date }, counters: { [`confirmed_${stage}`]: 1, [`confirmed_${stage}_${tier}`]: 1 } });
  }
  return rows;
};

export const rollupKeyString = (k: RollupKey): string => [k.districtId, k.day, k.unitId, k.staffId, k.channel, k.industry, k.origin, k.street, k.carrierType].join('\u0001');

/** The net change from one state of a lead to the next (null: absent), merged per row, zeros dropped. */
export const contributionDelta = (before: Lead | null, after: Lead | null): RollupContribution[] => {
  const rows = new Map<string, RollupContribution>();
  const add = (c: RollupContribution, sign: 1 | -1) => {
    const id = rollupKeyString(c.key);
    const row = rows.get(id) ?? { key: c.key, counters: {} };
    for (const [name, n] of Object.entries(c.counters)) row.counters[name] = (row.counters[name] ?? 0) + sign * n;
    rows.set(id, row);
  };
  if (before) for (const c of leadContribution(before)) add(c, -1);
  if (after) for (const c of leadContribution(after)) add(c, 1);
  const out: RollupContribution[] = [];
  for (const row of rows.values()) {
    for (const [name, n] of Object.entries(row.counters)) if (n === 0) delete row.counters[name];
    if (Object.keys(row.counters).length > 0) out.push(row);
  }
  return out;
};

/** Sums contributions into rows (a recount, or the reading side adding rows up). */
export const sumContributions = (contributions: Iterable<RollupContribution>): Map<string, RollupContribution> => {
  const rows = new Map<string, RollupContribution>();
  for (const c of contributions) {
    const id = rollupKeyString(c.key);
    const row = rows.get(id) ?? { key: c.key, counters: {} };
    for (const [name, n] of Object.entries(c.counters)) row.counters[name] = (row.counters[name] ?? 0) + n;
    rows.set(id, row);
  }
  return rows;
};

/** Applies dotted-path `set` operations (as the store does) to a copy of a lead: the state after a change. */
export const applySet = <T extends object>(doc: T, set: Record<string, unknown>): T => {
  const copy = JSON.parse(JSON.stringify(doc)) as Record<string, unknown>;
  for (const [path, value] of Object.entries(set)) {
    const parts = path.split('.');
    let node = copy;
    for (const part of parts.slice(0, -1)) {
      if (typeof node[part] !== 'object' || node[part] === null) node[part] = {};
      node = node[part] as Record<string, unknown>;
    }
    node[parts[parts.length - 1]] = value === undefined ? value : JSON.parse(JSON.stringify(value));
  }
  return copy as T;
};
