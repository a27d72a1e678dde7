import { arenaSnapshotId } from '../../domain/ranking/arena-lock.rules';
import type { ArenaSnapshot } from '../../domain/ranking/arena-snapshot.schema';
import { DEFAULT_ARENA_WEIGHTS } from '../../domain/ranking/arena-weights.schema';
import { periodFromKey } from '../../domain/report/period.rules';
import { getDistrict } from '../../cloudfunctions/_lib/repositories/org.repository';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { lockedSnapshot } from '../../cloudfunctions/reports/arena-ranking';
import { bulletinContentFor } from '../../cloudfunctions/reports/monthly-bulletins';
import { DEMO_DISTRICT_ID } from '../../tools/seed/demo-district';
import { arenaLeadSteps } from '../support/arena-lead-steps';
import { createTestBackend, OPENID, type TestBackend } from '../support/test-backend';

type Line = { contestantId: string; raw: number; score: number; rank: number; adjustmentNote: string | null };
type Own = Line & { items: Array<{ kind: string; label: string; points: number; leadId?: string }> };
type Board = { top: Line[]; own: Own | null; duplicatesRemoved: number; lock: { at: string; locked: boolean }; teams: { contestants: number; top: Line[]; own: Own | null } };

const rows = (lines: Line[]) => lines.map((l) => [l.contestantId, l.raw, l.score, l.rank]);
const CODE = '91330106MA2B3C4D5D';

/**
 * A hand-checked month, 2026-11, default weights (签约 10, 落地 20; × tier: <1 亿 1, 3–10 亿 2, 10–20 亿 3; all
 * promises kept 10; invalid after report −5). Every inquiry arrives 11-30 from a person's card:
 *   L1 林致远 (投资促进局, 招商小组)      云帆智能 35 000 万, 签约 confirmed            10 × 2 = 20, answered
 *   L2 王书恒 (科技局, 产业招商组)        云帆智能 again (same credit code, later): 首报 removes it, answered
 *   L3 郑嘉木 (产业园, 产业招商组)        江海新材料 5 000 万, 签约 + 落地 confirmed     10 + 20 = 30, answered
 *   L4 周若岚 (投资促进局, 招商小组)      青禾生物 150 000 万, 签约 confirmed (落地 not)  10 × 3 = 30, worked
 *                                        by 林致远 too — two members, one credited person: counted once
 *   L5 赵一鸣 (商务局, 产业招商组)        远山贸易 reached 洽谈, closed invalid          −5, answered
 *   L6 王书恒                             某咨询, never answered: 科技局 keeps 1 of 2 promises
 *
 * Units:  投资促进局 20 + 30 + 10 = 60 · 产业园 30 + 10 = 40 · 科技局 5 · 商务局 10 − 5 = 5 · 教育局 0 · 金湾街道 0
 * Teams:  招商小组 20 + 30 + 10 (2/2) = 60 · 产业招商组 30 + 7.5 (3/4) − 5 = 32.5
 * 功效系数 (60 + 40 × (x − min) / (max − min)): units 100, 86.67, 63.33, 63.33, 60, 60; teams 100, 60.
 * The month locks 5 working days after it ends: 12-01 … 12-07 → at 12-08 00:00 China time (12-07T16:00Z).
 */
