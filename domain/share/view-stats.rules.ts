import { chinaDay } from '../common/time';

/** The China-local calendar day is the unit of view counting and of the daily key. */
export { chinaDay };

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
