import { fingerprint } from '../../../domain/common/fingerprint';
import type { Lead } from '../../../domain/lead/lead.schema';
import { applySet, contributionDelta, leadContribution, sumContributions, type Counters, type RollupContribution, type RollupKey } from '../../../domain/report/lead-rollup.rules';
import type { Carrier } from '../../../domain/carrier/carrier.schema';
import { backfilledPlace, receivingUnitIdOf, type LeadPlace } from '../../../domain/report/lead-place.rules';
import { COLLECTIONS } from '../store/collections';
import { getCarriersByIds } from './carrier.repository';
import { getManyById } from './get-many';
import { getUnitsByIds } from './org.repository';
import { MAX_FIND_LIMIT, type DocumentStore, type TransactionStore, type Where } from '../store/store-port';

const ROLLUPS = COLLECTIONS.rollups.name;

export type RollupDoc = RollupKey & {
  _id: string;
  c: Counters;
  [k: string]: unknown;
};

export const rollupId = (key: RollupKey): string => `ru_${fingerprint(key)}`;

/** Lead fields a roll-up row depends on: a change touching none of them leaves every row as it is. */
const ROLLUP_FIELDS = ['status', 'facts', 'confirmations', 'sla', 'credit', 'need', 'source', 'place', 'createdAt', 'districtId'];
export const touchesRollups = (set: Record<string, unknown>): boolean =>
  Object.keys(set).some((path) => {
    const root = path.split('.')[0];
    return root === 'sla' ? path === 'sla' || path === 'sla.firstRespondedAt' || path === 'sla.firstResponseDueAt' : ROLLUP_FIELDS.includes(root);
  });

/** Which of the delta's rows exist already: one wave of by-id reads, to overlap with the caller's other reads. */
export const readRollupRows = async (tx: TransactionStore, delta: readonly RollupContribution[]): Promise<Set<string>> => {
  const ids = delta.map((row) => rollupId(row.key));
  const found = await Promise.all(ids.map((id) => tx.get<RollupDoc>(ROLLUPS, id)));
  return new Set(ids.filter((_, i) => found[i] !== null));
};

/**
 * Moves the rows by a delta inside the caller's transaction, all at once: an `inc` for a row that exists
 * (`existing`, from readRollupRows), an insert for one that does not. Rows are never deleted; zeros read as nothing.
 */
export const writeRollupDelta = async (tx: TransactionStore, delta: readonly RollupContribution[], existing: ReadonlySet<string>): Promise<void> => {
  await Promise.all(
    delta.map(async (row) => {
      const id = rollupId(row.key);
      if (existing.has(id)) {
        const inc = Object.fromEntries(Object.entries(row.counters).map(([name, n]) => [`c.${name}`, n]));
        await tx.update(ROLLUPS, id, { inc });
      } else {
        await tx.insert<RollupDoc>(ROLLUPS, { _id: id, ...row.key, c: { ...row.counters } });
      }
    }),
  );
};

/** Reads, then moves (two waves): for a caller with no other read to overlap. */
export const applyRollupDelta = async (tx: TransactionStore, delta: readonly RollupContribution[]): Promise<void> =>
  writeRollupDelta(tx, delta, await readRollupRows(tx, delta));

/** The roll-up change of `set` applied to `before` (the lead as it stands in the transaction). */
export const rollupDeltaOf = (before: Lead | null, after: Lead | null) => contributionDelta(before, after);
export const leadAfter = (lead: Lead, set: Record<string, unknown>): Lead => applySet(lead, set);

/** A district's rows for China days [fromDay, toDay] (optionally one unit's or one person's), in pages by key. */
export const listRollups = async (
  store: DocumentStore,
  districtId: string,
  fromDay: string,
  toDay: string,
  only: { unitId: string } | { staffId: string } | null = null,
): Promise<RollupDoc[]> => pageRollups(store, { districtId, ...(only ?? {}) }, fromDay, toDay);

/**
 * Rows of several people of one district (a team's members), or of several districts (a city), in one query
 * paged by key: the number of requests follows the rows, never the number of members or districts.
 */
