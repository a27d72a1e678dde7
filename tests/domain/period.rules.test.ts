import { inPeriod, nextPeriod, periodContaining, periodFromKey, previousPeriod, rangePeriod } from '../../domain/report/period.rules';

/** A China-time wall clock reading as the UTC instant it is. */
const cst = (local: string): Date => new Date(`${local}+08:00`);
const iso = (d: Date) => d.toISOString();

describe('reporting periods in China time', () => {
  it('cuts a month into 旬 at the 1st, 11th and 21st, the last one running to the month end', () => {
    expect(periodContaining('xun', cst('2026-02-10T23:59:59'))).toMatchObject({ key: '2026-02-X1', label: '2026年2月上旬' });
    const mid = periodContaining('xun', cst('2026-02-11T00:00:00'));
    expect(mid).toMatchObject({ key: '2026-02-X2', label: '2026年2月中旬' });
    expect(iso(mid.start)).toBe('2026-02-10T16:00:00.000Z');
    expect(iso(mid.end)).toBe('2026-02-20T16:00:00.000Z');
    const last = periodContaining('xun', cst('2026-02-28T12:00:00'));
    expect(last).toMatchObject({ key: '2026-02-X3', label: '2026年2月下旬' });
    expect(iso(last.end)).toBe('2026-02-28T16:00:00.000Z'); // 1 March 00:00 China time
    // Leap year: 下旬 of February 2028 has 9 days.
    const leap = periodContaining('xun', cst('2028-02-29T08:00:00'));
    expect((leap.end.getTime() - leap.start.getTime()) / 86_400_000).toBe(9);
  });

  it('places an instant by China time, not UTC: 31 Dec 17:00 UTC is already the next year', () => {
    const at = new Date('2026-12-31T17:00:00Z'); // 1 Jan 2027 01:00 in China
    expect(periodContaining('year', at).key).toBe('2027');
    expect(periodContaining('quarter', at).key).toBe('2027-Q1');
    expect(periodContaining('month', at).key).toBe('2027-01');
    expect(periodContaining('xun', at).key).toBe('2027-01-X1');
    expect(periodContaining('month', new Date('2026-12-31T15:59:59.999Z')).key).toBe('2026-12');
  });

  it('names quarters and halves', () => {
    expect(periodContaining('quarter', cst('2026-10-01T00:00:00'))).toMatchObject({ key: '2026-Q4', label: '2026年第四季度' });
    expect(periodContaining('quarter', cst('2026-09-30T23:59:59'))).toMatchObject({ key: '2026-Q3', label: '2026年第三季度' });
    expect(periodContaining('half', cst('2026-06-30T23:00:00'))).toMatchObject({ key: '2026-H1', label: '2026年上半年' });
    expect(periodContaining('half', cst('2026-07-01T00:00:00'))).toMatchObject({ key: '2026-H2', label: '2026年下半年' });
  });

  it('walks back and forth across month and year ends', () => {
    const jan1 = periodContaining('xun', cst('2027-01-05T00:00:00'));
    expect(previousPeriod(jan1).key).toBe('2026-12-X3');
    expect(nextPeriod(previousPeriod(jan1)).key).toBe('2027-01-X1');
    expect(previousPeriod(periodContaining('quarter', cst('2027-02-01T00:00:00'))).key).toBe('2026-Q4');
    expect(previousPeriod(periodContaining('month', cst('2027-03-15T00:00:00'))).key).toBe('2027-02');
    expect(nextPeriod(periodContaining('half', cst('2026-08-01T00:00:00'))).key).toBe('2027-H1');
  });

  it('keeps periods half-open: the end instant belongs to the next period', () => {
    const dec = periodContaining('month', cst('2026-12-15T00:00:00'));
    expect(inPeriod(dec, dec.start)).toBe(true);
    expect(inPeriod(dec, new Date(dec.end.getTime() - 1))).toBe(true);
    expect(inPeriod(dec, dec.end)).toBe(false);
    expect(inPeriod(nextPeriod(dec), dec.end)).toBe(true);
  });

  it('chooses whole local days as a range, and compares it with as many days just before', () => {
    const r = rangePeriod(cst('2026-12-01T15:00:00'), cst('2026-12-15T09:00:00'));
    expect(r).toMatchObject({ kind: 'range', key: 'range:2026-12-01..2026-12-15', label: '2026-12-01 至 2026-12-15' });
    expect(iso(r.start)).toBe('2026-11-30T16:00:00.000Z');
    expect(iso(r.end)).toBe('2026-12-15T16:00:00.000Z');
    expect(previousPeriod(r).key).toBe('range:2026-11-16..2026-11-30');
    expect(nextPeriod(r).key).toBe('range:2026-12-16..2026-12-30');
    expect(() => rangePeriod(cst('2026-12-15T00:00:00'), cst('2026-12-01T00:00:00'))).toThrow(RangeError);
  });

  it('reads keys back, and nothing else', () => {
    for (const key of ['2026-12-X3', '2026-12', '2026-Q4', '2026-H2', '2026']) expect(periodFromKey(key)?.key).toBe(key);
    for (const bad of ['2026-13', '2026-00', '2026-Q5', '2026-H3', '2026-12-X4', '1999', 'range:2026-12-01..2026-12-02', '2026-12 ', '']) {
      expect(periodFromKey(bad)).toBeNull();
    }
  });
});
