import type { Deps } from '../_lib/deps';
import { listDistricts } from '../_lib/repositories/org.repository';
import { recountDistrictRollups } from '../_lib/repositories/rollup.repository';
import type { RequestContext } from '../_lib/request-context';

export const ROLLUP_RECOUNT_TRIGGER = 'rollup-recount';

/**
 * The roll-up migration, run once after deploying a roll-up key with new dimensions (street × carrier type for
 * the 招商热力图) — from the console's 云端测试 with `{ "Type": "Timer", "TriggerName": "rollup-recount" }`. Like
 * the bulletin timer: never from a person (a client's call always carries a caller), and idempotent.
 */
export const isRollupRecountEvent = (event: unknown, ctx: Pick<RequestContext, 'openid' | 'visitor'>): boolean =>
  !ctx.openid && !ctx.visitor && typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer' && (event as { TriggerName?: unknown }).TriggerName === ROLLUP_RECOUNT_TRIGGER;

/** Every district's roll-ups set to a recount of its leads; what each district held, for the log. */
export const recountAllRollups = async (deps: Pick<Deps, 'store'>) => {
  const out: Array<{ districtId: string; leads: number; rows: number; zeroed: number }> = [];
  for (const d of await listDistricts(deps.store, 100)) out.push({ districtId: d._id, ...(await recountDistrictRollups(deps.store, d._id)) });
  return { ok: true as const, data: { districts: out } };
};
