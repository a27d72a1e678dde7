import { ROLLUP_SCHEMA_VERSION } from '../../domain/report/lead-rollup.rules';
import type { Deps } from '../_lib/deps';
import { getRollupMigration, saveRollupMigration } from '../_lib/repositories/migration.repository';
import { listDistricts } from '../_lib/repositories/org.repository';
import { addDays, FIRST_DAY, LAST_DAY, recountDistrictRollups, recountRollupDays } from '../_lib/repositories/rollup.repository';
import type { RequestContext } from '../_lib/request-context';

export const ROLLUP_RECOUNT_TRIGGER = 'rollup-recount';
/**
 * Leads recounted per tick (whole China days of one district, about this many leads: a day is never split). A
 * tick reads them twice (the count, then the check that none changed meanwhile) and writes their rows in one
 * transaction: well inside a function's 60 s. 100 000 leads take about 50 ticks of 10 minutes.
 */
export const ROLLUP_LEADS_PER_TICK = 2_000;
const MAX_DISTRICTS = 100;

/**
 * The roll-up migration's timer (`rollup-recount`, every 10 minutes; also from the console's 云端测试 with
 * `{ "Type": "Timer", "TriggerName": "rollup-recount" }`). Like the bulletin timer: never from a person (a
 * client's call always carries a caller), and idempotent.
 */
export const isRollupRecountEvent = (event: unknown, ctx: Pick<RequestContext, 'openid' | 'visitor'>): boolean =>
  !ctx.openid && !ctx.visitor && typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer' && (event as { TriggerName?: unknown }).TriggerName === ROLLUP_RECOUNT_TRIGGER;

/** Every district's roll-ups set to a recount of its leads at once (a repair by hand, and tests); what each held. */
export const recountAllRollups = async (deps: Pick<Deps, 'store'>) => {
  const out: Array<{ districtId: string; leads: number; rows: number; zeroed: number; backfilled: number }> = [];
  for (const d of await listDistricts(deps.store, 100)) out.push({ districtId: d._id, ...(await recountDistrictRollups(deps.store, d._id)) });
  return { ok: true as const, data: { districts: out } };
};

export type RollupMigrationTick =
  | { state: 'current'; version: number }
  | {
      state: 'migrating' | 'finished';
      version: number;
      target: number;
      /** What this tick recounted: whole days [fromDay, toDay] of one district (toDay LAST_DAY: the district is done). */
      recounted: Array<{ districtId: string; fromDay: string; toDay: string; leads: number; backfilled: number }>;
      /** Districts not finished yet, the one in progress included. */
      remaining: number;
    };

/**
 * One tick of the roll-up migration: nothing but one read while the stored version is the code's. After a deploy
 * that bumped ROLLUP_SCHEMA_VERSION, each tick recounts the next whole days of the district in progress, about
 * `perTick` leads (`recountRollupDays`: its pre-`place` leads backfilled, its days' rows set in one transaction),
 * and stores the next day as the cursor in `migrations`; a district whose last day is done joins the done list.
 * A tick that dies before storing its progress is redone by the next from the same day, and setting rows twice
 * changes nothing, so every lead counts exactly once; a district of any size completes over ticks. Reads stay
 * right meanwhile: each day's rows are the old count (kept up to date by every lead change) or the recount,
 * switched per day in one transaction, so no lead is ever counted twice or missed — only a dimension the new
 * schema adds is filled day by day. A district made while it runs counts with the new rules from its first lead.
 */
export const runRollupMigration = async (deps: Pick<Deps, 'store' | 'clock' | 'log'>, perTick = ROLLUP_LEADS_PER_TICK): Promise<RollupMigrationTick> => {
  const stored = await getRollupMigration(deps.store);
  if (stored.version === ROLLUP_SCHEMA_VERSION) return { state: 'current', version: stored.version };
  const now = deps.clock().toISOString();
  // A newer target than the one in progress (two deploys in a row): start over, every district once more.
  const state = stored.target === ROLLUP_SCHEMA_VERSION ? { ...stored, cursor: stored.cursor ?? null } : { ...stored, target: ROLLUP_SCHEMA_VERSION, doneDistrictIds: [], cursor: null, startedAt: now, finishedAt: null };
  const districts = await listDistricts(deps.store, MAX_DISTRICTS);
  const todo = districts.filter((d) => !state.doneDistrictIds.includes(d._id));
  const recounted: Array<{ districtId: string; fromDay: string; toDay: string; leads: number; backfilled: number }> = [];
  const current = todo.find((d) => d._id === state.cursor?.districtId) ?? todo[0];
  if (current) {
    const fromDay = state.cursor?.districtId === current._id ? state.cursor.nextDay : FIRST_DAY;
    const r = await recountRollupDays(deps.store, current._id, fromDay, perTick);
    if (r.settled) {
      recounted.push({ districtId: current._id, fromDay, toDay: r.toDay, leads: r.leads, backfilled: r.backfilled });
      if (r.toDay === LAST_DAY) {
        state.doneDistrictIds = [...state.doneDistrictIds, current._id];
        state.cursor = null;
        deps.log.info('rollups.migrated_district', { district: current._id, target: ROLLUP_SCHEMA_VERSION });
      } else {
        state.cursor = { districtId: current._id, nextDay: addDays(r.toDay, 1) };
      }
    } else {
      // Its leads kept changing while it wrote: the same days again next tick (nothing counted twice).
      state.cursor = { districtId: current._id, nextDay: fromDay };
      deps.log.info('rollups.recount_unsettled', { district: current._id, fromDay, toDay: r.toDay });
    }
  }
  const remaining = districts.filter((d) => !state.doneDistrictIds.includes(d._id)).length;
  if (remaining > 0) {
    await saveRollupMigration(deps.store, state);
    return { state: 'migrating', version: state.version, target: ROLLUP_SCHEMA_VERSION, recounted, remaining };
  }
  await saveRollupMigration(deps.store, { ...state, version: ROLLUP_SCHEMA_VERSION, target: null, doneDistrictIds: [], cursor: null, finishedAt: now });
  deps.log.info('rollups.migrated', { version: ROLLUP_SCHEMA_VERSION, districts: districts.length });
  return { state: 'finished', version: ROLLUP_SCHEMA_VERSION, target: ROLLUP_SCHEMA_VERSION, recounted, remaining: 0 };
};