export const listRollupsOfMany = (
  store: DocumentStore,
  of: { districtId: string; staffIds: readonly string[] } | { districtIds: readonly string[] },
  fromDay: string,
  toDay: string,
): Promise<RollupDoc[]> => {
  const where: Where = 'districtIds' in of ? { districtId: { in: [...of.districtIds] } } : { districtId: of.districtId, staffId: { in: [...of.staffIds] } };
  const ids = 'districtIds' in of ? of.districtIds : of.staffIds;
  return ids.length === 0 ? Promise.resolve([]) : pageRollups(store, where, fromDay, toDay);
};

const pageRollups = async (store: DocumentStore, where: Where, fromDay: string, toDay: string): Promise<RollupDoc[]> => {
  const out: RollupDoc[] = [];
  let after: { day: string; _id: string } | null = null;
  for (;;) {
    const cursor: { day: string; _id: string } | null = after;
    const page: RollupDoc[] = await store.find<RollupDoc>(ROLLUPS, {
      where: { ...where, day: { gte: cursor ? cursor.day : fromDay, lte: toDay } },
      ...(cursor ? { anyOf: [{ day: { gt: cursor.day } }, { day: cursor.day, _id: { gt: cursor._id } }] } : {}),
      orderBy: [{ field: 'day', direction: 'asc' }, { field: '_id', direction: 'asc' }],
      limit: MAX_FIND_LIMIT,
    });
    out.push(...page);
    if (page.length < MAX_FIND_LIMIT) return out;
    const last = page[page.length - 1];
    after = { day: last.day, _id: last._id };
  }
};

const LEAD_PAGE = 500;
const WRITE_BATCH = 8;

/**
 * The page's leads with a street backfilled where intake recorded none (lead-place.rules.ts), the backfilled
 * ones stored (only `place`: nothing else of the lead changes, so no `_rev` moves); the rows are recounted next.
 */
const withBackfilledPlaces = async (store: DocumentStore, page: readonly Lead[]): Promise<{ leads: Lead[]; backfilled: number }> => {
  const missing = page.filter((l) => !l.place);
  if (missing.length === 0) return { leads: [...page], backfilled: 0 };
  const carrierIds = missing.map((l) => l.source.carrierId);
  const [listed, withdrawn, units] = await Promise.all([
    getCarriersByIds(store, carrierIds),
    getManyById<Carrier>(store, COLLECTIONS.carriersWithdrawn.name, carrierIds),
    getUnitsByIds(store, missing.map(receivingUnitIdOf)),
  ]);
  const places = new Map<string, LeadPlace>();
  for (const lead of missing) {
    const id = lead.source.carrierId;
    const place = backfilledPlace(lead, (id && (listed.get(id) ?? withdrawn.get(id))) || null, units.get(receivingUnitIdOf(lead)) ?? null);
    if (place) places.set(lead._id, place);
  }
  const ids = [...places.keys()];
  for (let i = 0; i < ids.length; i += WRITE_BATCH) await Promise.all(ids.slice(i, i + WRITE_BATCH).map((id) => store.update(COLLECTIONS.leads.name, id, { set: { place: places.get(id) } })));
  return { leads: page.map((l) => (places.has(l._id) ? { ...l, place: places.get(l._id) } : l)), backfilled: places.size };
};

/** The first and last China day a recount can cover: from before any lead to after any confirmation. */
export const FIRST_DAY = '0000-01-01';
export const LAST_DAY = '9999-12-31';
const CHINA_OFFSET_MS = 8 * 3600_000;
/** The instant a China day starts (ISO). */
const dayStartIso = (day: string): string => new Date(Date.parse(`${day}T00:00:00.000Z`) - CHINA_OFFSET_MS).toISOString();
export const addDays = (day: string, n: number): string => new Date(Date.parse(`${day}T00:00:00.000Z`) + n * 86_400_000).toISOString().slice(0, 10);
const chinaDay = (iso: string): string => new Date(Date.parse(iso) + CHINA_OFFSET_MS).toISOString().slice(0, 10);

type Range = { gte?: string; lt?: string; lte?: string };
const valueAt = (doc: Lead, path: string): string => path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], doc) as string;

