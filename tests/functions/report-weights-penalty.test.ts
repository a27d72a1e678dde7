import type { Lead } from '../../domain/lead/lead.schema';
import { DEFAULT_ARENA_WEIGHTS } from '../../domain/ranking/arena-weights.schema';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { createTestBackend, leadInput, OPENID, type TestBackend } from '../support/test-backend';

type Board = { own: { raw: number; items: Array<{ kind: string; label: string; points: number; leadId?: string }> } | null };

/**
 * District weights and the invalid-after-report penalty, hand-checked:
 *   投资促进局  A 签约 (no amount: tier ×1), promises 2/2; B reached 洽谈 and was closed as invalid; C closed as
 *              invalid straight from 已联系 (never reported as real: no penalty).
 *   defaults   10 + 10 − 5                = 15
 *   district   签约 40, promises 0, penalty 12  → 40 + 0 − 12 = 28
 */
describe('擂台赛 weights (a district setting) and the penalty for leads invalid after report', () => {
  let b: TestBackend;
  let a: string;
  let bad: string;
  const rev = async (id: string) => (await b.store.get<Lead>(COLLECTIONS.leads.name, id))?._rev ?? -1;
  const walk = async (leadId: string, to: string[]) => {
    for (const status of to) await b.ok('lead.transition', { leadId, to: status, rev: await rev(leadId), ...(status === 'invalid' ? { reason: '企业放弃' } : {}) }, OPENID.head);
  };
  const submit = async (company: string, phone: string) => (await b.ok<{ leadId: string }>('lead.submit', leadInput({ contact: { name: '测试', company, phone } }), OPENID.investorA)).leadId;
  const board = () => b.ok<Board>('report.arena', { kind: 'quarter', key: '2026-Q4' }, OPENID.head);

  beforeAll(async () => {
    b = await createTestBackend();
    b.deps.intakeLimits = { perInvestorPer10Min: 100, perInvestorPerDay: 100, perDistrictPerMinute: 100 };
    a = await submit('云帆智能科技有限公司', '13900139001');
    await walk(a, ['contacted', 'negotiating', 'signed']);
    await b.ok('lead.confirmStage', { leadId: a, stage: 'signed', note: '已核验', date: '2026-11-30', rev: await rev(a) }, OPENID.investLeader);
    bad = await submit('江海新材料有限公司', '13900139002');
    await walk(bad, ['contacted', 'negotiating', 'invalid']);
    const never = await submit('某贸易公司', '13900139003');
    await walk(never, ['contacted', 'invalid']);
  });
  afterAll(() => b.close());

  it('scores by the published defaults, the penalty itemised with its lead', async () => {
    expect(await b.ok('report.weights', {}, OPENID.tech)).toEqual({ weights: DEFAULT_ARENA_WEIGHTS, defaults: DEFAULT_ARENA_WEIGHTS, custom: false });
    const own = (await board()).own;
    expect(own?.items.map((i) => [i.kind, i.points])).toEqual([['stage', 10], ['response', 10], ['penalty', -5]]);
    expect(own?.items[2]).toMatchObject({ leadId: bad, label: '江海新材料有限公司 报送后判定无效' });
    expect(own?.raw).toBe(15);
  });

  it('refuses weights that make no sense with a clear message, and writes nothing', async () => {
    const bad1 = { ...DEFAULT_ARENA_WEIGHTS, stagePoints: { ...DEFAULT_ARENA_WEIGHTS.stagePoints, signed: -1 } };
    expect(await b.call('report.setWeights', { weights: bad1 }, OPENID.admin)).toMatchObject({ ok: false, error: { code: 'VALIDATION.INVALID_INPUT' } });
    const huge = { ...DEFAULT_ARENA_WEIGHTS, tierMultiplier: { ...DEFAULT_ARENA_WEIGHTS.tierMultiplier, '20e-plus': 1e9 } };
    expect(await b.call('report.setWeights', { weights: huge }, OPENID.admin)).toMatchObject({ ok: false, error: { code: 'VALIDATION.INVALID_INPUT' } });
    const lock = { ...DEFAULT_ARENA_WEIGHTS, lockAfterWorkingDays: -3 };
    expect(await b.call('report.setWeights', { weights: lock }, OPENID.admin)).toMatchObject({ ok: false, error: { code: 'VALIDATION.INVALID_INPUT' } });
    const zero = { ...DEFAULT_ARENA_WEIGHTS, stagePoints: { visited: 0, signed: 0, landed: 0 } };
    expect(await b.call('report.setWeights', { weights: zero }, OPENID.admin)).toMatchObject({ ok: false, error: { code: 'REPORT.WEIGHTS_INVALID', message: expect.stringContaining('不能全为 0') } });
    expect(await b.call('report.setWeights', { weights: DEFAULT_ARENA_WEIGHTS }, OPENID.investLeader)).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    expect(await b.ok('report.weights', {}, OPENID.head)).toMatchObject({ custom: false });
  });

  it('the district admin sets them, audited before/after, and the board scores by them', async () => {
    const mine = { ...DEFAULT_ARENA_WEIGHTS, stagePoints: { visited: 2, signed: 40, landed: 60 }, promiseKeptPoints: 0, invalidAfterReportPenalty: 12 };
    expect(await b.ok('report.setWeights', { weights: mine }, OPENID.admin)).toEqual({ weights: mine });
    expect(await b.ok('report.weights', {}, OPENID.tech)).toMatchObject({ weights: mine, custom: true });
    const own = (await board()).own;
    expect(own?.items.map((i) => [i.kind, i.points])).toEqual([['stage', 40], ['response', 0], ['penalty', -12]]);
    expect(own?.raw).toBe(28);
    const audit = await b.store.find<{ _id: string; action: string; before: unknown; after: unknown }>(COLLECTIONS.audit.name, { where: { districtId: 'demo-linjiang' }, limit: 100 });
    expect(audit.filter((e) => e.action === 'district.arena_weights')).toEqual([expect.objectContaining({ before: DEFAULT_ARENA_WEIGHTS, after: mine })]);
  });

  it('no penalty once the lead is reopened', async () => {
    await walk(bad, ['contacted']);
    expect((await board()).own?.items.map((i) => i.kind)).toEqual(['stage', 'response']);
  });
});
