import * as v from 'valibot';

const points = (max: number) => v.pipe(v.number(), v.finite(), v.minValue(0, '分值不能为负数'), v.maxValue(max, `分值不能超过 ${max}`));
const multiplier = v.pipe(v.number(), v.finite(), v.minValue(0, '系数不能为负数'), v.maxValue(10, '系数不能超过 10'));

/**
 * 擂台赛 weights, a district setting. Points per *confirmed* stage (签约 and 落地 are confirmed by the investment
 * bureau), multiplied by the project's investment tier; response performance rewards promises kept; a lead closed
 * as invalid after it was reported as real costs points. Defaults follow the published district schemes: signing
 * and landing carry the weight, large projects count several times a small one.
 */
export const ArenaWeightsSchema = v.strictObject({
  stagePoints: v.strictObject({
    /** 实地考察: the investor came to see a carrier. */
    visited: points(100),
    signed: points(1000),
    landed: points(1000),
  }),
  tierMultiplier: v.strictObject({
    unknown: multiplier,
    'under-1e': multiplier,
    '1e-3e': multiplier,
    '3e-10e': multiplier,
    '10e-20e': multiplier,
    '20e-plus': multiplier,
  }),
  /** Points for keeping every response promise in the period; a unit that kept 80 % gets 80 % of them. */
  promiseKeptPoints: points(1000),
  /** Deducted per lead closed as 无效 after it had been reported as a real project (reached 洽谈 or beyond). */
  invalidAfterReportPenalty: points(1000),
  /** 功效系数法: 60 + 40 × (x − min) / (max − min), so small units are not crushed by large ones. */
  efficacyCoefficient: v.boolean(),
  /** 功效系数法's parameters: the lowest unit gets `efficacyFloor`, the highest floor + span (default 60 and 40). */
  efficacyFloor: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0, '功效系数基础分不能为负数'), v.maxValue(100, '功效系数基础分不能超过 100'))),
  efficacySpan: v.optional(v.pipe(v.number(), v.finite(), v.minValue(1, '功效系数分差至少为 1'), v.maxValue(100, '功效系数分差不能超过 100'))),
  /** How many places every unit sees on the board besides its own. */
  topN: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50)),
  /** The period's board locks this many working days after the period ends. */
  lockAfterWorkingDays: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(30)),
});
export type ArenaWeights = v.InferOutput<typeof ArenaWeightsSchema>;

export const DEFAULT_ARENA_WEIGHTS: ArenaWeights = {
  stagePoints: { visited: 2, signed: 10, landed: 20 },
  tierMultiplier: { unknown: 1, 'under-1e': 1, '1e-3e': 1.5, '3e-10e': 2, '10e-20e': 3, '20e-plus': 4 },
  promiseKeptPoints: 10,
  invalidAfterReportPenalty: 5,
  efficacyCoefficient: false,
  topN: 5,
  lockAfterWorkingDays: 5,
};

export const EFFICACY_FLOOR = 60;
export const EFFICACY_SPAN = 40;

/** The weights a district scores by: its own setting, else the published defaults. */
export const weightsOf = (district: { arenaWeights?: ArenaWeights } | null): ArenaWeights => district?.arenaWeights ?? DEFAULT_ARENA_WEIGHTS;

/** What the schema cannot say: a board on which no confirmed stage earns anything measures nothing. */
export const weightsProblem = (w: ArenaWeights): string | null =>
  w.stagePoints.visited + w.stagePoints.signed + w.stagePoints.landed === 0 ? '签约、落地等阶段分值不能全为 0' : Object.values(w.tierMultiplier).every((m) => m === 0) ? '投资额档位系数不能全为 0' : null;
