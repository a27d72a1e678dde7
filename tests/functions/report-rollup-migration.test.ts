import type { Carrier } from '../../domain/carrier/carrier.schema';
import type { Lead } from '../../domain/lead/lead.schema';
import { ROLLUP_SCHEMA_VERSION } from '../../domain/report/lead-rollup.rules';
import { backfilledPlace } from '../../domain/report/lead-place.rules';
import { getRollupMigration, saveRollupMigration } from '../../cloudfunctions/_lib/repositories/migration.repository';
import { applyRollupDelta, rollupDeltaOf } from '../../cloudfunctions/_lib/repositories/rollup.repository';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { runRollupMigration } from '../../cloudfunctions/reports/heatmap-rollup-recount';
import { DEMO_DISTRICT_ID } from '../../tools/seed/demo-district';
import { createTestBackend, leadInput, OPENID, type TestBackend } from '../support/test-backend';

type Heatmap = { rows: Array<{ key: string; label: string; inquiries: number }>; columns: Array<{ key: string; inquiries: number }> };
const DEC = { kind: 'month', key: '2026-12' };

describe('backfilledPlace', () => {
  const lead = { place: undefined };
  it('takes the carrier’s street and type, else a street unit’s name, else nothing', () => {
    expect(backfilledPlace(lead, { street: '南岭街道', type: 'factory' }, { kind: 'street', name: '金湾街道' })).toEqual({ street: '南岭街道', carrierType: 'factory', from: 'carrier' });
    expect(backfilledPlace(lead, null, { kind: 'street', name: '金湾街道' })).toEqual({ street: '金湾街道', from: 'unit' });
    expect(backfilledPlace(lead, null, { kind: 'investment_bureau', name: '临江区投资促进局' })).toBeNull();
    expect(backfilledPlace({ place: { street: '已有', carrierType: 'building' } }, { street: '南岭街道', type: 'factory' }, null)).toBeNull();
    // The lead field holds 20 characters: a longer name is cut, not refused.
    expect(backfilledPlace(lead, null, { kind: 'street', name: '街'.repeat(25) })?.street).toBe('街'.repeat(20));
  });
});

/**
 * Leads from before intake recorded a street (`place`) sit under «未指定街道». After a deploy that bumps the
 * roll-up schema version, the `rollup-recount` timer backfills them (carrier's street, else a street unit) and
 * recounts, a district per tick, resuming where it stopped, then costs one read per tick.
 */
describe('roll-up migration (rollup-recount timer)', () => {
  let b: TestBackend;
  const ids: Record<string, string> = {};
  let factory: Carrier;
  const lead = (id: string) => b.store.get<Lead>(COLLECTIONS.leads.name, id) as Promise<Lead>;
  const streets = async () => (await b.ok<Heatmap>('report.heatmap', { scope: 'district', period: DEC, kind: 'street_carrier', measure: 'inquiries' }, OPENID.admin)).rows.map((r) => [r.label, r.inquiries]);
  const submit = async (name: string, cardId: string, carrierId?: string) => {
    const input = leadInput({ contact: { name: '测试', company: `${name}有限公司`, phone: `1390013${String(Object.keys(ids).length).padStart(4, '0')}` }, source: { channel: 'chat', cardId, ...(carrierId ? { carrierId } : {}) } });
    ids[name] = (await b.ok<{ leadId: string }>('lead.submit', input, OPENID.investorA)).leadId;
  };
  /** The lead as it was stored before intake recorded a street, its roll-ups with it (the old world). */
  const withoutPlace = async (id: string) => {
    const current = await lead(id);
    const { place: _place, ...old } = current;
    await b.store.remove(COLLECTIONS.leads.name, id);
    await b.store.insert(COLLECTIONS.leads.name, old);
    await b.store.transaction((tx) => applyRollupDelta(tx, rollupDeltaOf(current, old as Lead)));
  };

  beforeAll(async () => {
    b = await createTestBackend({ now: '2026-12-02T02:00:00.000Z' });
    b.deps.intakeLimits = { perInvestorPer10Min: 100, perInvestorPerDay: 100, perDistrictPerMinute: 100 };
    factory = (await b.store.get<Carrier>(COLLECTIONS.carriers.name, 'factory-001')) as Carrier;
    await submit('carrier', 'card-staff-head', factory._id); // asked from a carrier's page
    await submit('street', 'card-staff-street'); // came in through 金湾街道's card
    await submit('bureau', 'card-staff-head'); // nothing to derive a street from
    await withoutPlace(ids.carrier);
    // The code's version is current for a store made now; the deploy that ships a new one finds the old.
    await saveRollupMigration(b.store, { ...(await getRollupMigration(b.store)), version: ROLLUP_SCHEMA_VERSION - 1 });
  });
  afterAll(() => b.close());

  it('before: every one of them under «未指定街道»', async () => {
    expect((await lead(ids.carrier)).place).toBeUndefined();
    expect(await streets()).toEqual([['未指定街道', 3]]);
  });

  it('migrates a district per tick, resumably, backfilling streets; then only reads its state', async () => {
    const first = await runRollupMigration(b.deps);
    expect(first).toMatchObject({ state: 'migrating', target: ROLLUP_SCHEMA_VERSION, remaining: 1 });
    if (first.state === 'current') throw new Error('migrating');
    const done = (await getRollupMigration(b.store)).doneDistrictIds;
    expect(done).toEqual(first.recounted.map((r) => r.districtId));
    // A tick that stopped here (timeout, deploy) is resumed by the next with the district it had not done.
    const second = await runRollupMigration(b.deps);
    expect(second).toMatchObject({ state: 'finished', version: ROLLUP_SCHEMA_VERSION, remaining: 0 });
    if (second.state === 'current') throw new Error('finished');
    expect([...done, ...second.recounted.map((r) => r.districtId)].sort()).toEqual(['demo-linjiang', 'demo-wangshan']);
    const linjiang = [...first.recounted, ...second.recounted].find((r) => r.districtId === DEMO_DISTRICT_ID);
    expect(linjiang?.backfilled).toBe(2);
    expect(await getRollupMigration(b.store)).toMatchObject({ version: ROLLUP_SCHEMA_VERSION, target: null, doneDistrictIds: [] });

    let reads = 0;
    const get = b.store.get.bind(b.store);
    const find = b.store.find.bind(b.store);
    b.store.get = ((...a: Parameters<typeof get>) => ((reads += 1), get(...a))) as typeof get;
    b.store.find = ((...a: Parameters<typeof find>) => ((reads += 1), find(...a))) as typeof find;
    try {
      expect(await runRollupMigration(b.deps)).toEqual({ state: 'current', version: ROLLUP_SCHEMA_VERSION });
    } finally {
      b.store.get = get;
      b.store.find = find;
    }
    expect(reads).toBe(1);
  });

  it('after: the carrier’s street and type, the street unit’s street, and only the underivable one left unnamed', async () => {
    expect((await lead(ids.carrier)).place).toEqual({ street: factory.street, carrierType: factory.type, from: 'carrier' });
    expect((await lead(ids.street)).place).toEqual({ street: '金湾街道', from: 'unit' });
    expect((await lead(ids.bureau)).place).toBeUndefined();
    expect((await streets()).sort()).toEqual([['未指定街道', 1], [factory.street, 1], ['金湾街道', 1]].sort());
  });
});
