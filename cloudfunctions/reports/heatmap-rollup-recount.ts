import { ROLLUP_SCHEMA_VERSION } from '../../domain/report/lead-rollup.rules';
import type { Deps } from '../_lib/deps';
import { getRollupMigration, saveRollupMigration } from '../_lib/repositories/migration.repository';
import { listDistricts } from '../_lib/repositories/org.repository';
import { recountDistrictRollups } from '../_lib/repositories/rollup.repository';
import type { RequestContext } from '../_lib/request-context';

export const ROLLUP_RECOUNT_TRIGGER = 'rollup-recount';
/** Districts recounted per tick: the recount of one district reads all its leads, so a tick does one. */
export const ROLLUP_DISTRICTS_PER_TICK = 1;
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
  | { state: 'migrating' | 'finished'; version: number; target: number; recounted: Array<{ districtId: string; leads: number; backfilled: number }>; remaining: number };

/**
 * One tick of the roll-up migration: nothing but one read while the stored version is the code's; after a deploy
 * that bumped ROLLUP_SCHEMA_VERSION, the next district not yet done is recounted (its pre-`place` leads
 * backfilled) and marked done, so a tick that dies resumes with the district it was on; when none is left the
 * version is the code's. A district made while it runs counts with the new rules from its first lead.
 */
export const runRollupMigration = async (deps: Pick<Deps, 'store' | 'clock' | 'log'>, perTick = ROLLUP_DISTRICTS_PER_TICK): Promise<RollupMigrationTick> => {
  const stored = await getRollupMigration(deps.store);
  if (stored.version === ROLLUP_SCHEMA_VERSION) return { state: 'current', version: stored.version };
  const now = deps.clock().toISOString();
  // A newer target than the one in progress (two deploys in a row): start over, every district once more.
  const state = stored.target === ROLLUP_SCHEMA_VERSION ? stored : { ...stored, target: ROLLUP_SCHEMA_VERSION, doneDistrictIds: [], startedAt: now, finishedAt: null };
  const districts = await listDistricts(deps.store, MAX_DISTRICTS);
  const todo = districts.filter((d) => !state.doneDistrictIds.includes(d._id));
  const recounted: Array<{ districtId: string; leads: number; backfilled: number }> = [];
  for (const d of todo.slice(0, perTick)) {
    const r = await recountDistrictRollups(deps.store, d._id);
    recounted.push({ districtId: d._id, leads: r.leads, backfilled: r.backfilled });
    state.doneDistrictIds = [...state.doneDistrictIds, d._id];
    await saveRollupMigration(deps.store, state);
    deps.log.info('rollups.migrated_district', { district: d._id, target: ROLLUP_SCHEMA_VERSION, leads: r.leads, backfilled: r.backfilled });
  }
  const remaining = todo.length - recounted.length;
  if (remaining > 0) {
    await saveRollupMigration(deps.store, state);
    return { state: 'migrating', version: state.version, target: ROLLUP_SCHEMA_VERSION, recounted, remaining };
  }
  await saveRollupMigration(deps.store, { ...state, version: ROLLUP_SCHEMA_VERSION, target: null, doneDistrictIds: [], finishedAt: now });
  deps.log.info('rollups.migrated', { version: ROLLUP_SCHEMA_VERSION, districts: districts.length });
  return { state: 'finished', version: ROLLUP_SCHEMA_VERSION, target: ROLLUP_SCHEMA_VERSION, recounted, remaining: 0 };
};
