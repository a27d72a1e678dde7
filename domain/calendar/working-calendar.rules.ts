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

/** One year of a calendar: whether it is known, and its days. */
export const calendarYearOf = (calendar: WorkingCalendar, year: number) => {
  const inYear = (d: string) => d.startsWith(`${year}-`);
  return { known: calendar.years.includes(year), holidays: calendar.holidays.filter(inYear), makeUpWorkdays: calendar.makeUpWorkdays.filter(inYear) };
};

/** The calendar with `year` replaced by these days and marked known (a year saved with no holidays is known too). */
export const withCalendarYear = (calendar: WorkingCalendar, year: number, holidays: readonly string[], makeUpWorkdays: readonly string[]): WorkingCalendar => {
  const other = (d: string) => !d.startsWith(`${year}-`);
  return {
    years: [...new Set([...calendar.years, year])].sort((a, b) => a - b),
    holidays: [...calendar.holidays.filter(other), ...holidays].sort(),
    makeUpWorkdays: [...calendar.makeUpWorkdays.filter(other), ...makeUpWorkdays].sort(),
  };
};

const isRealDate = (key: string) => {
  const d = new Date(`${key}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === key;
};

/**
 * Which lists of an edited year are wrong (empty: none): a date outside the year or not on the calendar
 * (2027-02-30), one listed twice, or one that is both a holiday and a 调休 working day.
 */
export const calendarYearProblems = (year: number, holidays: readonly string[], makeUpWorkdays: readonly string[]): Array<'holidays' | 'makeUpWorkdays'> => {
  const bad = (list: readonly string[], other: readonly string[]) =>
    list.some((d) => !d.startsWith(`${year}-`) || !isRealDate(d)) || new Set(list).size !== list.length || list.some((d) => other.includes(d));
  const problems: Array<'holidays' | 'makeUpWorkdays'> = [];
  if (bad(holidays, makeUpWorkdays)) problems.push('holidays');
  if (bad(makeUpWorkdays, holidays)) problems.push('makeUpWorkdays');
  return problems;
};

/** chinese-days' data shape: dates → names of holidays, in-lieu days off and 调休 working days. */
export interface NationalCalendarData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
  inLieuDays: Record<string, string>;
}

/** One year of the national calendar, or null when it is not published there yet (no holiday in that year). */
export const nationalCalendarYear = (data: NationalCalendarData, year: number): { holidays: string[]; makeUpWorkdays: string[] } | null => {
  const inYear = (d: string) => d.startsWith(`${year}-`);
  const holidays = [...new Set([...Object.keys(data.holidays), ...Object.keys(data.inLieuDays)])].filter(inYear).sort();
  if (holidays.length === 0) return null;
  return { holidays, makeUpWorkdays: Object.keys(data.workdays).filter(inYear).sort() };
};
