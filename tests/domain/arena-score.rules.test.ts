import * as v from 'valibot';
import { efficacyCoefficient, rankContestants, type ContestantFacts } from '../../domain/ranking/arena-score.rules';
import { ArenaWeightsSchema, DEFAULT_ARENA_WEIGHTS } from '../../domain/ranking/arena-weights.schema';

/**
 * A quarter checked by hand with the default weights (visited 2, signed 10, landed 20; tier ×1 / ×1.5 / ×2 / ×3 / ×4;
 * promises 10; invalid after report −5):
 *   商务局  签约 20亿+ (10×4=40) + 落地 3–10亿 (20×2=40) + 按时 9/10 (9) − 1 无效 (−5)        = 84
 *   科技局  签约 1–3亿 (10×1.5=15) + 考察 unknown (2×1=2) + 按时 4/4 (10) + 调整 +3            = 30
 *   教育局  考察 1亿以下 (2) + 按时 0/2 (0)                                                     = 2
 *   经发局  nothing due                                                                          = 0
 * 功效系数 (min 0, max 84): 100, 60+40×30/84 = 74.29, 60+40×2/84 = 60.95, 60.
 */
const QUARTER: ContestantFacts[] = [
  {
    contestantId: 'unit-commerce', name: '商务局', promisesDue: 10, promisesKept: 9,
    confirmedStages: [
      { leadId: 'L1', company: '云川电池', stage: 'signed', tier: '20e-plus' },
      { leadId: 'L2', company: '临江光电', stage: 'landed', tier: '3e-10e' },
    ],
    invalidAfterReport: [{ leadId: 'L3', company: '空壳贸易' }],
    adjustments: [],
  },
  {
    contestantId: 'unit-tech', name: '科技局', promisesDue: 4, promisesKept: 4,
    confirmedStages: [
      { leadId: 'L4', company: '智算科技', stage: 'signed', tier: '1e-3e' },
      { leadId: 'L5', company: '星河材料', stage: 'visited', tier: null },
    ],
    invalidAfterReport: [],
    adjustments: [{ id: 'adj-1', points: 3, reason: '补录 10 月签约确认' }],
  },
  {
    contestantId: 'unit-edu', name: '教育局', promisesDue: 2, promisesKept: 0,
    confirmedStages: [{ leadId: 'L6', company: '启明教育', stage: 'visited', tier: 'under-1e' }],
    invalidAfterReport: [], adjustments: [],
  },
  { contestantId: 'unit-econ', name: '经发局', promisesDue: 0, promisesKept: 0, confirmedStages: [], invalidAfterReport: [], adjustments: [] },
];

describe('擂台赛 score', () => {
  it('adds up a hand-checked quarter item by item', () => {
    const ranking = rankContestants(QUARTER, DEFAULT_ARENA_WEIGHTS);
    expect(ranking.map((r) => [r.name, r.raw, r.rank])).toEqual([
      ['商务局', 84, 1],
      ['科技局', 30, 2],
      ['教育局', 2, 3],
      ['经发局', 0, 4],
    ]);
    const commerce = ranking[0];
    expect(commerce.items.map((i) => [i.kind, i.points])).toEqual([
      ['stage', 40],
      ['stage', 40],
      ['response', 9],
      ['penalty', -5],
    ]);
    expect(commerce.items[0].label).toBe('云川电池 签约（10 分 × 4）');
    expect(commerce.items[2].label).toBe('按时响应 9/10（90%）');
    expect(ranking[1].items.at(-1)).toEqual({ kind: 'adjustment', adjustmentId: 'adj-1', label: '调整：补录 10 月签约确认', points: 3 });
    // Every score is exactly the sum of its items.
    for (const r of ranking) expect(r.raw).toBeCloseTo(r.items.reduce((s, i) => s + i.points, 0), 10);
  });

  it('normalises by the 功效系数法 when the district chooses it, keeping the order', () => {
    const ranking = rankContestants(QUARTER, { ...DEFAULT_ARENA_WEIGHTS, efficacyCoefficient: true });
    expect(ranking.map((r) => [r.name, r.score])).toEqual([
      ['商务局', 100],
      ['科技局', 74.29],
      ['教育局', 60.95],
      ['经发局', 60],
    ]);
    expect(efficacyCoefficient(5, 5, 5)).toBe(100);
  });

  it('takes the district’s 功效系数 parameters: floor and span', () => {
    const ranking = rankContestants(QUARTER, { ...DEFAULT_ARENA_WEIGHTS, efficacyCoefficient: true, efficacyFloor: 50, efficacySpan: 50 });
    expect(ranking.map((r) => [r.name, r.score])).toEqual([
      ['商务局', 100],
      ['科技局', 67.86],
      ['教育局', 51.19],
      ['经发局', 50],
    ]);
    expect(efficacyCoefficient(5, 5, 5, 50, 50)).toBe(100);
    expect(v.safeParse(ArenaWeightsSchema, { ...DEFAULT_ARENA_WEIGHTS, efficacyFloor: -1 }).success).toBe(false);
    expect(v.safeParse(ArenaWeightsSchema, { ...DEFAULT_ARENA_WEIGHTS, efficacySpan: 0 }).success).toBe(false);
  });

  it('gives equal scores one rank and orders them by name', () => {
    const tie = (id: string, name: string): ContestantFacts => ({
      contestantId: id, name, promisesDue: 1, promisesKept: 1, confirmedStages: [], invalidAfterReport: [], adjustments: [],
    });
    const ranking = rankContestants([tie('b', '乙'), tie('a', '甲'), QUARTER[0]], DEFAULT_ARENA_WEIGHTS);
    expect(ranking.map((r) => r.rank)).toEqual([1, 2, 2]);
  });

  it('refuses weights that make no sense', () => {
    const ok = v.safeParse(ArenaWeightsSchema, DEFAULT_ARENA_WEIGHTS);
    expect(ok.success).toBe(true);
    const negative = v.safeParse(ArenaWeightsSchema, { ...DEFAULT_ARENA_WEIGHTS, stagePoints: { ...DEFAULT_ARENA_WEIGHTS.stagePoints, signed: -1 } });
    expect(negative.success).toBe(false);
    expect(negative.issues?.[0].message).toBe('分值不能为负数');
    const infinite = v.safeParse(ArenaWeightsSchema, { ...DEFAULT_ARENA_WEIGHTS, promiseKeptPoints: Number.POSITIVE_INFINITY });
    expect(infinite.success).toBe(false);
    const extra = v.safeParse(ArenaWeightsSchema, { ...DEFAULT_ARENA_WEIGHTS, bonus: 1 });
    expect(extra.success).toBe(false);
  });
});
