import { render, screen, within } from '@testing-library/react';
import ArenaPage from '../../../src/reports/arena/index';
import * as TaroMock from '../support/taro-mock';
import { fakeBackend } from '../share/share-mothers';

let restore: (() => void) | undefined;
beforeEach(() => TaroMock.resetTaroMock());
afterEach(() => restore?.());

const line = (contestantId: string, name: string, score: number, rank: number) => ({ contestantId, name, raw: score, score, rank });

describe('arena page', () => {
  it('shows the top N, highlights the own unit and lists its score item by item', async () => {
    const fake = fakeBackend({
      'report.arena': () => ({
        period: { kind: 'quarter', key: '2026-Q4', label: '2026年第四季度', start: '2026-09-30T16:00:00.000Z', end: '2026-12-31T16:00:00.000Z' },
        contestants: 6,
        topN: 5,
        top: [line('unit-park', '临江高新产业园管委会', 40, 1), line('unit-invest', '临江区投资促进局', 30, 2)],
        own: { ...line('unit-invest', '临江区投资促进局', 30, 2), items: [{ kind: 'stage', label: '云帆智能科技有限公司 签约（10 分 × 2）', points: 20, leadId: 'ld_a' }, { kind: 'response', label: '按时响应 1/1（100%）', points: 10 }] },
        duplicatesRemoved: 1,
      }),
    });
    restore = fake.restore;
    render(<ArenaPage />);
    await screen.findByText('擂台赛 · 2026年第四季度');
    expect(fake.inputsOf('report.arena')).toEqual([{ kind: 'quarter' }]);
    const top = screen.getByTestId('arena-top');
    expect(top.querySelector('[data-contestant="unit-invest"]')?.className).toContain('arena__line--own');
    expect(within(top).getByText('第 1 名')).toBeTruthy();
    const own = screen.getByTestId('arena-own');
    expect(within(own).getByText('本单位：第 2 名')).toBeTruthy();
    expect(within(own).getByText('云帆智能科技有限公司 签约（10 分 × 2）')).toBeTruthy();
    expect(within(own).getByText('20 分')).toBeTruthy();
    expect(screen.getByText(/本期去重 1 个/)).toBeTruthy();
  });
});
