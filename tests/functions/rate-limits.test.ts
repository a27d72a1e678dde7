import { DomainError } from '../../domain/common/result';
import { consumeRate, purgeExpiredRateCounters, rateCounterId, type RateRule } from '../../cloudfunctions/_lib/rate-limit';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { runSlaTick } from '../../cloudfunctions/sla-timer/run-sla-tick';
import { createTestBackend, leadInput, OPENID, type TestBackend } from '../support/test-backend';

const COUNTERS = COLLECTIONS.rateCounters.name;

describe('rate counters (issue #10.4)', () => {
  let b: TestBackend;
  beforeEach(async () => {
    b = await createTestBackend({ now: '2026-11-30T02:00:00.000Z', seed: false });
  });
  afterEach(() => b.close());

  const consume = (rules: RateRule[], at: Date) => b.store.transaction((tx) => consumeRate(tx, rules, at));
  const refused = async (rules: RateRule[], at: Date) => {
    try {
      await consume(rules, at);
      return null;
    } catch (error) {
      return error instanceof DomainError ? error.code : String(error);
    }
  };

  // Long enough that the old 64-character cut dropped the window, and equal for the first 200 characters.
  const longIdentity = (tail: string) => `lead:u:${'o'.repeat(200)}${tail}:10m`;

  it('two long identities that share a long prefix never share a counter', async () => {
    const now = new Date('2026-11-30T02:00:00.000Z');
    const a: RateRule = { key: longIdentity('A'), limit: 1, windowMs: 600_000 };
    const bRule: RateRule = { key: longIdentity('B'), limit: 1, windowMs: 600_000 };
    expect(rateCounterId(a, now)).not.toBe(rateCounterId(bRule, now));
    await consume([a], now);
    expect(await refused([bRule], now)).toBeNull();
    expect(await refused([a], now)).toBe('RATE.LIMITED');
    expect(await b.store.count(COUNTERS)).toBe(2);
  });

  it('a long identity’s window resets: a new window is a new counter', async () => {
    const rule: RateRule = { key: longIdentity('x'), limit: 1, windowMs: 600_000 };
    const t0 = new Date('2026-11-30T02:00:00.000Z');
    await consume([rule], t0);
    expect(await refused([rule], new Date(t0.getTime() + 599_000))).toBe('RATE.LIMITED');
    expect(await refused([rule], new Date(t0.getTime() + 600_000))).toBeNull();
    expect(rateCounterId(rule, t0)).not.toBe(rateCounterId(rule, new Date(t0.getTime() + 600_000)));
    // Ids stay short and in the store's alphabet whatever the identity holds.
    const odd = rateCounterId({ key: `lead:u:${'名'.repeat(600)}\u200b:1d`, limit: 1, windowMs: 86_400_000 }, t0);
    expect(odd).toMatch(/^rc_[0-9a-f]{40}_[0-9a-z]+$/);
  });

  it('the same identity under two window lengths keeps two counters', () => {
    const now = new Date('2026-11-30T00:00:00.000Z'); // both windows start here
    expect(rateCounterId({ key: 'k', limit: 1, windowMs: 60_000 }, now)).not.toBe(rateCounterId({ key: 'k', limit: 1, windowMs: 86_400_000 }, now));
  });

  it('expired counters are purged in bounded batches, live ones kept; the SLA timer runs the purge', async () => {
    const t0 = new Date('2026-11-30T02:00:00.000Z');
    for (let i = 0; i < 5; i += 1) await consume([{ key: `short:${i}`, limit: 10, windowMs: 60_000 }], t0);
    await consume([{ key: 'long-lived', limit: 10, windowMs: 86_400_000 }], t0);
    const later = new Date(t0.getTime() + 120_000);
    expect(await purgeExpiredRateCounters(b.store, later, 3)).toBe(3);
    expect(await b.store.count(COUNTERS)).toBe(3);
    b.clock.set(later.toISOString());
    expect(await runSlaTick(b.deps)).toMatchObject({ countersPurged: 2 });
    const left = await b.store.find<{ _id: string; expiresAt: string }>(COUNTERS, { limit: 10 });
    expect(left.map((c) => c.expiresAt)).toEqual(['2026-12-01T00:00:00.000Z']);
  });
});

describe('lead intake limits beyond the 10-minute one', () => {
  let b: TestBackend;
  beforeEach(async () => {
    b = await createTestBackend({ now: '2026-11-30T02:00:00.000Z' });
  });
  afterEach(() => b.close());

  it('an investor gets 20 inquiries a day, then is refused until the next day', async () => {
    for (let batch = 0; batch < 4; batch += 1) {
      for (let i = 0; i < 5; i += 1) await b.ok('lead.submit', leadInput(), OPENID.investorA);
      b.clock.advanceHours(11 / 60); // past the 10-minute window
    }
    const twentyFirst = await b.call('lead.submit', leadInput(), OPENID.investorA);
    expect(twentyFirst).toMatchObject({ ok: false, error: { code: 'RATE.LIMITED' } });
    expect(await b.store.count(COLLECTIONS.leads.name)).toBe(20);
    b.clock.set('2026-12-01T00:00:01.000Z');
    await b.ok('lead.submit', leadInput(), OPENID.investorA);
  });

  it('a district takes 120 inquiries a minute from everyone together, then refuses until the next minute', async () => {
    const investors = Array.from({ length: 25 }, (_u, i) => `burst-investor-${i}`);
    let accepted = 0;
    for (const openid of investors) {
      for (let i = 0; i < 5 && accepted < 120; i += 1) {
        await b.ok('lead.submit', leadInput(), openid);
        accepted += 1;
      }
    }
    // Someone who has sent nothing yet is refused: the budget is the district's.
    const fresh = await b.call('lead.submit', leadInput(), OPENID.investorB);
    expect(fresh).toMatchObject({ ok: false, error: { code: 'RATE.LIMITED' } });
    expect(await b.store.count(COLLECTIONS.leads.name)).toBe(120);
    b.clock.set('2026-11-30T02:01:00.000Z');
    await b.ok('lead.submit', leadInput(), OPENID.investorB);
  }, 60_000);
});
