import { invalidatedAfterReport } from '../../domain/ranking/invalid-penalty.rules';

const moved = (to: string, at: string) => ({ type: 'status_changed' as const, data: { to }, at: `2026-11-${at}T02:00:00.000Z` });
const START = '2026-11-01T00:00:00.000Z';
const END = '2026-12-01T00:00:00.000Z';

describe('报送后判定无效', () => {
  it('penalises a lead closed as invalid in the period after it reached 洽谈 or beyond', () => {
    expect(invalidatedAfterReport([moved('contacted', '02'), moved('negotiating', '03'), moved('invalid', '04')], START, END)).toBe(true);
    expect(invalidatedAfterReport([moved('signed', '02'), moved('invalid', '04')], START, END)).toBe(true);
  });
  it('not a lead never reported as real, one reopened since, or one closed outside the period', () => {
    expect(invalidatedAfterReport([moved('contacted', '02'), moved('site_visit', '03'), moved('invalid', '04')], START, END)).toBe(false);
    expect(invalidatedAfterReport([moved('negotiating', '02'), moved('invalid', '04'), moved('contacted', '05')], START, END)).toBe(false);
    expect(invalidatedAfterReport([{ ...moved('negotiating', '02'), at: '2026-10-02T02:00:00.000Z' }, { ...moved('invalid', '04'), at: '2026-10-30T02:00:00.000Z' }], START, END)).toBe(false);
    expect(invalidatedAfterReport([{ type: 'note', data: { to: 'negotiating' }, at: START }, moved('invalid', '04')], START, END)).toBe(false);
  });
});
