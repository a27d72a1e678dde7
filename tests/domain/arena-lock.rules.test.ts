import { adjustmentNote, arenaLockAt, arenaSnapshotId } from '../../domain/ranking/arena-lock.rules';
import { WEEKENDS_ONLY, type WorkingCalendar } from '../../domain/calendar/working-calendar.schema';
import { periodFromKey } from '../../domain/report/period.rules';

const period = (key: string) => {
  const p = periodFromKey(key);
  if (!p) throw new Error(key);
  return p;
};

/** 2026's National Day week as chinese-days has it: 10-01 … 10-07 off, 10-10 (Saturday) a 调休 working day. */
const CALENDAR_2026: WorkingCalendar = {
  years: [2026],
  holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
  makeUpWorkdays: ['2026-10-10'],
};

describe('arena lock moment', () => {
  it('is the end of the Nth working day after the period, in China time', () => {
    // November 2026 ends Monday 11-30 24:00; Tue 12-01 … Mon 12-07 are 5 working days → 12-08 00:00 (+08).
    expect(arenaLockAt(period('2026-11'), 5, WEEKENDS_ONLY).toISOString()).toBe('2026-12-07T16:00:00.000Z');
    expect(arenaLockAt(period('2026-11'), 1, WEEKENDS_ONLY).toISOString()).toBe('2026-12-01T16:00:00.000Z');
    // 0: the moment the period ends.
    expect(arenaLockAt(period('2026-11'), 0, WEEKENDS_ONLY).toISOString()).toBe('2026-11-30T16:00:00.000Z');
  });

  it('counts on the district calendar: holidays skipped, 调休 Saturdays counted', () => {
    // Q3 ends 09-30; 10-01 … 10-07 off; 10-08 Thu, 10-09 Fri, 10-10 Sat (调休), 10-12 Mon → the 4th is 10-12.
    expect(arenaLockAt(period('2026-Q3'), 4, CALENDAR_2026).toISOString()).toBe('2026-10-12T16:00:00.000Z');
    // Without the calendar, 10-01 … 10-06 would count: the 4th working day is 10-06.
    expect(arenaLockAt(period('2026-Q3'), 4, WEEKENDS_ONLY).toISOString()).toBe('2026-10-06T16:00:00.000Z');
  });

  it('names one snapshot per district and period, and marks adjusted rows', () => {
    expect(arenaSnapshotId('demo-linjiang', '2026-Q4')).toBe('as_demo-linjiang_2026-Q4');
    expect(adjustmentNote([])).toBeNull();
    expect(adjustmentNote([{ points: 5, reason: '补记签约' }])).toBe('含调整 +5，原因：补记签约');
    expect(adjustmentNote([{ points: 5, reason: '补记签约' }, { points: -7.5, reason: '重复计分' }])).toBe('含调整 −2.5，原因：补记签约；重复计分');
    expect(adjustmentNote([{ points: 5, reason: 'a' }, { points: -5, reason: 'b' }])).toBe('含调整 ±0，原因：a；b');
  });
});
