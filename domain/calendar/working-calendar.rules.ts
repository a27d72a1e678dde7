import type { WorkingCalendar } from './working-calendar.schema';

/** A calendar prepared for lookups: the SLA clock asks once per day it walks over. */
export interface CalendarIndex {
  isWorkingDay(dateKey: string, weekday: number): boolean;
  covers(year: number): boolean;
}

const indexes = new WeakMap<WorkingCalendar, CalendarIndex>();

export const calendarIndex = (calendar: WorkingCalendar): CalendarIndex => {
  const cached = indexes.get(calendar);
  if (cached) return cached;
  const holidays = new Set(calendar.holidays);
  const makeUp = new Set(calendar.makeUpWorkdays);
  const years = new Set(calendar.years);
  const index: CalendarIndex = {
    // A make-up day wins over the weekend; a holiday wins over the weekday.
    isWorkingDay: (dateKey, weekday) => (makeUp.has(dateKey) ? true : holidays.has(dateKey) ? false : weekday >= 1 && weekday <= 5),
    covers: (year) => years.has(year),
  };
  indexes.set(calendar, index);
  return index;
};

/**
 * The years around `now` (China time) the calendar does not know: the admin is warned about these, since the
 * clock would count their holidays as working days. The coming year matters from December, when the State Council
 * usually publishes it.
 */
export const missingCalendarYears = (calendar: WorkingCalendar, now: Date): number[] => {
  const local = new Date(now.getTime() + 8 * 3600_000);
  const year = local.getUTCFullYear();
  const wanted = local.getUTCMonth() === 11 ? [year, year + 1] : [year];
  const index = calendarIndex(calendar);
  return wanted.filter((y) => !index.covers(y));
};
