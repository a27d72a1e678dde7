/**
 * Planned investment, in 万元, and its tier. The tiers follow the published district schemes (3–10 亿, 10–20 亿,
 * 20 亿 and above), with the two lower bands most inquiries fall into; the 擂台赛 weights a confirmed stage by
 * the tier of the project.
 */
export const INVESTMENT_TIERS = [
  { id: 'under-1e', label: '1亿元以下', minWan: 0 },
  { id: '1e-3e', label: '1–3亿元', minWan: 10_000 },
  { id: '3e-10e', label: '3–10亿元', minWan: 30_000 },
  { id: '10e-20e', label: '10–20亿元', minWan: 100_000 },
  { id: '20e-plus', label: '20亿元及以上', minWan: 200_000 },
] as const;

export type InvestmentTierId = (typeof INVESTMENT_TIERS)[number]['id'];

/** The tier of an amount in 万元; null when no amount is known. */
export const investmentTierOf = (amountWan: number | null | undefined): InvestmentTierId | null => {
  if (amountWan === null || amountWan === undefined || !Number.isFinite(amountWan) || amountWan < 0) return null;
  let tier: InvestmentTierId = INVESTMENT_TIERS[0].id;
  for (const t of INVESTMENT_TIERS) if (amountWan >= t.minWan) tier = t.id;
  return tier;
};
