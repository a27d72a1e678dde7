import type { Lead } from '../../domain/lead/lead.schema';
import { arenaSnapshotId } from '../../domain/ranking/arena-lock.rules';
import type { ArenaSnapshot } from '../../domain/ranking/arena-snapshot.schema';
import { DEFAULT_ARENA_WEIGHTS } from '../../domain/ranking/arena-weights.schema';
import { periodFromKey } from '../../domain/report/period.rules';
import { getDistrict } from '../../cloudfunctions/_lib/repositories/org.repository';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { lockedSnapshot } from '../../cloudfunctions/reports/arena-ranking';
import { DEMO_DISTRICT_ID } from '../../tools/seed/demo-district';
import { arenaLeadSteps } from '../support/arena-lead-steps';
import { createTestBackend, OPENID, type TestBackend } from '../support/test-backend';

const CODE = '91330106MA2B3C4D5D';
const CODE_XINGHE = '91330106MA2B3C4D7X';
/** The district locks its boards when the period ends (0 working days), so an in-time answer can come after the lock. */
const LOCK_AT = '2026-11-30T16:00:00.000Z';

type Item = { kind: string; label: string; points: number };
const itemsOf = (s: ArenaSnapshot, id: string): Array<[string, string, number]> =>
  (s.contestants.find((c) => c.kind === 'unit' && c.contestantId === id)?.items ?? []).map((i: Item) => [i.kind, i.label, i.points]);

/**
 * A late lock: the timer that stores 2026-11's snapshot runs days after the lock moment, when answers,
 * confirmations, a reopening and a 首报 decision made after that moment are already in the leads. The board it
 * stores is the board as of the lock moment, identical to one stored on time.
 *   L1 林致远 (投资促进局) 云帆智能 35 000 万, 签约 confirmed before the lock                     20
 *   L2 王书恒 (科技局) 云帆智能 again: 首报 duplicate; its dispute is upheld only after the lock  —
 *   L3 赵一鸣 (商务局) 远山贸易 reached 洽谈, closed invalid before the lock, reopened after      −5
 *   L4 郑嘉木 (产业园) arrives 11-30 17:00, answered 12-01 09:30 (in time, after the lock)        not kept
 *   L5 郑嘉木 (产业园) 江海新材料 签约 before the lock, confirmed (dated 11-30) after it         —
 *   L6 赵一鸣 (商务局) 星河光电 first report, closed invalid before 洽谈 before the lock, reopened
 *      after it: at the lock moment it verified nothing                                     no penalty
 *   L7 郑嘉木 (产业园) 星河光电 again, 签约 confirmed before the lock: at the lock moment it holds
 *      the 首报 (L6 was invalid then), though L6 is the earliest valid report now                10
 */
