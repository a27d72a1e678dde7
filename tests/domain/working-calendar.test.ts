import * as v from 'valibot';
import { missingCalendarYears } from '../../domain/calendar/working-calendar.rules';
import { WorkingCalendarSchema, WEEKENDS_ONLY } from '../../domain/calendar/working-calendar.schema';
import { DEFAULT_SLA } from '../../domain/org/district.schema';
import { addWorkingHours, escalationLevel, firstResponseDeadline, workingHoursBetween } from '../../domain/lead/sla.rules';
import { nationalCalendar } from '../../tools/seed/working-calendar-seed';

const cst = (local: string): Date => new Date(`${local}+08:00`);

describe('the SLA clock on the national working calendar', () => {
  const calendar = nationalCalendar(2025);

  it('is seeded from chinese-days and valid by its own schema', () => {
    expect(v.safeParse(WorkingCalendarSchema, calendar).success).toBe(true);
    expect(calendar.years).toEqual(expect.arrayContaining([2025, 2026]));
    expect(calendar.holidays).toContain('2026-02-17'); // 春节
    expect(calendar.makeUpWorkdays).toEqual(expect.arrayContaining(['2026-02-14', '2026-02-28'])); // 调休 Saturdays
  });

  it('counts the 调休 Saturday before the Spring Festival and skips the nine days off', () => {
    // Friday 13 Feb 2026 16:00: one hour that day, then Saturday 14 Feb is a make-up working day.
    expect(firstResponseDeadline(cst('2026-02-13T16:00:00'), DEFAULT_SLA, calendar)).toEqual(cst('2026-02-14T16:00:00'));
    // Without the calendar the same lead would be due on Monday 16 Feb, in the middle of the holiday.
    expect(firstResponseDeadline(cst('2026-02-13T16:00:00'), DEFAULT_SLA, WEEKENDS_ONLY)).toEqual(cst('2026-02-16T16:00:00'));
    // A lead on the eve (Saturday 14 Feb 16:00) waits through 15–23 Feb: due Tuesday 24 Feb 16:00.
    expect(addWorkingHours(cst('2026-02-14T16:00:00'), 8, calendar)).toEqual(cst('2026-02-24T16:00:00'));
  });

  it('does not escalate during the holiday, and does after it', () => {
    const created = cst('2026-02-14T16:00:00');
    expect(workingHoursBetween(created, cst('2026-02-23T23:00:00'), calendar)).toBe(1);
    expect(escalationLevel(created, cst('2026-02-23T23:00:00'), DEFAULT_SLA, calendar)).toBe(0);
    expect(escalationLevel(created, cst('2026-02-24T16:00:00'), DEFAULT_SLA, calendar)).toBe(1);
    // Weekends-only would have called it three deadlines late by then.
    expect(escalationLevel(created, cst('2026-02-23T23:00:00'), DEFAULT_SLA, WEEKENDS_ONLY)).toBe(3);
  });

  it('warns when the year ahead is missing, from December on', () => {
    expect(missingCalendarYears(calendar, cst('2026-06-01T00:00:00'))).toEqual([]);
    expect(missingCalendarYears(calendar, cst('2026-12-01T00:00:00'))).toEqual([2027]);
    expect(missingCalendarYears(WEEKENDS_ONLY, cst('2026-06-01T00:00:00'))).toEqual([2026]);
  });

  it('refuses dates that are not dates', () => {
    for (const bad of ['2026-2-14', '2026-13-01', '2026-02-32', '14/02/2026']) {
      expect(v.safeParse(WorkingCalendarSchema, { years: [2026], holidays: [bad], makeUpWorkdays: [] }).success).toBe(false);
    }
  });
});
