/** China has one time zone and no daylight saving: a day there is UTC+8. */
const CHINA_OFFSET_MS = 8 * 3600_000;

/** The China-local calendar day of an instant, as YYYY-MM-DD: the unit of view counting and of the daily key. */
export const chinaDay = (at: Date): string => new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);

/**
 * Sums daily view counts into weeks. `weekStarts` are ascending YYYY-MM-DD days; a row belongs to the last week
 * that starts on or before its day. Rows before the first week, and all-time rows (`day: null`), are not counted.
 */
export const viewsPerWeek = (rows: ReadonlyArray<{ day: string | null; views: number }>, weekStarts: readonly string[]): number[] => {
  const totals = weekStarts.map(() => 0);
  for (const row of rows) {
    if (row.day === null) continue;
    let week = -1;
    for (let i = 0; i < weekStarts.length && weekStarts[i] <= row.day; i += 1) week = i;
    if (week >= 0) totals[week] += row.views;
  }
  return totals;
};
