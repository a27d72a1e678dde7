import type { InvestmentTierId } from '../lead/investment-tier.rules';
import { EFFICACY_FLOOR, EFFICACY_SPAN, type ArenaWeights } from './arena-weights.schema';

/**
 * The 擂台赛 score: a sum anyone can check. Every point comes from one line item that names its lead (or the
 * response figure, or an audited adjustment), so a unit can read its own score item by item. Duplicates are
 * removed before scoring by the 首报 rule (a project counts for the unit holding its first verified report).
 */
export interface ConfirmedStage {
  leadId: string;
  company: string;
  stage: 'visited' | 'signed' | 'landed';
  tier: InvestmentTierId | null;
}

export interface ContestantFacts {
  contestantId: string;
  name: string;
  confirmedStages: readonly ConfirmedStage[];
  /** Leads whose first-response promise fell due in the period, and how many were answered in time. */
  promisesDue: number;
  promisesKept: number;
  /** Leads closed as invalid in the period after they had been reported as real projects. */
  invalidAfterReport: readonly { leadId: string; company: string }[];
  /** Audited corrections made after the period locked; shown on the board as their own items. */
  adjustments: readonly { id: string; points: number; reason: string }[];
}

export type ScoreItem =
  | { kind: 'stage'; leadId: string; label: string; points: number }
  | { kind: 'response'; label: string; points: number }
  | { kind: 'penalty'; leadId: string; label: string; points: number }
  | { kind: 'adjustment'; adjustmentId: string; label: string; points: number; leadId?: string };

export interface ContestantScore {
  contestantId: string;
  name: string;
  /** The sum of `items`, rounded to two decimals. */
  raw: number;
  /** What the board ranks by: `raw`, or its 功效系数 when the district uses it. */
  score: number;
  rank: number;
  items: ScoreItem[];
}

const STAGE_LABELS = { visited: '实地考察', signed: '签约', landed: '落地' } as const;
const round2 = (n: number): number => Math.round(n * 100) / 100;

export const scoreItems = (facts: ContestantFacts, w: ArenaWeights): ScoreItem[] => {
  const items: ScoreItem[] = [];
  for (const s of facts.confirmedStages) {
    const multiplier = w.tierMultiplier[s.tier ?? 'unknown'];
    const points = round2(w.stagePoints[s.stage] * multiplier);
    items.push({ kind: 'stage', leadId: s.leadId, label: `${s.company} ${STAGE_LABELS[s.stage]}（${w.stagePoints[s.stage]} 分 × ${multiplier}）`, points });
  }
  if (facts.promisesDue > 0) {
    const kept = Math.min(facts.promisesKept, facts.promisesDue);
    const share = kept / facts.promisesDue;
    items.push({ kind: 'response', label: `按时响应 ${kept}/${facts.promisesDue}（${Math.round(share * 100)}%）`, points: round2(w.promiseKeptPoints * share) });
  }
  for (const p of facts.invalidAfterReport) {
    items.push({ kind: 'penalty', leadId: p.leadId, label: `${p.company} 报送后判定无效`, points: -w.invalidAfterReportPenalty });
  }
  for (const a of facts.adjustments) items.push({ kind: 'adjustment', adjustmentId: a.id, label: `调整：${a.reason}`, points: round2(a.points) });
  return items;
};

/** 功效系数法: floor + span × (x − min) / (max − min), by default 60 + 40 (0–100); all equal: everyone the top. */
export const efficacyCoefficient = (x: number, min: number, max: number, floor = EFFICACY_FLOOR, span = EFFICACY_SPAN): number =>
  max === min ? round2(floor + span) : round2(floor + (span * (x - min)) / (max - min));

/** A contestant's items, however they were made: scored now from facts, or read from a locked snapshot. */
export interface ScoredContestant {
  contestantId: string;
  name: string;
  items: ScoreItem[];
}

/** Ranks scored contestants. Equal scores share a rank (1, 2, 2, 4); the order among them is by name. */
export const rankScored = (scored: readonly ScoredContestant[], w: ArenaWeights): ContestantScore[] => {
  const withRaw = scored.map((s) => ({ contestantId: s.contestantId, name: s.name, items: s.items, raw: round2(s.items.reduce((sum, item) => sum + item.points, 0)) }));
  const raws = withRaw.map((s) => s.raw);
  const min = Math.min(...raws);
  const max = Math.max(...raws);
  const withScore = withRaw.map((s) => ({ ...s, score: w.efficacyCoefficient ? efficacyCoefficient(s.raw, min, max, w.efficacyFloor, w.efficacySpan) : s.raw }));
  withScore.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'zh-CN') || a.contestantId.localeCompare(b.contestantId));
  let rank = 0;
  return withScore.map((s, i) => {
    if (i === 0 || s.score !== withScore[i - 1].score) rank = i + 1;
    return { ...s, rank };
  });
};

/** Scores and ranks every contestant from its facts. */
export const rankContestants = (all: readonly ContestantFacts[], w: ArenaWeights): ContestantScore[] =>
  rankScored(all.map((facts) => ({ contestantId: facts.contestantId, name: facts.name, items: scoreItems(facts, w) })), w);
