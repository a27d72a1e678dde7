import { DEFAULT_VACANCY_CONFIRM_DAYS, type District } from '../org/district.schema';

const DAY = 86_400_000;

export const confirmCycleDays = (d: Pick<District, 'vacancyConfirmDays'>): number => d.vacancyConfirmDays ?? DEFAULT_VACANCY_CONFIRM_DAYS;

/** When the carrier's vacancy is next due for re-confirmation. */
export const vacancyDueAt = (lastVerifiedAt: string, cycleDays: number): string => new Date(Date.parse(lastVerifiedAt) + cycleDays * DAY).toISOString();

export const isVacancyDue = (lastVerifiedAt: string, cycleDays: number, now: Date): boolean => Date.parse(vacancyDueAt(lastVerifiedAt, cycleDays)) <= now.getTime();

/** A confirmation link stays usable this long; a new reminder issues a new one. */
export const VACANCY_TOKEN_DAYS = 14;

/** «仍有 N ㎡ 空置»: the one-tap question the manager answers. */
export const vacancyQuestion = (vacantArea: number): string => `仍有 ${vacantArea.toLocaleString('en-US')} ㎡ 空置`;

/** Median of a list of numbers (null when empty). */
export const median = (xs: readonly number[]): number | null => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
