import type { WorkingCalendar } from '../../domain/calendar/working-calendar.schema';

/**
 * The national working calendar as `chinese-days` publishes it (holidays, in-lieu days off and 调休 make-up
 * working days), from `fromYear` on. The package's data ends at the last year the State Council has published;
 * `years` lists exactly those years, so a missing year is visible rather than counted as ordinary weeks.
 */
interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
  inLieuDays: Record<string, string>;
}

export const workingCalendarFrom = (data: ChineseDaysData, fromYear: number): WorkingCalendar => {
  const keep = (key: string) => Number(key.slice(0, 4)) >= fromYear;
  const holidays = [...new Set([...Object.keys(data.holidays), ...Object.keys(data.inLieuDays)])].filter(keep).sort();
  const makeUpWorkdays = Object.keys(data.workdays).filter(keep).sort();
  const years = [...new Set(holidays.map((d) => Number(d.slice(0, 4))))].sort((a, b) => a - b);
  return { years, holidays, makeUpWorkdays };
};

export const loadNationalCalendar = async (fromYear: number): Promise<WorkingCalendar> => {
  const data = (await import('chinese-days/dist/chinese-days.json')) as unknown as { default?: ChineseDaysData } & ChineseDaysData;
  return workingCalendarFrom(data.default ?? data, fromYear);
};
