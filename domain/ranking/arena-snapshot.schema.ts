import * as v from 'valibot';
import { id, isoTime, line } from '../common/text';
import { ArenaWeightsSchema } from './arena-weights.schema';

export const CONTESTANT_KINDS = ['unit', 'team'] as const;
export type ContestantKind = (typeof CONTESTANT_KINDS)[number];

/** 调整分: bounded, never zero, at most two decimals (what the board shows). */
export const ADJUSTMENT_LIMIT = 100;
export const AdjustmentPointsSchema = v.pipe(
  v.number(),
  v.finite(),
  v.minValue(-ADJUSTMENT_LIMIT, `调整分不能低于 −${ADJUSTMENT_LIMIT}`),
  v.maxValue(ADJUSTMENT_LIMIT, `调整分不能超过 ${ADJUSTMENT_LIMIT}`),
  v.check((n) => n !== 0, '调整分不能为 0'),
  v.check((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, '调整分最多两位小数'),
);

/** One audited correction of a locked period: who, when, for whom, how much and why. */
export const ArenaAdjustmentSchema = v.strictObject({
  id: id(),
  contestantKind: v.picklist(CONTESTANT_KINDS),
  contestantId: id(),
  points: AdjustmentPointsSchema,
  reason: line(1, 200),
  leadId: v.nullable(id()),
  staffId: id(),
  actorName: v.string(),
  at: isoTime(),
});
export type ArenaAdjustment = v.InferOutput<typeof ArenaAdjustmentSchema>;

/** A score line as locked: stage, response and penalty items (adjustments are kept apart, beside them). */
export const LockedItemSchema = v.strictObject({
  kind: v.picklist(['stage', 'response', 'penalty']),
  label: v.string(),
  points: v.number(),
  leadId: v.optional(v.string()),
});

/**
 * The board of one district × period as it stood when the period locked: every unit's and team's items, the weights
 * used, when it locked. After the lock the board reads this, never a recount; `adjustments` is the only part that
 * changes, one audited entry at a time.
 */
export const ArenaSnapshotSchema = v.strictObject({
  _id: id(),
  districtId: id(),
  periodKey: v.string(),
  kind: v.picklist(['quarter', 'month']),
  /** The lock moment (the end of the Nth working day after the period); `storedAt` is when a run stored it. */
  lockedAt: isoTime(),
  storedAt: isoTime(),
  weights: ArenaWeightsSchema,
  duplicatesRemoved: v.number(),
  contestants: v.array(v.strictObject({ kind: v.picklist(CONTESTANT_KINDS), contestantId: v.string(), name: v.string(), items: v.array(LockedItemSchema) })),
  adjustments: v.pipe(v.array(ArenaAdjustmentSchema), v.maxLength(200)),
});
export type ArenaSnapshot = v.InferOutput<typeof ArenaSnapshotSchema>;
export const MAX_ADJUSTMENTS = 200;
