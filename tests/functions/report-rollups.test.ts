import type { Lead } from '../../domain/lead/lead.schema';
import { SHARE_CHANNELS } from '../../domain/lead/lead.schema';
import { allowedNextStatuses } from '../../domain/lead/lead-status.rules';
import { chinaDayOf } from '../../domain/lead/stage-confirmation.rules';
import { leadContribution, sumContributions } from '../../domain/report/lead-rollup.rules';
import { recountDistrictRollups, rollupId, type RollupDoc } from '../../cloudfunctions/_lib/repositories/rollup.repository';
import { DEMO_DISTRICT_ID } from '../../tools/seed/demo-district';
import { CARRIER_TYPES, type Carrier } from '../../domain/carrier/carrier.schema';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { createTestBackend, leadInput, OPENID, type TestBackend } from '../support/test-backend';

/** mulberry32: a seeded stream, so a failing run can be replayed from the seed it prints. */
const prng = (seed: number) => () => {
  let t = (seed += 0x6d2b79f5);
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const CARDS = ['card-staff-head', 'card-staff-tech', 'card-staff-park', 'card-staff-street'];
const INDUSTRIES = ['人工智能', '生物医药', '新能源'];
const CODES = ['91330106MA2B3C4D5D', '91330106MA2B3C4D50', undefined];
/** Inquiries about a carrier (street × type from it), with a stated type need only, or neither. */
const CARRIERS = ['factory-001', 'building-002', 'incubator-003', undefined, undefined];

/** Every row as stored, without zero counters, keyed by id: what the dashboards would read. */
const storedRows = async (b: TestBackend): Promise<Record<string, Record<string, number>>> => {
  const docs = await b.store.find<RollupDoc>(COLLECTIONS.rollups.name, { orderBy: [{ field: '_id', direction: 'asc' }], limit: 1000 });
  expect(docs.length).toBeLessThan(1000);
  const out: Record<string, Record<string, number>> = {};
  for (const d of docs) {
    const nonZero = Object.fromEntries(Object.entries(d.c).filter(([, n]) => n !== 0));
    if (Object.keys(nonZero).length > 0) out[d._id] = nonZero;
  }
  return out;
};

/** The same figures counted from scratch from every lead. */
const recount = async (b: TestBackend): Promise<Record<string, Record<string, number>>> => {
  const leads = await b.store.find<Lead>(COLLECTIONS.leads.name, { orderBy: [{ field: '_id', direction: 'asc' }], limit: 1000 });
  const out: Record<string, Record<string, number>> = {};
  for (const row of sumContributions(leads.flatMap(leadContribution)).values()) out[rollupId(row.key)] = row.counters;
  return out;
};

describe('report roll-ups', () => {
  let b: TestBackend;
  beforeEach(async () => {
    b = await createTestBackend();
    b.deps.intakeLimits = { perInvestorPer10Min: 1000, perInvestorPerDay: 1000, perDistrictPerMinute: 1000 };
  });
  afterEach(() => b.close());

  it('count an inquiry with the lead, and move when its facts or stage change', async () => {
    const { leadId } = await b.ok<{ leadId: string }>('lead.submit', leadInput(), OPENID.investorA);
    let rows = Object.values(await storedRows(b));
    expect(rows).toEqual([{ inquiries: 1 }]);
    const rev = async () => (await b.store.get<Lead>(COLLECTIONS.leads.name, leadId))?._rev ?? -1;
    await b.ok('lead.setFacts', { leadId, creditCode: '91330106MA2B3C4D5D', investmentWan: 50_000, rev: await rev() }, OPENID.head);
    // The origin moved from «unknown» to 浙江 (330000): the whole contribution moved with it.
    const docs = await b.store.find<RollupDoc>(COLLECTIONS.rollups.name, { orderBy: [{ field: '_id', direction: 'asc' }], limit: 10 });
    expect(docs.filter((d) => d.c.inquiries === 1).map((d) => [d.origin, d.unitId, d.staffId, d.channel, d.industry, d.day])).toEqual([['330000', 'unit-invest', 'staff-head', 'chat', '人工智能', '2026-11-30']]);
    for (const to of ['contacted', 'negotiating', 'signed']) await b.ok('lead.transition', { leadId, to, rev: await rev() }, OPENID.head);
    await b.ok('lead.confirmStage', { leadId, stage: 'signed', note: '协议已签', date: '2026-11-30', rev: await rev() }, OPENID.investLeader);
    rows = Object.values(await storedRows(b));
    expect(rows).toEqual([
      expect.objectContaining({ inquiries: 1, responded: 1, respondedInTime: 1, rt0: 1, reached_contacted: 1, reached_negotiating: 1, reached_signed: 1, confirmed_signed: 1, confirmed_signed_3e_10e: 1 }),
    ]);
    expect(rows[0].reached_landed).toBeUndefined();
    expect(await storedRows(b)).toEqual(await recount(b));
  });

  it.each([20261201, 7, 424242])('equal a recount after a random stream of lead events (seed %i)', async (seed) => {
    const random = prng(seed);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
    const leadIds: string[] = [];
    let confirmed = 0;
    const rev = async (id: string) => (await b.store.get<Lead>(COLLECTIONS.leads.name, id)) as Lead;
    for (let step = 0; step < 120; step += 1) {
      b.clock.advanceHours(Math.floor(random() * 20));
      const roll = random();
      if (leadIds.length < 3 || (roll < 0.12 && leadIds.length < 12)) {
        const phone = `139${String(Math.floor(random() * 1e8)).padStart(8, '0')}`;
        const carrierId = pick(CARRIERS);
        const input = leadInput({
          contact: { name: '测试', company: `测试企业${step}有限公司`, phone },
          need: { industry: pick(INDUSTRIES), scale: 'undecided', ...(random() < 0.5 ? { carrierType: pick(CARRIER_TYPES) } : {}) },
          source: { channel: pick(SHARE_CHANNELS), cardId: pick(CARDS), ...(carrierId ? { carrierId } : {}) },
        });
        const { leadId } = await b.ok<{ leadId: string }>('lead.submit', input, pick([OPENID.investorA, OPENID.investorB]));
        leadIds.push(leadId);
        continue;
      }
      const lead = await rev(pick(leadIds));
      if (roll < 0.55) {
        const next = allowedNextStatuses(lead.status);
        if (next.length === 0) continue;
        const forward = next.filter((s) => s !== 'invalid');
        const to = forward.length > 0 && random() < 0.85 ? pick(forward) : pick(next);
        await b.ok('lead.transition', { leadId: lead._id, to, ...(to === 'invalid' ? { reason: '无法联系' } : {}), rev: lead._rev }, OPENID.admin);
      } else if (roll < 0.7) {
        await b.ok('lead.reply', { leadId: lead._id, text: '您好，已收到。' }, OPENID.admin);
      } else if (roll < 0.85) {
        const code = pick(CODES);
        await b.ok(
          'lead.setFacts',
          { leadId: lead._id, ...(code ? { creditCode: code } : {}), ...(random() < 0.7 ? { investmentWan: Math.floor(random() * 300_000) } : {}), ...(random() < 0.5 ? { originCity: pick(['上海', '深圳']) } : {}), rev: lead._rev },
          OPENID.admin,
        );
      } else {
        const stage = lead.status === 'landed' && !lead.confirmations?.landed ? 'landed' : 'signed';
        const r = await b.call('lead.confirmStage', { leadId: lead._id, stage, note: '已核验', date: chinaDayOf(b.clock.now), rev: lead._rev }, OPENID.investLeader);
        // Refusals (stage not reached, already confirmed) are part of the stream: they must move nothing.
        if (!r.ok) expect(['LEAD.STAGE_NOT_REACHED', 'LEAD.STAGE_ALREADY_CONFIRMED']).toContain(r.error.code);
        else confirmed += 1;
      }
    }
    const stored = await storedRows(b);
    expect(Object.keys(stored).length).toBeGreaterThan(5);
    // The stream did reach the bureau's confirmations, not only intake and replies.
    expect(confirmed).toBeGreaterThan(0);
    expect(stored).toEqual(await recount(b));
    // The heat map's dimensions were part of the stream: carriers' streets and types, and stated types alone.
    const docs = await b.store.find<RollupDoc>(COLLECTIONS.rollups.name, { orderBy: [{ field: '_id', direction: 'asc' }], limit: 1000 });
    expect(new Set(docs.map((d) => d.street)).size).toBeGreaterThan(1);
    expect(docs.some((d) => d.street === '-' && d.carrierType !== '-')).toBe(true);
  }, 60_000);

  it('take the inquiry’s street and type from its carrier as it was at intake', async () => {
    const carrier = (await b.store.get<Carrier>(COLLECTIONS.carriers.name, 'factory-001'))!;
    const { leadId } = await b.ok<{ leadId: string }>('lead.submit', leadInput({ source: { channel: 'chat', cardId: 'card-staff-head', carrierId: carrier._id } }), OPENID.investorA);
    const lead = (await b.store.get<Lead>(COLLECTIONS.leads.name, leadId))!;
    expect(lead.place).toEqual({ street: carrier.street, carrierType: 'factory' });
    const docs = await b.store.find<RollupDoc>(COLLECTIONS.rollups.name, { orderBy: [{ field: '_id', direction: 'asc' }], limit: 10 });
    expect(docs.map((d) => [d.street, d.carrierType, d.c.inquiries])).toEqual([[carrier.street, 'factory', 1]]);
  });

  it('migrate: a recount sets rows of an older key to the new key’s recount, and a second run changes nothing', async () => {
    for (const [i, carrierId] of ['factory-001', 'building-002', undefined].entries()) {
      const input = leadInput({ contact: { name: '测试', company: `迁移企业${i}`, phone: `1390013${String(i).padStart(4, '0')}` }, source: { channel: 'chat', cardId: 'card-staff-head', ...(carrierId ? { carrierId } : {}) } });
      await b.ok('lead.submit', input, OPENID.investorA);
    }
    const expected = await recount(b);
    // What a deployment before the street × type dimensions holds: rows under the old key, none under the new.
    const docs = await b.store.find<RollupDoc>(COLLECTIONS.rollups.name, { orderBy: [{ field: '_id', direction: 'asc' }], limit: 100 });
    for (const d of docs) {
      await b.store.remove(COLLECTIONS.rollups.name, d._id);
      const { street: _s, carrierType: _t, ...oldKey } = d;
      await b.store.insert(COLLECTIONS.rollups.name, { ...oldKey, _id: `ru_old_${d._id}` });
    }
    expect(await storedRows(b)).not.toEqual(expected);
    const first = await recountDistrictRollups(b.store, DEMO_DISTRICT_ID);
    expect(first).toEqual({ leads: 3, rows: Object.keys(expected).length, zeroed: docs.length, backfilled: 0 });
    expect(await storedRows(b)).toEqual(expected);
    expect(await recountDistrictRollups(b.store, DEMO_DISTRICT_ID)).toEqual({ leads: 3, rows: Object.keys(expected).length, zeroed: 0, backfilled: 0 });
    expect(await storedRows(b)).toEqual(expected);
    // After the migration, lead changes move the new rows and the sum still equals a recount.
    const lead = (await b.store.find<Lead>(COLLECTIONS.leads.name, { orderBy: [{ field: '_id', direction: 'asc' }], limit: 1 }))[0];
    await b.ok('lead.transition', { leadId: lead._id, to: 'contacted', rev: lead._rev }, OPENID.admin);
    expect(await storedRows(b)).toEqual(await recount(b));
  });
});
