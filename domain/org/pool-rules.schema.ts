import * as v from 'valibot';

/**
 * A district's rules for its 待认领 pool: how many claimed, still-open pool leads one person may hold at once, and
 * after how many working days without a staff action by the holder a claimed lead goes back to the pool — with a
 * warning to the holder `warnDaysBefore` working days earlier.
 */
export const PoolRulesSchema = v.strictObject({
  maxClaimedOpen: v.pipe(v.number(), v.integer(), v.minValue(1, '至少 1 条'), v.maxValue(500, '最多 500 条')),
  idleReturnDays: v.pipe(v.number(), v.integer(), v.minValue(1, '至少 1 个工作日'), v.maxValue(60, '最多 60 个工作日')),
  warnDaysBefore: v.pipe(v.number(), v.integer(), v.minValue(0, '不能为负数'), v.maxValue(10, '最多提前 10 个工作日')),
});
export type PoolRules = v.InferOutput<typeof PoolRulesSchema>;

export const DEFAULT_POOL_RULES: PoolRules = { maxClaimedOpen: 20, idleReturnDays: 5, warnDaysBefore: 1 };
