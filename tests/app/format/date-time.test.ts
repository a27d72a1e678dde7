import { formatDateTime, formatMonthDay, formatRelative, formatStamp } from '../../../src/format/date-time';

// Local times, as the device shows them.
const at = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).toISOString();
const NOW = new Date(2026, 10, 3, 15, 30);

describe('dates in words', () => {
  it('today and yesterday by name, this year without the year, other years with it', () => {
    expect(formatDateTime(at(2026, 11, 3, 9, 5), NOW)).toBe('今天 09:05');
    expect(formatDateTime(at(2026, 11, 2, 23, 59), NOW)).toBe('昨天 23:59');
    expect(formatDateTime(at(2026, 11, 1, 14, 20), NOW)).toBe('11月1日 14:20');
    expect(formatDateTime(at(2025, 12, 31, 8, 0), NOW)).toBe('2025年12月31日 08:00');
    expect(formatDateTime('not a date', NOW)).toBe('');
  });

  it('how long ago, for what happened today; the date beyond', () => {
    expect(formatRelative(at(2026, 11, 3, 15, 30), NOW)).toBe('刚刚');
    expect(formatRelative(at(2026, 11, 3, 15, 18), NOW)).toBe('12 分钟前');
    expect(formatRelative(at(2026, 11, 3, 12, 10), NOW)).toBe('3 小时前');
    expect(formatRelative(at(2026, 11, 2, 20, 0), NOW)).toBe('昨天 20:00');
    expect(formatRelative('', NOW)).toBe('');
  });

  it('stamps the device copy as 月-日 时:分', () => {
    expect(formatStamp(at(2026, 3, 7, 8, 4))).toBe('03-07 08:04');
    expect(formatStamp(null)).toBe('');
    expect(formatStamp('garbage')).toBe('');
    // A bare calendar day is local midnight, as dayjs read it before the stamp left dayjs.
    expect(formatStamp('2026-03-07')).toBe('03-07 00:00');
    expect(formatStamp(new Date(2026, 11, 31, 23, 59).toISOString())).toBe('12-31 23:59');
  });
});

describe('calendar days', () => {
  it('names a day as month/day, and leaves anything else alone', () => {
    expect(formatMonthDay('2026-11-02')).toBe('11/2');
    expect(formatMonthDay('2026-01-05T00:00:00.000Z'.slice(0, 10))).toBe('1/5');
    expect(formatMonthDay('本周')).toBe('本周');
  });
});
