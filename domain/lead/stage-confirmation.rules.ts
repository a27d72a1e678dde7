import type { LeadStatus } from './lead-status.rules';
import type { ConfirmableStage, StageConfirmation } from './lead-facts.schema';

/** A lead has reached 签约 while signed or landed, and 落地 once landed. */
export const hasReachedStage = (status: LeadStatus, stage: ConfirmableStage): boolean =>
  stage === 'signed' ? status === 'signed' || status === 'landed' : status === 'landed';

/** China calendar day (YYYY-MM-DD) of an instant. */
export const chinaDayOf = (at: Date): string => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** The day a confirmation names must lie between the lead's arrival and today, both in China time. */
export const isConfirmationDateValid = (date: string, leadCreatedAt: string, now: Date): boolean =>
  date >= chinaDayOf(new Date(leadCreatedAt)) && date <= chinaDayOf(now);

/** Only bureau-confirmed stages score; a stage recorded but not confirmed counts for nothing. */
export const confirmedStages = (confirmations: { signed?: StageConfirmation; landed?: StageConfirmation } | undefined): ConfirmableStage[] => {
  const out: ConfirmableStage[] = [];
  if (confirmations?.signed) out.push('signed');
  if (confirmations?.landed) out.push('landed');
  return out;
};
