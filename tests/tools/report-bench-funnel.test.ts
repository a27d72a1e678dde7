import { LEAD_STATUSES } from '../../domain/lead/lead-status.rules';
import { benchStatusOf } from '../../tools/bench/report-bench';

/** The reports bench's generated leads cover the funnel, for every unit (a lead's unit is `i % 6`). */
describe('report bench lead generator', () => {
  it('gives every unit every status, in funnel proportions', () => {
    const byUnit = new Map<number, Map<string, number>>();
    for (let i = 0; i < 1200; i += 1) {
      const counts = byUnit.get(i % 6) ?? new Map<string, number>();
      counts.set(benchStatusOf(i), (counts.get(benchStatusOf(i)) ?? 0) + 1);
      byUnit.set(i % 6, counts);
    }
    for (const counts of byUnit.values()) {
      expect([...counts.keys()].sort()).toEqual([...LEAD_STATUSES].sort());
      // 200 leads per unit: 6/20 new, 1/20 landed.
      expect([counts.get('new'), counts.get('landed')]).toEqual([60, 10]);
    }
  });
});
