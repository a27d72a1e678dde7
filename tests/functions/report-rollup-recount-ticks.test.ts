import type { Lead } from '../../domain/lead/lead.schema';
import { leadContribution, ROLLUP_SCHEMA_VERSION, sumContributions } from '../../domain/report/lead-rollup.rules';
import { getRollupMigration, saveRollupMigration, type RollupMigrationState } from '../../cloudfunctions/_lib/repositories/migration.repository';
import { applyRollupDelta, listRollups, rollupDeltaOf, rollupId } from '../../cloudfunctions/_lib/repositories/rollup.repository';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { runRollupMigration, type RollupMigrationTick } from '../../cloudfunctions/reports/heatmap-rollup-recount';
import { DEMO_DISTRICT_ID } from '../../tools/seed/demo-district';
import { arenaLeadSteps } from '../support/arena-lead-steps';
import { createTestBackend, OPENID, type TestBackend } from '../support/test-backend';

const PER_TICK = 3;
const nonZero = (c: Record<string, number>) => Object.fromEntries(Object.entries(c).filter(([, n]) => n !== 0).sort(([a], [b]) => (a < b ? -1 : 1)));

/**
 * The `rollup-recount` timer recounts a district a few whole days per tick (here 3 leads' worth), its cursor in
 * `migrations`: any size completes over ticks; every lead counts exactly once, at every tick (a dashboard read
 * in between sees every inquiry once) and at the end, where the rows equal a full recount — also with lead changes
 * between ticks, one landing inside a tick (between its read and its write), and a tick run twice from the same
 * cursor (one that died before storing its progress).
 */