describe('擂台赛 golden month: lines, order, 功效系数, the lock and an adjustment', () => {
  let b: TestBackend;
  const lead: Record<string, string> = {};
  const { rev, submit, walk, confirm } = arenaLeadSteps(() => b);
  const facts = async (leadId: string, openid: string, more: Record<string, unknown>) => b.ok('lead.setFacts', { leadId, ...more, rev: await rev(leadId) }, openid);
  const board = (openid: string) => b.ok<Board>('report.arena', { kind: 'month', key: '2026-11' }, openid);

  beforeAll(async () => {
    b = await createTestBackend();
    b.deps.intakeLimits = { perInvestorPer10Min: 100, perInvestorPerDay: 100, perDistrictPerMinute: 100 };
    lead.L1 = await submit('card-staff-head', '云帆智能科技有限公司', '13900139001');
    await facts(lead.L1, OPENID.head, { creditCode: CODE, investmentWan: 35_000 });
    await walk(lead.L1, OPENID.head, ['contacted', 'negotiating', 'signed']);
    await confirm(lead.L1, 'signed');
    b.clock.advanceHours(1);
    lead.L2 = await submit('card-staff-tech', '云帆智能科技（集团）有限公司', '13900139002');
    await facts(lead.L2, OPENID.tech, { creditCode: CODE, investmentWan: 35_000 });
    await walk(lead.L2, OPENID.tech, ['contacted', 'negotiating', 'signed']);
    await confirm(lead.L2, 'signed');
    lead.L3 = await submit('card-staff-park', '江海新材料有限公司', '13900139003');
    await facts(lead.L3, OPENID.park, { investmentWan: 5_000 });
    await walk(lead.L3, OPENID.park, ['contacted', 'negotiating', 'signed']);
    await confirm(lead.L3, 'signed');
    await walk(lead.L3, OPENID.park, ['landed']);
    await confirm(lead.L3, 'landed');
    lead.L4 = await submit('card-staff-commissioner', '青禾生物医药有限公司', '13900139004');
    await facts(lead.L4, OPENID.commissioner, { investmentWan: 150_000 });
    await walk(lead.L4, OPENID.commissioner, ['contacted', 'negotiating']);
    await walk(lead.L4, OPENID.head, ['signed']);
    await confirm(lead.L4, 'signed');
    await walk(lead.L4, OPENID.head, ['landed']);
    lead.L5 = await submit('card-staff-commerce', '远山贸易有限公司', '13900139005');
    await walk(lead.L5, OPENID.commerce, ['contacted', 'negotiating', 'invalid']);
    lead.L6 = await submit('card-staff-tech', '某咨询有限公司', '13900139006');
  });
  afterAll(() => b.close());

  it('scores the month line by line, before the lock, units and teams', async () => {
    const view = await board(OPENID.admin);
    expect(view.lock).toEqual({ at: '2026-12-07T16:00:00.000Z', locked: false });
    expect(view.duplicatesRemoved).toBe(1);
    expect(rows(view.top)).toEqual([
      ['unit-invest', 60, 60, 1],
      ['unit-park', 40, 40, 2],
      ['unit-tech', 5, 5, 3],
      ['unit-commerce', 5, 5, 3],
      ['unit-street-jinwan', 0, 0, 5],
      ['unit-edu', 0, 0, 5],
    ]);
    expect(rows(view.teams.top)).toEqual([
      ['team-invest-squad', 60, 60, 1],
      ['team-industry', 32.5, 32.5, 2],
    ]);
    const invest = await board(OPENID.head);
    expect(invest.own?.items.map((i) => [i.kind, i.label, i.points])).toEqual([
      ['stage', '云帆智能科技有限公司 签约（10 分 × 2）', 20],
      ['stage', '青禾生物医药有限公司 签约（10 分 × 3）', 30],
      ['response', '按时响应 2/2（100%）', 10],
    ]);
    expect(invest.teams.own?.contestantId).toBe('team-invest-squad');
    const industry = await board(OPENID.tech);
    expect(industry.own?.items.map((i) => [i.kind, i.label, i.points])).toEqual([['response', '按时响应 1/2（50%）', 5]]);
    expect(industry.teams.own?.items.map((i) => [i.kind, i.label, i.points])).toEqual([
      ['stage', '江海新材料有限公司 签约（10 分 × 1）', 10],
      ['stage', '江海新材料有限公司 落地（20 分 × 1）', 20],
      ['response', '按时响应 3/4（75%）', 7.5],
      ['penalty', '远山贸易有限公司 报送后判定无效', -5],
    ]);
    // A unit sees the top 5 and its own line, not the whole board (the admin above sees every line).
    expect((await board(OPENID.commerce)).top.map((l) => l.contestantId)).toEqual(['unit-invest', 'unit-park', 'unit-tech', 'unit-commerce', 'unit-street-jinwan', 'unit-edu']);
  });

  it('normalises by 功效系数 when the district says so: same order, 60–100', async () => {
    await b.ok('report.setWeights', { weights: { ...DEFAULT_ARENA_WEIGHTS, efficacyCoefficient: true } }, OPENID.admin);
    const view = await board(OPENID.admin);
    expect(rows(view.top)).toEqual([
      ['unit-invest', 60, 100, 1],
      ['unit-park', 40, 86.67, 2],
      ['unit-tech', 5, 63.33, 3],
      ['unit-commerce', 5, 63.33, 3],
      ['unit-street-jinwan', 0, 60, 5],
      ['unit-edu', 0, 60, 5],
    ]);
    expect(rows(view.teams.top)).toEqual([
      ['team-invest-squad', 60, 100, 1],
      ['team-industry', 32.5, 60, 2],
    ]);
    await b.ok('report.setWeights', { weights: DEFAULT_ARENA_WEIGHTS }, OPENID.admin);
  });

  it('the bulletin shows the board’s ranking, by the district’s own weights', async () => {
    const custom = { ...DEFAULT_ARENA_WEIGHTS, stagePoints: { visited: 2, signed: 50, landed: 5 }, promiseKeptPoints: 100 };
    await b.ok('report.setWeights', { weights: custom }, OPENID.admin);
    b.clock.set('2026-12-01T02:00:00.000Z');
    const district = await getDistrict(b.store, DEMO_DISTRICT_ID);
    const month = periodFromKey('2026-11');
    if (!district || !month) throw new Error('the demo district and 2026-11 exist');
    const content = await bulletinContentFor(b.deps, district, month);
    const view = await board(OPENID.admin);
    expect(content.ranking).toEqual(view.top.map((l) => ({ rank: l.rank, name: expect.any(String), score: l.score })));
    // 投资促进局 50×2 + 50×3 + 100 = 350; 产业园 50 + 5 + 100 = 155; 科技局 50; 商务局 100 − 5 = 95.
    expect(content.ranking.map((r) => r.score)).toEqual([350, 155, 95, 50, 0, 0]);
    await b.ok('report.setWeights', { weights: DEFAULT_ARENA_WEIGHTS }, OPENID.admin);
  });

  it('locks 5 working days after the month: a snapshot, then later changes do not move the board', async () => {
    b.clock.set('2026-12-07T15:59:59.000Z');
    expect((await board(OPENID.admin)).lock.locked).toBe(false);
    expect(await b.store.get(COLLECTIONS.arenaSnapshots.name, arenaSnapshotId(DEMO_DISTRICT_ID, '2026-11'))).toBeNull();
    b.clock.set('2026-12-07T16:00:00.000Z');
    const district = await getDistrict(b.store, DEMO_DISTRICT_ID);
    const month = periodFromKey('2026-11');
    if (!district || !month) throw new Error('the demo district and 2026-11 exist');
    // Two runs racing to lock store one snapshot: both get the same document back.
    const [first, second] = await Promise.all([lockedSnapshot(b.deps, district, month, b.clock.now), lockedSnapshot(b.deps, district, month, b.clock.now)]);
    expect(first).toEqual(second);
    expect(first).toMatchObject({ _id: arenaSnapshotId(DEMO_DISTRICT_ID, '2026-11'), lockedAt: '2026-12-07T16:00:00.000Z', weights: DEFAULT_ARENA_WEIGHTS, adjustments: [] });
    const before = await board(OPENID.admin);
    expect(before.lock).toEqual({ at: '2026-12-07T16:00:00.000Z', locked: true });
    expect(rows(before.top)).toEqual([
      ['unit-invest', 60, 60, 1],
      ['unit-park', 40, 40, 2],
      ['unit-tech', 5, 5, 3],
      ['unit-commerce', 5, 5, 3],
      ['unit-street-jinwan', 0, 0, 5],
      ['unit-edu', 0, 0, 5],
    ]);
    // After the lock: 青禾's 落地 confirmed for November (live: +60), the penalised lead reopened, new weights.
    await confirm(lead.L4, 'landed');
    await walk(lead.L5, OPENID.commerce, ['contacted']);
    await b.ok('report.setWeights', { weights: { ...DEFAULT_ARENA_WEIGHTS, efficacyCoefficient: true, stagePoints: { visited: 1, signed: 99, landed: 99 } } }, OPENID.admin);
    expect(await board(OPENID.admin)).toEqual(before);
    expect((await board(OPENID.head)).own?.items.map((i) => i.points)).toEqual([20, 30, 10]);
    await b.ok('report.setWeights', { weights: DEFAULT_ARENA_WEIGHTS }, OPENID.admin);
  });

  it('changes a locked month only by an audited adjustment, shown as its own line and on the row', async () => {
    expect(await b.call('report.adjustArena', { kind: 'month', key: '2026-12', contestantKind: 'unit', contestantId: 'unit-tech', points: 5, reason: '补录' }, OPENID.admin)).toMatchObject({
      ok: false,
      error: { code: 'REPORT.PERIOD_NOT_LOCKED' },
    });
    const adjust = (contestantKind: string, contestantId: string, points: number, reason: string, openid: string = OPENID.admin) =>
      b.call<{ before: number; after: number }>('report.adjustArena', { kind: 'month', key: '2026-11', contestantKind, contestantId, points, reason, leadId: lead.L2 }, openid);
    expect(await adjust('unit', 'unit-tech', 40, '首报裁定改判，补记云帆智能签约', OPENID.investLeader)).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    expect(await adjust('unit', 'unit-tech', 40, '首报裁定改判，补记云帆智能签约')).toMatchObject({ ok: true, data: { before: 5, after: 45 } });
    expect(await adjust('team', 'team-industry', -2.5, '响应记录有误')).toMatchObject({ ok: true, data: { before: 32.5, after: 30 } });
    const view = await board(OPENID.admin);
    expect(rows(view.top)).toEqual([
      ['unit-invest', 60, 60, 1],
      ['unit-tech', 45, 45, 2],
      ['unit-park', 40, 40, 3],
      ['unit-commerce', 5, 5, 4],
      ['unit-street-jinwan', 0, 0, 5],
      ['unit-edu', 0, 0, 5],
    ]);
    expect(view.top[1].adjustmentNote).toBe('含调整 +40，原因：首报裁定改判，补记云帆智能签约');
    expect(view.top[0].adjustmentNote).toBeNull();
    expect(rows(view.teams.top)).toEqual([
      ['team-invest-squad', 60, 60, 1],
      ['team-industry', 30, 30, 2],
    ]);
    expect(view.teams.top[1].adjustmentNote).toBe('含调整 −2.5，原因：响应记录有误');
    const tech = await board(OPENID.tech);
    expect(tech.own?.items.map((i) => [i.kind, i.label, i.points])).toEqual([
      ['response', '按时响应 1/2（50%）', 5],
      ['adjustment', '调整：首报裁定改判，补记云帆智能签约', 40],
    ]);
    // The adjustment names the lead it is about, like every other item.
    expect(tech.own?.items[1].leadId).toBe(lead.L2);
    const snapshot = await b.store.get<ArenaSnapshot>(COLLECTIONS.arenaSnapshots.name, arenaSnapshotId(DEMO_DISTRICT_ID, '2026-11'));
    expect(snapshot?.adjustments.map((a) => [a.contestantId, a.points, a.staffId, a.leadId])).toEqual([
      ['unit-tech', 40, 'staff-admin', lead.L2],
      ['team-industry', -2.5, 'staff-admin', lead.L2],
    ]);
    const audit = await b.store.find<{ _id: string; action: string; target: unknown; staffId: string; before: unknown; after: { total: number } }>(COLLECTIONS.audit.name, {
      where: { districtId: DEMO_DISTRICT_ID },
      limit: 200,
    });
    expect(audit.filter((e) => e.action === 'arena.adjust').map((e) => [e.target, e.staffId, e.before, e.after.total])).toEqual([
      [{ kind: 'unit', id: 'unit-tech' }, 'staff-admin', { period: '2026-11', total: 5 }, 45],
      [{ kind: 'team', id: 'team-industry' }, 'staff-admin', { period: '2026-11', total: 32.5 }, 30],
    ]);
    // The bulletin made after the lock reads the same snapshot, adjustments included.
    const district = await getDistrict(b.store, DEMO_DISTRICT_ID);
    const month = periodFromKey('2026-11');
    if (!district || !month) throw new Error('the demo district and 2026-11 exist');
    expect((await bulletinContentFor(b.deps, district, month)).ranking.map((r) => [r.rank, r.score])).toEqual(view.top.map((l) => [l.rank, l.score]));
  });
});
