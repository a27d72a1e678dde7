import { calendarIndex } from '../calendar/working-calendar.rules';
import type { WorkingCalendar } from '../calendar/working-calendar.schema';
import type { Period } from '../report/period.rules';

const CHINA_MS = 8 * 3600_000;
const DAY_MS = 24 * 3600_000;
/** More than any setting can ask for (30 working days) even across the Spring Festival. */
const MAX_DAYS_WALKED = 120;

/**
 * When a 擂台赛 period locks: at the end (China midnight) of the `workingDays`-th working day after it ends, on the
 * district's calendar, so units have that many working days to get late confirmations in. 0: when it ends.
 */
export const arenaLockAt = (period: Pick<Period, 'end'>, workingDays: number, calendar: WorkingCalendar): Date => {
  if (workingDays <= 0) return period.end;
  const days = calendarIndex(calendar);
  let counted = 0;
  for (let i = 0; i < MAX_DAYS_WALKED; i += 1) {
    // period.end is a China midnight: adding whole days keeps it one.
    const local = new Date(period.end.getTime() + i * DAY_MS + CHINA_MS);
    if (days.isWorkingDay(local.toISOString().slice(0, 10), local.getUTCDay())) counted += 1;
    if (counted === workingDays) return new Date(period.end.getTime() + (i + 1) * DAY_MS);
  }
  return new Date(period.end.getTime() + MAX_DAYS_WALKED * DAY_MS);
};

/** One snapshot per district and period: the id says which, so two runs racing to lock it store one. */
export const arenaSnapshotId = (districtId: string, periodKey: string): string => `as_${districtId}_${periodKey}`;

/** «含调整 +5，原因…»: the marker on a board row whose total includes audited adjustments. */
export const adjustmentNote = (adjustments: readonly { points: number; reason: string }[]): string | null => {
  if (adjustments.length === 0) return null;
  const sum = Math.round(adjustments.reduce((s, a) => s + a.points, 0) * 100) / 100;
  return `含调整 ${sum > 0 ? '+' : sum < 0 ? '−' : '±'}${Math.abs(sum)}，原因：${adjustments.map((a) => a.reason).join('；')}`;
};