describe('roll-up recount over ticks (resumable, bounded per lead)', () => {
  let b: TestBackend;
  const { rev, submit, walk } = arenaLeadSteps(() => b);
  const leads: string[] = [];
  const leadsOf = async () => b.store.find<Lead>(COLLECTIONS.leads.name, { where: { districtId: DEMO_DISTRICT_ID }, limit: 1000 });
  /** What a full recount of the district gives, by row id, zeros dropped. */
  const recount = async () => {
    const rows = sumContributions((await leadsOf()).flatMap(leadContribution));
    return new Map([...rows.values()].map((r) => [rollupId(r.key), nonZero(r.counters)]).filter(([, c]) => Object.keys(c).length > 0) as Array<[string, Record<string, number>]>);
  };
  const stored = async () =>
    new Map(
      (await listRollups(b.store, DEMO_DISTRICT_ID, '0000-01-01', '9999-12-31')).map((r) => [r._id, nonZero(r.c)] as [string, Record<string, number>]).filter(([, c]) => Object.keys(c).length > 0),
    );
  const inquiriesCounted = async () => [...(await stored()).values()].reduce((n, c) => n + (c.inquiries ?? 0), 0);
  const tick = async () => {
    b.clock.advanceHours(1 / 6); // the timer runs every 10 minutes
    return runRollupMigration(b.deps, PER_TICK);
  };

  beforeAll(async () => {
    b = await createTestBackend({ now: '2026-11-02T01:00:00.000Z' });
    b.deps.intakeLimits = { perInvestorPer10Min: 100, perInvestorPerDay: 100, perDistrictPerMinute: 100 };
    // Ten inquiries over six China days: 1, 2, 4 (more than a tick's bound: recounted whole), 1, 1, 1; three of
    // them through 金湾街道's card.
    for (const perDay of [1, 2, 4, 1, 1, 1]) {
      for (let i = 0; i < perDay; i++) leads.push(await submit(i % 2 ? 'card-staff-street' : 'card-staff-head', `企业${leads.length}有限公司`, `1390013${String(leads.length).padStart(4, '0')}`));
      b.clock.advanceHours(24);
    }
    // A signing of day 1 confirmed with a date four days on: its row sits on another day than its inquiry.
    await walk(leads[0], OPENID.head, ['contacted', 'negotiating', 'signed']);
    await b.ok('lead.confirmStage', { leadId: leads[0], stage: 'signed', note: '合同已见', date: '2026-11-06', rev: await rev(leads[0]) }, OPENID.investLeader);
    // The old world: the street leads stored before `place`, their rows with them (counted under «未指定街道»).
    for (const id of leads) {
      const current = (await b.store.get<Lead>(COLLECTIONS.leads.name, id)) as Lead;
      if (!current.place) continue;
      const { place: _place, ...old } = current;
      await b.store.remove(COLLECTIONS.leads.name, id);
      await b.store.insert(COLLECTIONS.leads.name, old);
      await b.store.transaction((tx) => applyRollupDelta(tx, rollupDeltaOf(current, old as Lead)));
    }
    await saveRollupMigration(b.store, { ...(await getRollupMigration(b.store)), version: ROLLUP_SCHEMA_VERSION - 1 });
  });
  afterAll(() => b.close());

  it('before: the rows equal the old count, which names no street for them', async () => {
    expect(await stored()).toEqual(await recount());
    expect((await leadsOf()).filter((l) => l.place)).toHaveLength(0);
  });

  it('recounts a few whole days per tick, stays right between ticks, and ends equal to a full recount', async () => {
    const ticks: RollupMigrationTick[] = [];
    // A lead change inside the first tick, between its read of day 2's leads and its write of their rows: 赵 of
    // 金湾街道 answers leads[2], whose rows the recount moves to the backfilled street.
    const transaction = b.store.transaction.bind(b.store);
    let raced = false;
    b.store.transaction = (async (work: Parameters<typeof transaction>[0]) => {
      if (!raced) {
        raced = true;
        await walk(leads[2], OPENID.street, ['contacted']);
      }
      return transaction(work);
    }) as typeof b.store.transaction;
    let t: RollupMigrationTick;
    try {
      t = await tick();
    } finally {
      b.store.transaction = transaction;
    }
    expect(raced).toBe(true);
    expect(await inquiriesCounted()).toBe(leads.length);
    expect(await stored()).toEqual(await recount());
    ticks.push(t);
    for (let n = 0; n < 40 && t.state === 'migrating'; n++) {
      // Every inquiry counted once, whatever day the recount has reached.
      expect(await inquiriesCounted()).toBe(leads.length);
      if (ticks.length === 1) {
        // A tick that dies before storing its progress (here: day 11-04, whose streets it backfilled): the next
        // redoes the same days from the stored cursor and changes nothing.
        const state = await getRollupMigration(b.store);
        const died = await tick();
        const rowsAfter = await stored();
        await saveRollupMigration(b.store, state as RollupMigrationState);
        const redo = await tick();
        expect(died.state !== 'current' && died.recounted.map(({ backfilled: _b, ...r }) => r)).toEqual(redo.state !== 'current' && redo.recounted.map(({ backfilled: _b, ...r }) => r));
        expect(await stored()).toEqual(rowsAfter);
        ticks.push(died);
        expect(await inquiriesCounted()).toBe(leads.length);
        // Changes between ticks: on a day recounted already, on one still to come, and a new inquiry.
        await walk(leads[0], OPENID.head, ['landed']);
        await walk(leads[9], OPENID.head, ['contacted', 'invalid']);
        leads.push(await submit('card-staff-head', '新来企业有限公司', '13900139999'));
        expect(await inquiriesCounted()).toBe(leads.length);
      }
      t = await tick();
      ticks.push(t);
    }
    expect(t.state).toBe('finished');
    const recounted = ticks.flatMap((x) => (x.state === 'current' ? [] : x.recounted));
    // The demo district's days came in several ticks, each bounded (the 4-lead day whole), then the other district.
    const linjiang = recounted.filter((r) => r.districtId === DEMO_DISTRICT_ID);
    expect(linjiang.length).toBeGreaterThanOrEqual(4);
    expect(linjiang.map((r) => r.leads).sort()).toContain(4);
    for (const r of linjiang) expect(r.leads).toBeLessThanOrEqual(4);
    expect(linjiang[linjiang.length - 1].toDay).toBe('9999-12-31');
    // Each day once, in order: every tick starts the day after the last one ended.
    for (let i = 1; i < linjiang.length; i++) expect(linjiang[i].fromDay > linjiang[i - 1].toDay).toBe(true);
    expect(linjiang.reduce((n, r) => n + r.backfilled, 0)).toBe(3);

    expect(await stored()).toEqual(await recount());
    expect(await inquiriesCounted()).toBe(leads.length);
    expect((await leadsOf()).filter((l) => l.place?.street === '金湾街道')).toHaveLength(3);
    expect(await getRollupMigration(b.store)).toMatchObject({ version: ROLLUP_SCHEMA_VERSION, target: null, cursor: null, doneDistrictIds: [] });
    expect(await runRollupMigration(b.deps, PER_TICK)).toEqual({ state: 'current', version: ROLLUP_SCHEMA_VERSION });
  });
});