/** A district's leads by `field` in `range`, in keyset pages, at most `max`. */
const pageLeads = async (store: DocumentStore, districtId: string, field: string, range: Range, max = Number.POSITIVE_INFINITY): Promise<Lead[]> => {
  const out: Lead[] = [];
  let last: Lead | null = null;
  while (out.length < max) {
    const at: string | null = last ? valueAt(last, field) : null;
    const bounds: Range = at === null ? range : { ...range, gte: at };
    const limit = Math.min(LEAD_PAGE, max - out.length);
    const page: Lead[] = await store.find<Lead>(COLLECTIONS.leads.name, {
      where: { districtId, ...(Object.keys(bounds).length ? { [field]: bounds } : {}) },
      ...(last && at !== null ? { anyOf: [{ [field]: { gt: at } }, { [field]: at, _id: { gt: last._id } }] } : {}),
      orderBy: [{ field, direction: 'asc' }, { field: '_id', direction: 'asc' }],
      limit,
    });
    out.push(...page);
    if (page.length < limit) break;
    last = page[page.length - 1];
  }
  return out;
};

const createdRange = (fromDay: string, toDay: string): Range => ({
  ...(fromDay === FIRST_DAY ? {} : { gte: dayStartIso(fromDay) }),
  ...(toDay === LAST_DAY ? {} : { lt: dayStartIso(addDays(toDay, 1)) }),
});

/**
 * Every lead contributing to a row of China days [fromDay, toDay]: those that arrived on them (their inquiry
 * rows) and those the bureau confirmed with a date on them (their 签约 / 落地 rows), each once.
 */
const leadsOfDays = async (store: DocumentStore, districtId: string, fromDay: string, toDay: string, arrived?: Lead[]): Promise<Lead[]> => {
  const [created, signed, landed] = await Promise.all([
    arrived ? Promise.resolve(arrived) : pageLeads(store, districtId, 'createdAt', createdRange(fromDay, toDay)),
    pageLeads(store, districtId, 'confirmations.signed.date', { gte: fromDay, lte: toDay }),
    pageLeads(store, districtId, 'confirmations.landed.date', { gte: fromDay, lte: toDay }),
  ]);
  return [...new Map([...created, ...signed, ...landed].map((l) => [l._id, l])).values()];
};

/** The rows [fromDay, toDay] should hold: the leads' contributions to those days, summed, by row id. */
const wantedRows = (leads: readonly Lead[], fromDay: string, toDay: string): Map<string, RollupContribution> => {
  const contributions = leads.flatMap(leadContribution).filter((c) => c.key.day >= fromDay && c.key.day <= toDay);
  return new Map([...sumContributions(contributions).values()].map((row) => [rollupId(row.key), row]));
};

const sameRows = (a: ReadonlyMap<string, RollupContribution>, b: ReadonlyMap<string, RollupContribution>): boolean =>
  a.size === b.size && [...a].every(([id, row]) => JSON.stringify(Object.entries(row.counters).sort()) === JSON.stringify(Object.entries(b.get(id)?.counters ?? {}).sort()));

export interface RecountedDays {
  fromDay: string;
  /** The last day recounted: LAST_DAY when the district is done. */
  toDay: string;
  leads: number;
  rows: number;
  zeroed: number;
  backfilled: number;
  /** How often the days were counted: more than once when a lead changed while they were being written. */
  attempts: number;
  /** False when leads kept changing through every attempt: nothing is lost, the days are counted again next time. */
  settled: boolean;
}

const RECOUNT_ATTEMPTS = 3;

/**
 * Recounts the next whole China days of a district from `fromDay`, about `maxLeads` leads' worth (a day is never
 * split: a day with more leads than that is recounted whole), and says up to which day it got. The rows of those
 * days are set to the sum of the contributions of the leads that arrived or were confirmed on them, in one
 * transaction, so a reader sees a day either as it was or recounted, never half of it; a row no lead contributes
 * to any more (an old key) is zeroed, never deleted. Leads without a street get one where it can be derived.
 *
 * A lead change racing the recount (its transaction moves the rows of its days by a delta) is not lost: after
 * writing, the days' leads are read again, and if what they contribute differs from what was written, the days
 * are counted again (a change that landed after that second read moved the rows already recounted, so it holds).
 * Setting, never adding: running the same days twice (a tick that died before storing its progress) changes
 * nothing, so every lead counts exactly once.
 */
