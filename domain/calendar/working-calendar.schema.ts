import * as v from 'valibot';

/** A China-time date, YYYY-MM-DD. */
export const calendarDate = v.pipe(v.string(), v.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '日期格式应为 YYYY-MM-DD'));

/**
 * The working calendar the SLA clock counts on: public holidays (weekdays off) and 调休 make-up working days
 * (weekends on), as China-time dates. Seeded from `chinese-days` and kept in the database so a district admin can
 * adjust it; `years` says which years it really knows, because a year missing from the data would otherwise
 * silently count as plain Monday-to-Friday weeks.
 */
export const WorkingCalendarSchema = v.strictObject({
  years: v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(2000), v.maxValue(2100))), v.maxLength(200)),
  holidays: v.pipe(v.array(calendarDate), v.maxLength(5000)),
  makeUpWorkdays: v.pipe(v.array(calendarDate), v.maxLength(2000)),
});
export type WorkingCalendar = v.InferOutput<typeof WorkingCalendarSchema>;

/** Weekends only: what the clock did before calendars existed, and what it falls back to without one. */
export const WEEKENDS_ONLY: WorkingCalendar = { years: [], holidays: [], makeUpWorkdays: [] };
