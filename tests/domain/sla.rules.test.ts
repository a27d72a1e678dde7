import { DEFAULT_SLA } from '../../domain/org/district.schema';
import { addWorkingHours, escalationLevel, firstResponseDeadline, medianHours, nextEscalationDue, nextFollowUpDue, workingHoursBetween } from '../../domain/lead/sla.rules';

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

  it('the next rung is due when the ladder would climb, and never at the top', () => {
    const created = cst('2026-11-30T09:00:00'); // Monday
    expect(nextEscalationDue(created, 0, DEFAULT_SLA)?.toISOString()).toBe(cst('2026-11-30T17:00:00').toISOString());
    expect(nextEscalationDue(created, 1, DEFAULT_SLA)?.toISOString()).toBe(cst('2026-12-01T17:00:00').toISOString());
    expect(nextEscalationDue(created, 2, DEFAULT_SLA)?.toISOString()).toBe(cst('2026-12-02T17:00:00').toISOString());
    expect(nextEscalationDue(created, 3, DEFAULT_SLA)).toBeNull();
    // Out-of-order settings: the earliest higher rung decides.
    expect(nextEscalationDue(created, 0, { ...DEFAULT_SLA, remindAt: 3, copyLeaderAt: 2, reassignAt: 4 })?.toISOString()).toBe(cst('2026-12-01T17:00:00').toISOString());
  });

  it('at the due instant the level has been reached, whatever the multipliers (rounded up to the second)', () => {
    const settings = [DEFAULT_SLA, { ...DEFAULT_SLA, firstResponseHours: 7, remindAt: 1.3, copyLeaderAt: 2.7, reassignAt: 3.1 }, { ...DEFAULT_SLA, firstResponseHours: 3, remindAt: 1.1, copyLeaderAt: 1.7, reassignAt: 2.9 }];
    for (const sla of settings) {
      for (let minute = 0; minute < 7 * 24 * 60; minute += 97) {
        const created = new Date(cst('2026-11-30T00:00:00').getTime() + minute * 60_000 + 123);
        for (const escalation of [0, 1, 2]) {
          const due = nextEscalationDue(created, escalation, sla) as Date;
          expect(escalationLevel(created, due, sla)).toBeGreaterThan(escalation);
          expect(escalationLevel(created, new Date(due.getTime() - 1000), sla)).toBeLessThanOrEqual(escalation);
        }
      }
    }
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
