import { chinaDay, viewsPerWeek } from '../../domain/share/view-stats.rules';

describe('view counting days and weeks', () => {
  it('a day is the China calendar day (UTC+8), whatever the server’s zone', () => {
    expect(chinaDay(new Date('2026-11-30T15:59:59.999Z'))).toBe('2026-11-30');
    expect(chinaDay(new Date('2026-11-30T16:00:00.000Z'))).toBe('2026-12-01');
    expect(chinaDay(new Date('2026-12-31T17:00:00.000Z'))).toBe('2027-01-01');
  });

  it('sums day rows into the week that starts on or before each day', () => {
    const weeks = ['2026-11-16', '2026-11-23', '2026-11-30'];
    const rows = [
      { day: '2026-11-10', views: 100 }, // before the first week: not shown
      { day: '2026-11-16', views: 1 },
      { day: '2026-11-22', views: 2 },
      { day: '2026-11-23', views: 4 },
      { day: '2026-11-30', views: 8 },
      { day: '2026-12-06', views: 16 },
      { day: null, views: 1000 }, // the all-time row
    ];
    expect(viewsPerWeek(rows, weeks)).toEqual([3, 4, 24]);
    expect(viewsPerWeek([], weeks)).toEqual([0, 0, 0]);
  });
});
