import { DEFAULT_SLA } from '../../domain/org/district.schema';
import { addWorkingHours, escalationLevel, firstResponseDeadline, medianHours, nextFollowUpDue, workingHoursBetween } from '../../domain/lead/sla.rules';

// Times are written in China Standard Time for readability.
const cst = (s: string) => new Date(`${s}+08:00`);

describe('working-hours SLA clock (Mon–Fri 09:00–17:00 CST)', () => {
  it('a lead at Monday 10:00 with 8 working hours is due Tuesday 10:00', () => {
    expect(addWorkingHours(cst('2026-11-30T10:00:00'), 8).toISOString()).toBe(cst('2026-12-01T10:00:00').toISOString());
  });

  it('a lead on Friday evening starts counting Monday 09:00', () => {
    expect(addWorkingHours(cst('2026-12-04T20:00:00'), 8).toISOString()).toBe(cst('2026-12-07T17:00:00').toISOString());
    expect(addWorkingHours(cst('2026-12-05T11:00:00'), 1).toISOString()).toBe(cst('2026-12-07T10:00:00').toISOString());
  });

  it('counts only working time between two instants', () => {
    expect(workingHoursBetween(cst('2026-12-04T16:00:00'), cst('2026-12-07T10:00:00'))).toBe(2);
    expect(workingHoursBetween(cst('2026-12-05T08:00:00'), cst('2026-12-06T23:00:00'))).toBe(0);
    expect(workingHoursBetween(cst('2026-12-02T10:00:00'), cst('2026-12-01T10:00:00'))).toBe(0);
  });

  it('deadline uses the district setting', () => {
    expect(firstResponseDeadline(cst('2026-11-30T09:00:00'), { ...DEFAULT_SLA, firstResponseHours: 4 }).toISOString()).toBe(
      cst('2026-11-30T13:00:00').toISOString(),
    );
  });

  it('climbs the ladder at 1×, 2× and 3× of the deadline', () => {
    const created = cst('2026-11-30T09:00:00'); // Monday
    expect(escalationLevel(created, cst('2026-11-30T16:59:00'), DEFAULT_SLA)).toBe(0);
    expect(escalationLevel(created, cst('2026-12-01T09:00:00'), DEFAULT_SLA)).toBe(1);
    expect(escalationLevel(created, cst('2026-12-02T09:00:00'), DEFAULT_SLA)).toBe(2);
    expect(escalationLevel(created, cst('2026-12-03T09:00:00'), DEFAULT_SLA)).toBe(3);
    expect(escalationLevel(created, cst('2026-12-01T09:00:00'), { ...DEFAULT_SLA, remindAt: 2, copyLeaderAt: 4, reassignAt: 6 })).toBe(0);
  });

  it('follow-ups are due followUpDays after the last activity, and never for closed leads', () => {
    const at = cst('2026-11-30T10:00:00');
    expect(nextFollowUpDue(at, 'contacted', DEFAULT_SLA)?.toISOString()).toBe(cst('2026-12-07T10:00:00').toISOString());
    expect(nextFollowUpDue(at, 'landed', DEFAULT_SLA)).toBeNull();
    expect(nextFollowUpDue(at, 'invalid', DEFAULT_SLA)).toBeNull();
  });

  it('median of first-response times', () => {
    expect(medianHours([])).toBeNull();
    expect(medianHours([5, 1, 3])).toBe(3);
    expect(medianHours([4, 1, 3, 2])).toBe(2.5);
  });
});
