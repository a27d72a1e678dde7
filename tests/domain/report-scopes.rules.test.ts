import { districtBreakdown, summariseRollups, teamRows, type RollupRow } from '../../domain/report/dashboard.rules';

const row = (districtId: string, staffId: string, day: string, c: Record<string, number>): RollupRow => ({ districtId, day, unitId: 'u', staffId, channel: 'chat', industry: '人工智能', origin: '-', street: '-', carrierType: '-', c });

describe('team and city roll-up rules', () => {
  const rows = [
    row('d1', 's1', '2026-12-01', { inquiries: 2, responded: 2, rt0: 2, reached_contacted: 1 }),
    row('d1', 's2', '2026-12-02', { inquiries: 1, confirmed_signed: 1 }),
    row('d1', '-', '2026-12-02', { inquiries: 4 }),
    row('d2', 's9', '2026-12-03', { inquiries: 3, responded: 1, rt3: 1 }),
  ];

  it("keeps a team's members' person rows only (nobody's and non-members' rows stay out)", () => {
    expect(teamRows(rows, ['s1', 's2']).map((r) => r.staffId)).toEqual(['s1', 's2']);
    expect(summariseRollups(teamRows(rows, ['s1', 's2']), new Map()).inquiries).toBe(3);
    expect(teamRows(rows, [])).toEqual([]);
  });

  it("gives each district its own figures, and they add up to the city's", () => {
    const previous = [row('d1', 's1', '2026-11-01', { inquiries: 5 })];
    const table = districtBreakdown([{ _id: 'd1', name: '临江区' }, { _id: 'd2', name: '望山区' }, { _id: 'd3', name: '空区' }], rows, previous, new Map([['d1', 2]]));
    expect(table.map((d) => [d.districtId, d.inquiries, d.previousInquiries, d.overdueNow, d.confirmedSigned, d.responseMedianMinutes])).toEqual([
      ['d1', 7, 5, 2, 1, 30],
      ['d2', 3, 0, 0, 0, 240],
      ['d3', 0, 0, 0, 0, null],
    ]);
    expect(table.reduce((a, d) => a + d.inquiries, 0)).toBe(summariseRollups(rows, new Map()).inquiries);
    expect(table[0]?.funnel.find((f) => f.stage === 'contacted')?.count).toBe(1);
  });
});
