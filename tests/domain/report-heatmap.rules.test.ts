import { buildHeatmap, conversionPct, dimensionLabel, heatLegend, heatStep, OTHER_KEY } from '../../domain/report/heatmap.rules';
import type { RollupRow } from '../../domain/report/dashboard.rules';
import { NONE } from '../../domain/report/lead-rollup.rules';

const row = (origin: string, industry: string, c: Record<string, number>, over: Partial<RollupRow> = {}): RollupRow => ({
  districtId: 'd',
  day: '2026-12-01',
  unitId: 'u1',
  staffId: 's1',
  channel: 'chat',
  industry,
  origin,
  street: NONE,
  carrierType: NONE,
  c,
  ...over,
});

describe('heat-map rules', () => {
  it('sums cells from roll-up rows, with signings of the same inquiries and their conversion', () => {
    const rows = [
      row('330000', '新能源', { inquiries: 3, cohort_signed: 1 }),
      row('330000', '新能源', { inquiries: 1 }, { unitId: 'u2', day: '2026-12-02' }),
      row('330000', '人工智能', { inquiries: 2, cohort_signed: 2, cohort_landed: 1 }),
      row('上海', '新能源', { inquiries: 1 }),
      // A confirmation-day row (no inquiry) belongs to no cohort: it must not add a signing twice.
      row('330000', '新能源', { confirmed_signed: 1 }, { day: '2026-12-09' }),
    ];
    const map = buildHeatmap(rows, 'origin_industry', 'conversion');
    expect(map.rows.map((r) => [r.key, r.label, r.inquiries])).toEqual([['330000', '浙江', 6], ['上海', '上海', 1]]);
    expect(map.columns.map((c) => [c.key, c.inquiries])).toEqual([['新能源', 5], ['人工智能', 2]]);
    expect(map.cells[0].map((c) => [c.inquiries, c.signed, c.landed, c.value])).toEqual([[4, 1, 0, 25], [2, 2, 1, 100]]);
    expect(map.cells[1].map((c) => [c.inquiries, c.value])).toEqual([[1, 0], [0, null]]);
    expect(map.cells[0][0].spoken).toBe('浙江 × 新能源：转化率 25%（1 / 4）');
    expect(map.cells[1][1].spoken).toBe('上海 × 人工智能：没有咨询');
    expect(map.totals).toEqual({ inquiries: 7, signed: 3, landed: 1, conversionPct: 42.9 });
    // Colour: the largest value is the top step; a real 0% is step 0 but still shows its number.
    expect(map.cells.flat().map((c) => c.step)).toEqual([2, 5, 0, 0]);
    expect(map.legend.map((l) => [l.from, l.upTo])).toEqual([[0, 20], [20, 40], [40, 60], [60, 80], [80, 100]]);
    const counts = buildHeatmap(rows, 'origin_industry', 'inquiries');
    expect(counts.cells[0][0].spoken).toBe('浙江 × 新能源：4 条咨询');
    // Columns rank by the measure: the one landing puts 人工智能 first.
    expect(buildHeatmap(rows, 'origin_industry', 'landed').cells[0][0]).toMatchObject({ value: 1, step: 5, spoken: '浙江 × 人工智能：1 个确认落地（2 条咨询）' });
  });

  it('keeps the top rows by the measure and gathers the long tail into «其他»', () => {
    const rows = ['a', 'b', 'c', 'd', 'e'].map((o, i) => row(o, '新能源', { inquiries: 10 - i, ...(o === 'e' ? { cohort_signed: 3 } : {}) }));
    const map = buildHeatmap(rows, 'origin_industry', 'inquiries', { rows: 3, columns: 8 });
    expect(map.rows.map((r) => [r.key, r.label, r.inquiries])).toEqual([['a', 'a', 10], ['b', 'b', 9], [OTHER_KEY, '其他', 8 + 7 + 6]]);
    expect(map.namedRowKeys).toEqual(['a', 'b']);
    expect(map.cells.map((l) => l[0].inquiries)).toEqual([10, 9, 21]);
    expect(map.totals.inquiries).toBe(40);
    // Signings rank by signings: e leads; the rest (a tie at 0 signings) by inquiries.
    expect(buildHeatmap(rows, 'origin_industry', 'signed', { rows: 3, columns: 8 }).namedRowKeys).toEqual(['e', 'a']);
    // No «其他» for a single leftover: it is shown by name.
    expect(buildHeatmap(rows, 'origin_industry', 'inquiries', { rows: 5, columns: 8 }).rows.map((r) => r.key)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('reads street × carrier type with words for what was not stated', () => {
    const rows = [row(NONE, '新能源', { inquiries: 2 }, { street: '金湾街道', carrierType: 'factory' }), row(NONE, '新能源', { inquiries: 1 })];
    const map = buildHeatmap(rows, 'street_carrier', 'inquiries');
    expect([map.rowDimension, map.columnDimension]).toEqual(['street', 'carrierType']);
    expect(map.rows.map((r) => r.label)).toEqual(['金湾街道', '未指定街道']);
    expect(map.columns.map((c) => c.label)).toEqual(['厂房', '未指定类型']);
    expect(dimensionLabel('origin', NONE)).toBe('来源未知');
  });

  it('steps colours by fifths of the largest, and answers an empty period with an empty map', () => {
    expect([heatStep(0, 10), heatStep(null, 10), heatStep(1, 10), heatStep(2, 10), heatStep(2.1, 10), heatStep(10, 10)]).toEqual([0, 0, 1, 1, 2, 5]);
    expect(conversionPct(1, 3)).toBe(33.3);
    expect(conversionPct(0, 0)).toBeNull();
    // Counts: whole numbers per step, steps no whole number reaches left out (max 2: only 1 and 2 exist).
    expect(heatLegend('inquiries', 2).map((l) => [l.step, l.from, l.upTo])).toEqual([[3, 1, 1], [5, 2, 2]]);
    expect(heatLegend('signed', 12).map((l) => [l.from, l.upTo])).toEqual([[1, 2], [3, 4], [5, 7], [8, 9], [10, 12]]);
    for (let n = 1; n <= 12; n += 1) expect(heatLegend('signed', 12).find((l) => l.from <= n && n <= l.upTo)?.step).toBe(heatStep(n, 12));
    const empty = buildHeatmap([], 'origin_industry', 'inquiries');
    expect([empty.rows, empty.columns, empty.cells, empty.legend, empty.totals.inquiries]).toEqual([[], [], [], [], 0]);
  });
});