export const recountRollupDays = async (store: DocumentStore, districtId: string, fromDay: string, maxLeads: number): Promise<RecountedDays> => {
  // Which days: the whole days among the next `maxLeads` arrivals (the last day read may go on past the page).
  const ahead = await pageLeads(store, districtId, 'createdAt', createdRange(fromDay, LAST_DAY), maxLeads + 1);
  let toDay = LAST_DAY;
  let arrived: Lead[] | undefined = ahead;
  if (ahead.length > maxLeads) {
    const lastDay = chinaDay(ahead[ahead.length - 1].createdAt);
    toDay = lastDay > fromDay ? addDays(lastDay, -1) : fromDay;
    arrived = lastDay > fromDay ? ahead.filter((l) => chinaDay(l.createdAt) <= toDay) : undefined;
  }
  let backfilled = 0;
  let zeroed = 0;
  let wanted = new Map<string, RollupContribution>();
  let leads = 0;
  for (let attempt = 1; attempt <= RECOUNT_ATTEMPTS; attempt++) {
    const placed = await withBackfilledPlaces(store, await leadsOfDays(store, districtId, fromDay, toDay, attempt === 1 ? arrived : undefined));
    backfilled += placed.backfilled;
    leads = placed.leads.filter((l) => chinaDay(l.createdAt) >= fromDay && chinaDay(l.createdAt) <= toDay).length;
    wanted = wantedRows(placed.leads, fromDay, toDay);
    const stored = await listRollups(store, districtId, fromDay, toDay);
    const stale = stored.filter((d) => !wanted.has(d._id) && Object.values(d.c).some((n) => n !== 0));
    const storedById = new Map(stored.map((d) => [d._id, d]));
    const changed = [...wanted].filter(([id, row]) => {
      const have = storedById.get(id);
      return !have || !sameRows(new Map([[id, { key: row.key, counters: have.c }]]), new Map([[id, row]]));
    });
    zeroed = stale.length;
    if (changed.length || stale.length) {
      await store.transaction(async (tx) => {
        await Promise.all([
          // A row read as missing may have been made since by a lead change: looked up again inside.
          ...changed.map(async ([id, row]) =>
            storedById.has(id) || (await tx.get<RollupDoc>(ROLLUPS, id)) ? tx.update(ROLLUPS, id, { set: { c: { ...row.counters } } }) : tx.insert<RollupDoc>(ROLLUPS, { _id: id, ...row.key, c: { ...row.counters } }),
          ),
          ...stale.map((d) => tx.update(ROLLUPS, d._id, { set: { c: {} } })),
        ]);
      });
    }
    const again = wantedRows(await leadsOfDays(store, districtId, fromDay, toDay), fromDay, toDay);
    if (sameRows(again, wanted)) return { fromDay, toDay, leads, rows: wanted.size, zeroed, backfilled, attempts: attempt, settled: true };
  }
  return { fromDay, toDay, leads, rows: wanted.size, zeroed, backfilled, attempts: RECOUNT_ATTEMPTS, settled: false };
};

/**
 * A whole district recounted at once (a repair by hand, and tests): `recountRollupDays` from the first day to the
 * last, as the timer does over its ticks. Idempotent.
 */
export const recountDistrictRollups = async (store: DocumentStore, districtId: string, maxLeads = 2_000): Promise<{ leads: number; rows: number; zeroed: number; backfilled: number }> => {
  const total = { leads: 0, rows: 0, zeroed: 0, backfilled: 0 };
  let fromDay = FIRST_DAY;
  for (let unsettled = 0; ; ) {
    const r = await recountRollupDays(store, districtId, fromDay, maxLeads);
    if (!r.settled) {
      // The same days again; leads that never stop changing for this long are a fault, not a race.
      if ((unsettled += 1) >= 10) throw new Error(`roll-up recount of ${districtId} from ${fromDay}: its leads kept changing`);
      continue;
    }
    unsettled = 0;
    total.rows += r.rows;
    total.zeroed += r.zeroed;
    total.backfilled += r.backfilled;
    total.leads += r.leads;
    if (r.toDay === LAST_DAY) return total;
    fromDay = addDays(r.toDay, 1);
  }
};
