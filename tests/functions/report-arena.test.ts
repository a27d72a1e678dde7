import { arenaLeadSteps } from '../support/arena-lead-steps';
import { createTestBackend, OPENID, type TestBackend } from '../support/test-backend';

type Board = {
  period: { key: string };
  contestants: number;
  top: Array<{ contestantId: string; raw: number; rank: number }>;
  own: { contestantId: string; raw: number; rank: number; items: Array<{ kind: string; label: string; points: number }> } | null;
  duplicatesRemoved: number;
};

const CODE = '91330106MA2B3C4D5D';

/**
 * A hand-checked quarter (default weights: 签约 10, 落地 20, × tier 1 / 1.5 / 2 / 3 / 4; promises kept 10):
 *   投资促进局  A 签约, 3.5 亿 (×2) = 20, promises 1/1 = 10          → 30
 *   科技局      B is A's company again (same credit code, later): 首报 removes it; promises 1/1 = 10 → 10
 *   产业园      C 签约 10 + 落地 20, 5000 万 (×1), promises 1/1 = 10   → 40
 *   others      nothing                                             → 0
 */
describe('report.arena (擂台赛) on SQLite', () => {
  let b: TestBackend;
  const { rev, submit, walk, confirm } = arenaLeadSteps(() => b);

  beforeAll(async () => {
    b = await createTestBackend();
    b.deps.intakeLimits = { perInvestorPer10Min: 100, perInvestorPerDay: 100, perDistrictPerMinute: 100 };
    const a = await submit('card-staff-head', '云帆智能科技有限公司', '13900139001');
    await b.ok('lead.setFacts', { leadId: a, creditCode: CODE, investmentWan: 35_000, rev: await rev(a) }, OPENID.head);
    await walk(a, OPENID.head, ['contacted', 'negotiating', 'signed']);
    await confirm(a, 'signed');

    b.clock.advanceHours(1);
    const dup = await submit('card-staff-tech', '云帆智能科技（集团）有限公司', '13900139002');
    await b.ok('lead.setFacts', { leadId: dup, creditCode: CODE, investmentWan: 35_000, rev: await rev(dup) }, OPENID.tech);
    await walk(dup, OPENID.tech, ['contacted', 'negotiating', 'signed']);
    await confirm(dup, 'signed');

    const c = await submit('card-staff-park', '江海新材料有限公司', '13900139003');
    await b.ok('lead.setFacts', { leadId: c, investmentWan: 5_000, rev: await rev(c) }, OPENID.park);
    await walk(c, OPENID.park, ['contacted', 'negotiating', 'signed']);
    await confirm(c, 'signed');
    await walk(c, OPENID.park, ['landed']);
    await confirm(c, 'landed');
  });
  afterAll(() => b.close());

  it('scores the hand-checked quarter item by item, 首报 removing the duplicate', async () => {
    const board = await b.ok<Board>('report.arena', { kind: 'quarter', key: '2026-Q4' }, OPENID.investLeader);
    expect(board.period.key).toBe('2026-Q4');
    expect(board.contestants).toBe(6);
    expect(board.duplicatesRemoved).toBe(1);
    expect(board.top.slice(0, 3).map((l) => [l.contestantId, l.raw, l.rank])).toEqual([
      ['unit-park', 40, 1],
      ['unit-invest', 30, 2],
      ['unit-tech', 10, 3],
    ]);
    // The rest tie at 0 and share rank 4; top 5 shows every rank up to 5.
    expect(board.top.slice(3).map((l) => [l.raw, l.rank])).toEqual([[0, 4], [0, 4], [0, 4]]);
    expect(board.own).toMatchObject({ contestantId: 'unit-invest', raw: 30, rank: 2 });
    expect(board.own?.items.map((i) => [i.kind, i.label, i.points])).toEqual([
      ['stage', '云帆智能科技有限公司 签约（10 分 × 2）', 20],
      ['response', '按时响应 1/1（100%）', 10],
    ]);
  });

  it('each unit sees its own breakdown; the period is a quarter or a month that exists', async () => {
    const park = await b.ok<Board>('report.arena', { kind: 'quarter', key: '2026-Q4' }, OPENID.park);
    expect(park.own?.items.map((i) => i.points)).toEqual([10, 20, 10]);
    const tech = await b.ok<Board>('report.arena', { kind: 'quarter' }, OPENID.tech);
    expect(tech.own?.items.map((i) => i.kind)).toEqual(['response']);
    const december = await b.ok<Board>('report.arena', { kind: 'month', key: '2026-12' }, OPENID.admin);
    expect(december.top.every((l) => l.raw === 0 && l.rank === 1)).toBe(true);
    expect(await b.call('report.arena', { kind: 'month', key: '2026-Q4' }, OPENID.admin)).toMatchObject({ ok: false, error: { code: 'REPORT.PERIOD_INVALID' } });
    expect(await b.call('report.arena', { kind: 'quarter' }, OPENID.investorA)).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
  });

  it('shows a unit the top N without their items, and its own line wherever it stands; the admin every line', async () => {
    const { weights } = await b.ok<{ weights: Record<string, unknown> }>('report.weights', {}, OPENID.admin);
    await b.ok('report.setWeights', { weights: { ...weights, topN: 2 } }, OPENID.admin);
    const tech = await b.ok<Board>('report.arena', { kind: 'quarter', key: '2026-Q4' }, OPENID.tech);
    expect(tech.top.map((l) => [l.contestantId, l.rank])).toEqual([['unit-park', 1], ['unit-invest', 2]]);
    expect(tech.top.every((l) => !('items' in l))).toBe(true);
    expect(tech.own).toMatchObject({ contestantId: 'unit-tech', raw: 10, rank: 3 });
    const admin = await b.ok<Board>('report.arena', { kind: 'quarter', key: '2026-Q4' }, OPENID.admin);
    expect(admin.top).toHaveLength(admin.contestants);
  });
});
