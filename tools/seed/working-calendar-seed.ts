import { readFileSync } from 'node:fs';
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

/** The package's data file, read as it ships (no bundler or JSON-module support needed). */
export const nationalCalendar = (fromYear: number): WorkingCalendar =>
  workingCalendarFrom(JSON.parse(readFileSync(require.resolve('chinese-days/dist/chinese-days.json'), 'utf8')) as ChineseDaysData, fromYear);
