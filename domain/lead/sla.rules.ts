import { calendarIndex, type CalendarIndex } from '../calendar/working-calendar.rules';
import { WEEKENDS_ONLY, type WorkingCalendar } from '../calendar/working-calendar.schema';
import type { SlaSettings } from '../org/district.schema';

/**
 * The SLA clock counts working hours in China Standard Time (UTC+8, no DST): 09:00–17:00 on working days.
 * Working days come from the working calendar (public holidays off, 调休 make-up weekends on); without one,
 * Monday–Friday.
 */
const OFFSET_MS = 8 * 3600_000;
const DAY_START = 9;
const DAY_END = 17;
const HOUR_MS = 3600_000;

const toLocal = (d: Date) => new Date(d.getTime() + OFFSET_MS);
const fromLocal = (d: Date) => new Date(d.getTime() - OFFSET_MS);
const dateKey = (local: Date): string => local.toISOString().slice(0, 10);
const isWorkday = (local: Date, days: CalendarIndex) => days.isWorkingDay(dateKey(local), local.getUTCDay());

const startOfLocalDay = (local: Date) =>
  new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()));

/** The next instant (local) inside working hours, at or after `local`. */
const clampToWorkingTime = (local: Date, days: CalendarIndex): Date => {
  let cursor = local;
  // The longest run of days off (Spring Festival plus a weekend) is well under a month.
  for (let guard = 0; guard < 40; guard += 1) {
    const day = startOfLocalDay(cursor);
    const open = day.getTime() + DAY_START * HOUR_MS;
    const close = day.getTime() + DAY_END * HOUR_MS;
    if (isWorkday(cursor, days) && cursor.getTime() < close) return new Date(Math.max(cursor.getTime(), open));
    cursor = new Date(day.getTime() + 24 * HOUR_MS);
  }
  return cursor;
};

export const addWorkingHours = (start: Date, hours: number, calendar: WorkingCalendar = WEEKENDS_ONLY): Date => {
  const days = calendarIndex(calendar);
  let remaining = hours * HOUR_MS;
  let cursor = clampToWorkingTime(toLocal(start), days);
  for (let guard = 0; guard < 3660 && remaining > 0; guard += 1) {
    const close = startOfLocalDay(cursor).getTime() + DAY_END * HOUR_MS;
    const available = close - cursor.getTime();
    if (remaining <= available) {
      cursor = new Date(cursor.getTime() + remaining);
      remaining = 0;
    } else {
      remaining -= available;
      cursor = clampToWorkingTime(new Date(close), days);
    }
  }
  return fromLocal(cursor);
};

export const workingHoursBetween = (from: Date, to: Date, calendar: WorkingCalendar = WEEKENDS_ONLY): number => {
  if (to <= from) return 0;
  const days = calendarIndex(calendar);
  let cursor = clampToWorkingTime(toLocal(from), days);
  const end = toLocal(to);
  let total = 0;
  for (let guard = 0; guard < 3660 && cursor < end; guard += 1) {
    const close = startOfLocalDay(cursor).getTime() + DAY_END * HOUR_MS;
    total += Math.min(close, end.getTime()) - cursor.getTime();
    cursor = clampToWorkingTime(new Date(close), days);
  }
  return total / HOUR_MS;
};

export const firstResponseDeadline = (createdAt: Date, sla: SlaSettings, calendar: WorkingCalendar = WEEKENDS_ONLY): Date =>
  addWorkingHours(createdAt, sla.firstResponseHours, calendar);

/**
 * Which rung of the escalation ladder a still-unanswered lead has reached at `now`:
 * 0 none, 1 remind the handler, 2 copy the unit leader, 3 return to the pool / on-duty commissioner.
 */
export const escalationLevel = (createdAt: Date, now: Date, sla: SlaSettings, calendar: WorkingCalendar = WEEKENDS_ONLY): 0 | 1 | 2 | 3 => {
  const ratio = workingHoursBetween(createdAt, now, calendar) / sla.firstResponseHours;
  if (ratio >= sla.reassignAt) return 3;
  if (ratio >= sla.copyLeaderAt) return 2;
  if (ratio >= sla.remindAt) return 1;
  return 0;
};

const RUNG_MULTIPLIER: Record<1 | 2 | 3, keyof Pick<SlaSettings, 'remindAt' | 'copyLeaderAt' | 'reassignAt'>> = { 1: 'remindAt', 2: 'copyLeaderAt', 3: 'reassignAt' };

/**
 * When a still-unanswered lead at rung `escalation` next climbs the ladder: the earliest instant at which
 * `escalationLevel` exceeds `escalation` (null once it is at the top). The SLA timer selects leads by this
 * time, so a backlog of reminded leads never hides the ones due next. Rounded up to the whole second, so at
 * that instant `escalationLevel` agrees the rung has been reached.
 */
export const nextEscalationDue = (createdAt: Date, escalation: number, sla: SlaSettings, calendar: WorkingCalendar = WEEKENDS_ONLY): Date | null => {
  const rungs = ([1, 2, 3] as const).filter((rung) => rung > escalation);
  if (rungs.length === 0) return null;
  const multiplier = Math.min(...rungs.map((rung) => sla[RUNG_MULTIPLIER[rung]]));
  let due = Math.ceil(addWorkingHours(createdAt, sla.firstResponseHours * multiplier, calendar).getTime() / 1000) * 1000;
  // The ladder compares a ratio of floats (7 × 2.7 h is not 18.9 h): step on until it agrees, a second at a time.
  for (let guard = 0; guard < 5 && escalationLevel(createdAt, new Date(due), sla, calendar) <= escalation; guard += 1) due += 1000;
  return new Date(due);
};

/**
 * After the first response an open lead needs a follow-up every `followUpDays` calendar days (江门-style
 * "feed back within a week"); each staff action on it restarts the period. Closed leads need none.
 */
export const nextFollowUpDue = (lastActivity: Date, status: string, sla: SlaSettings): Date | null =>
  status === 'landed' || status === 'invalid' ? null : new Date(lastActivity.getTime() + sla.followUpDays * 86_400_000);

/** Median of first-response times in working hours (for a commissioner's responsiveness badge). */
export const medianHours = (values: readonly number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
