import { calendarIndex } from '../calendar/working-calendar.rules';
import type { WorkingCalendar } from '../calendar/working-calendar.schema';
import { periodContaining, previousPeriod, type Period } from './period.rules';

const pad2 = (n: number) => String(n).padStart(2, '0');
const CHINA_MS = 8 * 3600_000;

/** The first working day (YYYY-MM-DD, China) of the month that contains `at`, on the district's calendar. */
export const firstWorkingDayOfMonth = (at: Date, calendar: WorkingCalendar): string => {
  const local = new Date(at.getTime() + CHINA_MS);
  const days = calendarIndex(calendar);
  for (let d = 1; d <= 31; d += 1) {
    const day = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), d));
    if (day.getUTCMonth() !== local.getUTCMonth()) break;
    const key = `${day.getUTCFullYear()}-${pad2(day.getUTCMonth() + 1)}-${pad2(d)}`;
    if (days.isWorkingDay(key, day.getUTCDay())) return key;
  }
  // A month without a working day does not exist on any real calendar; the last day keeps the rule total.
  return `${local.getUTCFullYear()}-${pad2(local.getUTCMonth() + 1)}-28`;
};

/**
 * 每月一通报: which month's bulletin is due at `now` — last month's, from the first working day of this month
 * on (so a missed timer run catches up the next day); null before it. Making it is idempotent per month.
 */
export const bulletinMonthDue = (now: Date, calendar: WorkingCalendar): Period | null => {
  const today = new Date(now.getTime() + CHINA_MS).toISOString().slice(0, 10);
  if (today < firstWorkingDayOfMonth(now, calendar)) return null;
  return previousPeriod(periodContaining('month', now));
};

/** One bulletin per district and month: the id says which, so a second run finds the first. */
export const bulletinId = (districtId: string, monthKey: string): string => `bl_${districtId}_${monthKey}`;

/** The bulletins list's line about a district bulletin's ranking (null: a city bulletin, or one from before). */
export const bulletinRankingLine = (ranking: { locked: boolean; lockAt: string } | null, edition: number): string | null => {
  if (!ranking) return null;
  const day = new Date(Date.parse(ranking.lockAt) + 8 * 3600_000 - 1).toISOString().slice(0, 10);
  return ranking.locked ? `${edition > 1 ? `第 ${edition} 版 · ` : ''}擂台赛排名已锁定（${day}）` : `擂台赛为实时排名，${day} 锁定后更新为第二版`;
};