describe('擂台赛 late lock: the snapshot is the board as of the lock moment, whenever it is taken', () => {
  let b: TestBackend;
  const lead: Record<string, string> = {};
  const { rev, submit, walk, confirm } = arenaLeadSteps(() => b);
  const snapshotNow = async () => {
    const district = await getDistrict(b.store, DEMO_DISTRICT_ID);
    const month = periodFromKey('2026-11');
    if (!district || !month) throw new Error('the demo district and 2026-11 exist');
    const s = await lockedSnapshot(b.deps, district, month, b.clock.now);
    if (!s) throw new Error('2026-11 has locked');
    return s;
  };
  const boardOf = (s: ArenaSnapshot) => ({ lockedAt: s.lockedAt, weights: s.weights, duplicatesRemoved: s.duplicatesRemoved, contestants: s.contestants, adjustments: s.adjustments });

  let onTime: ArenaSnapshot;

  beforeAll(async () => {
    b = await createTestBackend();
    b.deps.intakeLimits = { perInvestorPer10Min: 100, perInvestorPerDay: 100, perDistrictPerMinute: 100 };
    await b.ok('report.setWeights', { weights: { ...DEFAULT_ARENA_WEIGHTS, lockAfterWorkingDays: 0 } }, OPENID.admin);
    lead.L1 = await submit('card-staff-head', '云帆智能科技有限公司', '13900139001');
    await b.ok('lead.setFacts', { leadId: lead.L1, creditCode: CODE, investmentWan: 35_000, rev: await rev(lead.L1) }, OPENID.head);
    await walk(lead.L1, OPENID.head, ['contacted', 'negotiating', 'signed']);
    await confirm(lead.L1, 'signed');
    b.clock.advanceHours(1);
    lead.L2 = await submit('card-staff-tech', '云帆智能科技（集团）有限公司', '13900139002');
    await b.ok('lead.setFacts', { leadId: lead.L2, creditCode: CODE, investmentWan: 35_000, rev: await rev(lead.L2) }, OPENID.tech);
    await walk(lead.L2, OPENID.tech, ['contacted', 'negotiating', 'signed']);
    await confirm(lead.L2, 'signed');
    await b.ok('lead.raiseDispute', { leadId: lead.L2, reason: '企业最早通过科技局对接', rev: await rev(lead.L2) }, OPENID.tech);
    lead.L3 = await submit('card-staff-commerce', '远山贸易有限公司', '13900139003');
    await walk(lead.L3, OPENID.commerce, ['contacted', 'negotiating', 'invalid']);
    lead.L5 = await submit('card-staff-park', '江海新材料有限公司', '13900139005');
    await walk(lead.L5, OPENID.park, ['contacted', 'negotiating', 'signed']);
    lead.L6 = await submit('card-staff-commerce', '星河光电有限公司', '13900139006');
    await b.ok('lead.setFacts', { leadId: lead.L6, creditCode: CODE_XINGHE, rev: await rev(lead.L6) }, OPENID.commerce);
    await walk(lead.L6, OPENID.commerce, ['contacted', 'invalid']);
    b.clock.advanceHours(1);
    lead.L7 = await submit('card-staff-park', '星河光电有限公司', '13900139007');
    await b.ok('lead.setFacts', { leadId: lead.L7, creditCode: CODE_XINGHE, rev: await rev(lead.L7) }, OPENID.park);
    await walk(lead.L7, OPENID.park, ['contacted', 'negotiating', 'signed']);
    await confirm(lead.L7, 'signed');
    b.clock.set('2026-11-30T09:00:00.000Z'); // 17:00 in China: due the next working day
    lead.L4 = await submit('card-staff-park', '某咨询有限公司', '13900139004');

    b.clock.set(LOCK_AT);
    onTime = await snapshotNow();
    // Taken again later as if the timer had not run at the moment: the stored one goes.
    await b.store.remove(COLLECTIONS.arenaSnapshots.name, arenaSnapshotId(DEMO_DISTRICT_ID, '2026-11'));

    b.clock.set('2026-12-01T01:30:00.000Z');
    await walk(lead.L4, OPENID.park, ['contacted']);
    await walk(lead.L3, OPENID.commerce, ['contacted']);
    await walk(lead.L6, OPENID.commerce, ['contacted']);
    await confirm(lead.L5, 'signed');
    const open = await b.ok<{ items: Array<{ leadId: string; rev: number }> }>('report.disputes', { status: 'open' }, OPENID.admin);
    const dispute = open.items.find((i) => i.leadId === lead.L2);
    await b.ok('report.decideDispute', { leadId: lead.L2, decision: 'upheld', reason: '会议纪要证明科技局首先对接', rev: dispute?.rev }, OPENID.admin);
  });
  afterAll(() => b.close());

  it('the on-time board is the hand-checked one', () => {
    expect(onTime.lockedAt).toBe(LOCK_AT);
    expect(onTime.duplicatesRemoved).toBe(1);
    expect(itemsOf(onTime, 'unit-invest')).toEqual([
      ['stage', '云帆智能科技有限公司 签约（10 分 × 2）', 20],
      ['response', '按时响应 1/1（100%）', 10],
    ]);
    expect(itemsOf(onTime, 'unit-tech')).toEqual([['response', '按时响应 1/1（100%）', 10]]);
    expect(itemsOf(onTime, 'unit-commerce')).toEqual([
      ['response', '按时响应 2/2（100%）', 10],
      ['penalty', '远山贸易有限公司 报送后判定无效', -5],
    ]);
    // L7 holds 星河光电's 首报: L6, the earlier report, was closed as invalid at the lock moment.
    expect(itemsOf(onTime, 'unit-park')).toEqual([
      ['stage', '星河光电有限公司 签约（10 分 × 1）', 10],
      ['response', '按时响应 2/3（67%）', 6.67],
    ]);
  });

  it('what happened after the lock is in the leads: an in-time answer, a reopening, a confirmation, an upheld dispute', async () => {
    const [l2, l3, l4, l5] = await Promise.all([lead.L2, lead.L3, lead.L4, lead.L5].map((id) => b.store.get<Lead>(COLLECTIONS.leads.name, id)));
    expect(l4?.sla.firstRespondedAt && l4.sla.firstRespondedAt > LOCK_AT && l4.sla.firstRespondedAt <= l4.sla.firstResponseDueAt).toBe(true);
    expect(l3?.status).toBe('contacted');
    expect(l5?.confirmations?.signed).toMatchObject({ date: '2026-11-30' });
    expect(l2?.firstReportDispute?.status).toBe('upheld');
    // L6 is open again: read now, the earliest valid report of 星河光电 is L6, not L7.
    expect((await b.store.get<Lead>(COLLECTIONS.leads.name, lead.L6))?.status).toBe('contacted');
  });

  it('a snapshot taken nine days late stores the same board', async () => {
    b.clock.set('2026-12-10T02:00:00.000Z');
    const late = await snapshotNow();
    expect(late.storedAt).toBe('2026-12-10T02:00:00.000Z');
    expect(boardOf(late)).toEqual(boardOf(onTime));
    // And the board reads it.
    const board = await b.ok<{ lock: { locked: boolean }; top: Array<{ contestantId: string; raw: number }> }>('report.arena', { kind: 'month', key: '2026-11' }, OPENID.admin);
    expect(board.lock.locked).toBe(true);
    expect(board.top.find((l) => l.contestantId === 'unit-park')?.raw).toBe(16.67);
    expect(board.top.find((l) => l.contestantId === 'unit-tech')?.raw).toBe(10);
  });
});
