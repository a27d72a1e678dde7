import { arenaSnapshotId } from '../../domain/ranking/arena-lock.rules';
import type { ArenaSnapshot } from '../../domain/ranking/arena-snapshot.schema';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { runMonthlyBulletins } from '../../cloudfunctions/reports/monthly-bulletins';
import { DEMO_DISTRICT_ID } from '../../tools/seed/demo-district';
import { createTestBackend, leadInput, OPENID, type TestBackend } from '../support/test-backend';

type Board = { lock: { locked: boolean }; top: Array<{ contestantId: string; raw: number; adjustmentNote: string | null }> };
const Q3 = arenaSnapshotId(DEMO_DISTRICT_ID, '2026-Q3');
const base = { kind: 'quarter', key: '2026-Q3', contestantKind: 'unit', contestantId: 'unit-park', points: 5, reason: '补记签约' };

/** 擂台赛调整 (2026-11-30: 2026-Q3 locked in October, 2026-Q4 still live): who may, what is refused, what is stored. */
describe('report.adjustArena', () => {
  let b: TestBackend;
  const snapshot = () => b.store.get<ArenaSnapshot>(COLLECTIONS.arenaSnapshots.name, Q3);
  beforeEach(async () => {
    b = await createTestBackend();
  });
  afterEach(() => b.close());

  it('the daily timer run locks the periods whose moment has passed, once', async () => {
    expect(await snapshot()).toBeNull();
    const ours = (ids: string[]) => ids.filter((id) => id.startsWith(`as_${DEMO_DISTRICT_ID}_`)).sort();
    const first = ours((await runMonthlyBulletins(b.deps)).locked);
    // October and September (months) and Q3 have locked by 11-30; November and Q4 have not.
    expect(first).toEqual([arenaSnapshotId(DEMO_DISTRICT_ID, '2026-09'), arenaSnapshotId(DEMO_DISTRICT_ID, '2026-10'), Q3].sort());
    const stored = await snapshot();
    expect(ours((await runMonthlyBulletins(b.deps)).locked)).toEqual(first);
    expect(await snapshot()).toEqual(stored);
    expect(await b.store.get(COLLECTIONS.arenaSnapshots.name, arenaSnapshotId(DEMO_DISTRICT_ID, '2026-Q4'))).toBeNull();
  });

  it('refuses everyone but the district admin, another district, a live period and bad points, writing nothing', async () => {
    for (const openid of [OPENID.investLeader, OPENID.head, OPENID.tech, OPENID.cityAdmin, OPENID.investorA]) {
      expect(await b.call('report.adjustArena', base, openid)).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    }
    // Another district's admin meets this district's unit as not theirs, and its own board has no such unit.
    expect(await b.call('report.adjustArena', base, OPENID.wangshanAdmin)).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    expect(await b.call('report.adjustArena', { ...base, contestantId: 'ws-unit-park' }, OPENID.admin)).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    expect(await b.call('report.adjustArena', { ...base, key: '2026-Q4' }, OPENID.admin)).toMatchObject({ ok: false, error: { code: 'REPORT.PERIOD_NOT_LOCKED', message: expect.stringContaining('还没有锁定') } });
    expect(await b.call('report.adjustArena', { ...base, kind: 'month' }, OPENID.admin)).toMatchObject({ ok: false, error: { code: 'REPORT.PERIOD_INVALID' } });
    expect(await b.call('report.adjustArena', { ...base, leadId: 'lead-nowhere' }, OPENID.admin)).toMatchObject({ ok: false, error: { code: 'LEAD.NOT_FOUND' } });
    for (const points of [0, 100.5, -101, 1.234]) {
      expect(await b.call('report.adjustArena', { ...base, points }, OPENID.admin)).toMatchObject({ ok: false, error: { code: 'VALIDATION.INVALID_INPUT' } });
    }
    expect(await b.call('report.adjustArena', { ...base, reason: '   ' }, OPENID.admin)).toMatchObject({ ok: false, error: { code: 'VALIDATION.INVALID_INPUT' } });
    const stored = await snapshot();
    expect(stored?.adjustments ?? []).toEqual([]);
  });

  it('a lead of another district is refused; two adjustments at once both land, each audited', async () => {
    const ws = await b.ok<{ leadId: string }>('lead.submit', leadInput({ source: { channel: 'chat', cardId: 'card-ws-staff-head' } }), OPENID.investorB);
    expect(await b.call('report.adjustArena', { ...base, leadId: ws.leadId }, OPENID.admin)).toMatchObject({ ok: false, error: { code: 'LEAD.NOT_FOUND' } });
    const results = await Promise.all([
      b.call('report.adjustArena', base, OPENID.admin),
      b.call('report.adjustArena', { ...base, points: -2, reason: '响应记录有误' }, OPENID.admin),
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    expect((await snapshot())?.adjustments.map((a) => a.points).sort()).toEqual([-2, 5]);
    const board = await b.ok<Board>('report.arena', { kind: 'quarter', key: '2026-Q3' }, OPENID.admin);
    expect(board.lock.locked).toBe(true);
    expect(board.top.find((l) => l.contestantId === 'unit-park')).toMatchObject({ raw: 3, adjustmentNote: expect.stringMatching(/^含调整 \+3，原因：/) });
    const audit = await b.store.find<{ _id: string; action: string }>(COLLECTIONS.audit.name, { where: { districtId: DEMO_DISTRICT_ID }, limit: 200 });
    expect(audit.filter((e) => e.action === 'arena.adjust')).toHaveLength(2);
  });
});
