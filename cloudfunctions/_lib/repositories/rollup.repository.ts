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

/**
 * Recount (the migration when the roll-up key gains a dimension, and a repair at any time): every row of the
 * district is set to the sum of its leads' contributions, read fresh from the leads; a row no lead contributes to
 * any more (an old key) is zeroed, never deleted. Leads without a street get one where it can be derived
 * (`backfilled`). Idempotent. Run it while the district's leads are quiet (a lead change landing between the scan
 * and the write is overwritten; running it again repairs that).
 */
export const recountDistrictRollups = async (store: DocumentStore, districtId: string): Promise<{ leads: number; rows: number; zeroed: number; backfilled: number }> => {
  const contributions: RollupContribution[] = [];
  let leads = 0;
  let backfilled = 0;
  let after: Lead | null = null;
  for (;;) {
    const cursor: Lead | null = after;
    const page: Lead[] = await store.find<Lead>(COLLECTIONS.leads.name, {
      where: { districtId },
      ...(cursor ? { anyOf: [{ createdAt: { gt: cursor.createdAt } }, { createdAt: cursor.createdAt, _id: { gt: cursor._id } }] } : {}),
      orderBy: [{ field: 'createdAt', direction: 'asc' }, { field: '_id', direction: 'asc' }],
      limit: LEAD_PAGE,
    });
    const placed = await withBackfilledPlaces(store, page);
    for (const lead of placed.leads) contributions.push(...leadContribution(lead));
    backfilled += placed.backfilled;
    leads += page.length;
    if (page.length < LEAD_PAGE) break;
    after = page[page.length - 1];
  }
  const wanted = new Map([...sumContributions(contributions).values()].map((row) => [rollupId(row.key), row]));
  const stored = await listRollups(store, districtId, '0000-01-01', '9999-12-31');
  const storedIds = new Set(stored.map((d) => d._id));
  const jobs: Array<() => Promise<unknown>> = [];
  for (const [id, row] of wanted) {
    jobs.push(() => (storedIds.has(id) ? store.update(ROLLUPS, id, { set: { c: { ...row.counters } } }) : store.insert<RollupDoc>(ROLLUPS, { _id: id, ...row.key, c: { ...row.counters } })));
  }
  const stale = stored.filter((d) => !wanted.has(d._id) && Object.values(d.c).some((n) => n !== 0));
  for (const d of stale) jobs.push(() => store.update(ROLLUPS, d._id, { set: { c: {} } }));
  for (let i = 0; i < jobs.length; i += WRITE_BATCH) await Promise.all(jobs.slice(i, i + WRITE_BATCH).map((job) => job()));
  return { leads, rows: wanted.size, zeroed: stale.length, backfilled };
};
