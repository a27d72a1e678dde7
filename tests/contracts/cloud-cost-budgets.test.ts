/**
 * Round-trip budgets on WeChat Cloud, read off the same counter as `npm run bench -- --only=cost`
 * (tests/support/cloud-cost.ts): every action through the action runner on the real wx-server-sdk over the
 * strict fake database, each request traced with its wave. An action over budget fails here.
 */
import type { Lead } from '../../domain/lead/lead.schema';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { SLA_TIMER_TIMEOUT_SECONDS } from '../../cloudfunctions/sla-timer/sla-tick-budget';
import { cloneLeads, createCostHarness, DEMO, inquiry, storedLead, type CostHarness, type RequestCost } from '../support/cloud-cost';

// Seeding thousands of documents and touring every action takes seconds on a loaded 2-core machine.
jest.setTimeout(60_000);

/** lead-intake's config.json sets no timeout, so WeChat's default (3 s) applies to lead.submit. */
const FUNCTION_TIMEOUT_MS = 3_000;
const CARD = 'card-staff-head';

let h: CostHarness;
beforeAll(async () => {
  h = await createCostHarness();
});
afterAll(() => h.close());
afterEach(() => {
  // Every query any test below made was served by an index declared in collections.ts.
  h.backend.assertAllQueriesIndexed();
  h.backend.setLatency(0);
});

/** A share chain of `hops` reshares below the head's own share; returns the deepest code. */
const shareChain = async (hops: number): Promise<string> => {
  let code = (await h.measureOk<{ code: string }>('share.create', { cardId: CARD, channel: 'chat' }, DEMO.head)).data.code;
  for (let i = 0; i < hops; i++) {
    // Alternate a colleague and visitors, so the credited staff member sits somewhere up the chain.
    const sharer = i === 0 ? DEMO.tech : `demo-openid-resharer-${hops}-${i}`;
    code = (await h.measureOk<{ code: string }>('share.create', { cardId: CARD, channel: 'chat', parentCode: code }, sharer)).data.code;
  }
  return code;
};

const submitted = async (overrides: Record<string, unknown> = {}, openid: string = DEMO.investorA): Promise<{ leadId: string; cost: RequestCost }> => {
  const { data, cost } = await h.measureOk<{ leadId: string }>('lead.submit', inquiry(overrides), openid);
  return { leadId: data.leadId, cost };
};

describe('card.get', () => {
  test('at most 2 waves, by card and by card with a share code, however many views the card has', async () => {
    const plain = (await h.measureOk('card.get', { cardId: CARD }, null)).cost;
    const code = await shareChain(0);
    const viaShare = (await h.measureOk('card.get', { cardId: CARD, shareCode: code }, null)).cost;
    expect(plain.waves).toBeLessThanOrEqual(2);
    expect(viaShare.waves).toBeLessThanOrEqual(2);
    // Views are counters now; what grows with them is the day's dedupe marks (one per visitor and minute).
    h.seed(COLLECTIONS.viewMarks.name, Array.from({ length: 2_000 }, (_, i) => ({ _id: `v-budget-${i}`, cardId: CARD, day: '2026-11-30' })));
    const busy = (await h.measureOk('card.get', { cardId: CARD }, null)).cost;
    expect(busy).toEqual(plain);
  });

  test('the owner is read once: one staff read (owner and on-duty person together), no card read beyond the card itself', async () => {
    const byCollection = (c: string) => h.backend.requests.filter((r) => r.collection === c).length;
    await h.measureOk('card.get', { cardId: CARD }, null);
    expect(byCollection(COLLECTIONS.staff.name)).toBe(1);
    expect(byCollection(COLLECTIONS.cards.name)).toBe(1);
    expect(byCollection(COLLECTIONS.carriers.name)).toBe(1);
    // A card with an on-duty colleague: the people in one read, then only the colleague's card.
    const { data } = await h.measureOk<{ contact: { name: string } | null }>('card.get', { cardId: 'card-staff-invest-leader' }, null);
    expect(data.contact?.name).toBe('周若岚');
    expect(byCollection(COLLECTIONS.staff.name)).toBe(1);
    expect(byCollection(COLLECTIONS.cards.name)).toBe(2);
  });
});

describe('lead.submit', () => {
  test('at most 6 waves, direct and through share chains of 1, 3 and 6 hops; requests do not grow with the chain', async () => {
    const direct = (await submitted()).cost;
    expect(direct.waves).toBeLessThanOrEqual(6);
    const viaChains: RequestCost[] = [];
    for (const hops of [1, 3, 6]) {
      const shareCode = await shareChain(hops);
      viaChains.push((await submitted({ source: { channel: 'chat', cardId: CARD, shareCode } }, DEMO.investorB)).cost);
    }
    for (const cost of viaChains) expect(cost.waves).toBeLessThanOrEqual(6);
    expect(new Set(viaChains.map((c) => c.requests)).size).toBe(1);
    expect(viaChains[0].requests - direct.requests).toBeLessThanOrEqual(2);
  });

  test('a retry of an accepted inquiry is answered from the idempotency check, in at most 2 waves and no write', async () => {
    const input = inquiry();
    await h.measureOk('lead.submit', input, DEMO.investorA);
    const { data, cost } = await h.measureOk<{ duplicate: boolean }>('lead.submit', input, DEMO.investorA);
    expect(data.duplicate).toBe(true);
    expect(cost.waves).toBeLessThanOrEqual(2);
    expect(cost.writes + cost.txStarts).toBe(0);
  });

  test('the rate counters cost one read wave and one write wave inside the transaction, not one per counter', async () => {
    await submitted();
    const inTx = h.backend.requests.filter((r) => r.collection === COLLECTIONS.rateCounters.name);
    expect(inTx.length).toBe(6);
    expect(new Set(inTx.map((r) => r.wave)).size).toBe(2);
  });
});

describe('listings do not grow with what they list', () => {
  let template: Lead;
  beforeAll(async () => {
    template = storedLead(h, (await submitted({}, 'demo-openid-growth')).leadId);
  });

  test('我的咨询 with 10 and with 1 000 leads: the same requests, at most 2 waves', async () => {
    cloneLeads(h, template, 9);
    const ten = (await h.measureOk<{ items: unknown[] }>('lead.mine', {}, 'demo-openid-growth')).cost;
    cloneLeads(h, template, 990, (l, i) => ({ ...l, _id: `${l._id}-k${i}` }));
    const thousand = await h.measureOk<{ items: unknown[] }>('lead.mine', {}, 'demo-openid-growth');
    expect(thousand.data.items).toHaveLength(50);
    expect(thousand.cost).toEqual(ten);
    expect(ten.waves).toBeLessThanOrEqual(2);
  });

  test('the inbox with 10 and with 1 000 leads: the same requests, every name of a page in one read per kind', async () => {
    const handler = template.handling.staffId;
    const openid = [...(h.backend.collections.get(COLLECTIONS.staff.name)?.values() ?? [])].find((s) => s._id === handler)?.openid as string;
    const small = (await h.measureOk<{ items: unknown[] }>('lead.inbox', { tab: 'mine', limit: 20 }, openid)).cost;
    cloneLeads(h, template, 1_000, (l, i) => ({ ...l, _id: `${l._id}-i${i}`, submitter: { ...l.submitter, openid: `demo-openid-other-${i}` } }));
    const big = await h.measureOk<{ items: unknown[]; counts: { mine: number } }>('lead.inbox', { tab: 'mine', limit: 20 }, openid);
    expect(big.data.items).toHaveLength(20);
    expect(big.data.counts.mine).toBeGreaterThan(1_000);
    expect(big.cost).toEqual(small);
    expect(big.cost.waves).toBeLessThanOrEqual(3);
    // Paging on: the tab counts came with the first page, so the next pages cost one read and the names, no counts.
    const next = await h.measureOk<{ items: unknown[]; counts: unknown }>('lead.inbox', { tab: 'mine', limit: 20, cursor: (big.data as unknown as { nextCursor: string }).nextCursor }, openid);
    expect(next.data.items).toHaveLength(20);
    expect(next.data.counts).toBeNull();
    expect(next.cost.counts).toBe(0);
    // One count per tab (我的 / 本单位 / 待认领 / 我推荐的 / 我参与的), all in one wave.
    expect(small.counts).toBe(5);
    expect(next.cost.requests).toBe(small.requests - 5);
  });
});

describe('card.stats', () => {
  test('at most 3 waves and no counts, however many views, shares and leads the card has', async () => {
    const before = await h.measureOk<{ leads: number; shares: number }>('card.stats', {}, DEMO.head);
    expect(before.cost.waves).toBeLessThanOrEqual(3);
    expect(before.cost.counts).toBe(0);
    // More leads and shares through the card: the figures move, the cost does not.
    await submitted();
    await submitted({ source: { channel: 'poster', cardId: CARD } }, DEMO.investorB);
    await shareChain(7);
    const after = await h.measureOk<{ leads: number; shares: number; maxReshareDepth: number; leadsByChannel: Record<string, number> }>('card.stats', {}, DEMO.head);
    expect(after.data.leads).toBe(before.data.leads + 2);
    const hops = [...(h.backend.collections.get(COLLECTIONS.shares.name)?.values() ?? [])].filter((s) => s.cardId === CARD);
    expect(after.data.shares).toBe(hops.length);
    expect(after.data.maxReshareDepth).toBe(Math.max(...hops.map((s) => Number(s.depth))));
    expect(after.data.leadsByChannel.poster).toBeGreaterThanOrEqual(1);
    expect(after.cost).toEqual(before.cost);
  });
});

describe('every action', () => {
  test('signed-in and public actions that do not use the caller’s staff record do not look it up', async () => {
    for (const [action, input, openid] of [
      ['card.get', { cardId: CARD }, DEMO.investorA],
      ['lead.mine', {}, DEMO.investorA],
      ['carrier.search', { districtId: 'demo-linjiang' }, DEMO.head],
    ] as const) {
      await h.measureOk(action, input, openid);
      expect(h.backend.requests.filter((r) => r.collection === COLLECTIONS.staff.name && r.action === 'database.getDocument' && String(r.params.query).includes('openid'))).toEqual([]);
    }
  });

  test('a tour of every action reads only through declared indexes', async () => {
    const lead = await submitted({ source: { channel: 'chat', cardId: CARD, carrierId: 'building-001' } });
    const staff = [...(h.backend.collections.get(COLLECTIONS.staff.name)?.values() ?? [])];
    const handlerOpenid = staff.find((s) => s._id === storedLead(h, lead.leadId).handling.staffId)?.openid as string;
    const calls: Array<[string, Record<string, unknown>, string | null]> = [
      ['card.get', {}, null],
      ['session.whoami', {}, DEMO.head],
      ['directory.list', { districtId: 'demo-linjiang' }, null],
      ['directory.list', { districtId: 'demo-linjiang', unitId: 'unit-invest' }, null],
      ['carrier.get', { carrierId: 'building-001' }, null],
      ['lead.privacyNotice', {}, null],
      ['share.visit', { cardId: CARD, channel: 'chat', visitorKey: 'budget-visitor-0001' }, null],
      ['card.mine', {}, DEMO.head],
      ['lead.detail', { leadId: lead.leadId }, handlerOpenid],
      ['lead.revealContact', { leadId: lead.leadId }, handlerOpenid],
      ['lead.reply', { leadId: lead.leadId, text: '您好，已收到。' }, handlerOpenid],
      ['lead.note', { leadId: lead.leadId, text: '已电话联系' }, handlerOpenid],
      ['lead.mine', {}, DEMO.investorA],
      ['card.stats', {}, DEMO.head],
    ];
    for (const sort of ['vacancy', 'price', 'verified'] as const) {
      calls.push(['carrier.search', { districtId: 'demo-linjiang', sort }, null]);
      calls.push(['carrier.search', { districtId: 'demo-linjiang', type: 'factory', sort }, null]);
    }
    for (const tab of ['mine', 'unit', 'pool', 'referred'] as const) calls.push(['lead.inbox', { tab }, handlerOpenid]);
    for (const [action, input, openid] of calls) {
      const { result } = await h.measure(action, input, openid);
      if (!result.ok) throw new Error(`${action} ${JSON.stringify(input)} failed: ${result.error.code}; unindexed: ${h.backend.unindexedQueries.join(' | ')}`);
    }
    const page = await h.measureOk<{ nextCursor: string | null }>('lead.inbox', { tab: 'unit', limit: 1 }, handlerOpenid);
    if (page.data.nextCursor) await h.measureOk('lead.inbox', { tab: 'unit', limit: 1, cursor: page.data.nextCursor }, handlerOpenid);
    // The writes of the workspace, sharing and the timer, on the same strict database.
    const rev = (await h.measureOk<{ rev: number }>('lead.detail', { leadId: lead.leadId }, handlerOpenid)).data.rev;
    await h.measureOk('lead.transition', { leadId: lead.leadId, to: 'contacted', rev }, handlerOpenid);
    const rev2 = (await h.measureOk<{ rev: number }>('lead.detail', { leadId: lead.leadId }, handlerOpenid)).data.rev;
    await h.measureOk('lead.assign', { leadId: lead.leadId, toUnitId: 'unit-tech', note: '转科技局', rev: rev2 }, handlerOpenid);
    const share = await h.measureOk<{ code: string }>('share.create', { cardId: CARD, channel: 'poster' }, DEMO.head);
    await h.measureOk('share.qr', { code: share.data.code }, DEMO.head);
    await h.measureOk('staff.bindInvite', { inviteCode: 'DEMO2026' }, 'demo-openid-new-colleague');
    h.clock.now = new Date('2026-12-08T02:00:00.000Z');
    await h.measureSlaTick();
    h.clock.now = new Date('2026-11-30T02:00:00.000Z');
  }, 60_000);

  test('five investors submitting to one district at once (one contended rate counter) each finish within the function timeout at 30 ms per request', async () => {
    h.backend.setLatency(30);
    const started = Date.now();
    const results = await Promise.all(
      Array.from({ length: 5 }, async (_, i) => {
        const { result } = await h.measure('lead.submit', inquiry(), `demo-openid-contender-${i}`);
        return { ok: result.ok, ms: Date.now() - started };
      }),
    );
    expect(results.map((r) => r.ok)).toEqual([true, true, true, true, true]);
    for (const r of results) expect(r.ms).toBeLessThan(FUNCTION_TIMEOUT_MS);
  }, 30_000);
});

describe('the SLA tick (last here: it replaces the leads with a backlog)', () => {
  /** 30 ms per round trip, as the other budgets assume; the tick's clock is the trace's critical path × that. */
  const MS_PER_REQUEST = 30;
  const modelledClock = { elapsedMs: () => h.backend.answeredWaves() * MS_PER_REQUEST };

  test('with 20 and with 5 000 due leads (and 10 000 stale view marks) every tick ends within its config.json timeout; the backlog clears in a bounded number of ticks, each rung once per lead', async () => {
    const template = storedLead(h, (await submitted({}, 'demo-openid-backlog')).leadId);
    const due = (n: number, tag: string) =>
      cloneLeads(h, { ...template, sla: { ...template.sla, escalation: 0, firstRespondedAt: null } }, n, (l, i) => {
        const createdAt = new Date(Date.parse('2026-11-20T02:00:00.000Z') + i * 1000).toISOString();
        return { ...l, _id: `${l._id}-${tag}${i}`, status: 'new', createdAt, sla: { ...l.sla, firstResponseDueAt: '2026-11-20T10:00:00.000Z', nextEscalationAt: '2026-11-20T10:00:00.000Z' } };
      });
    const timeoutMs = SLA_TIMER_TIMEOUT_SECONDS * 1000;
    // Yesterday's marks only: today's (from the views earlier tests counted) rightly stay until tomorrow.
    const stalePastMarks = () => [...(h.backend.collections.get(COLLECTIONS.viewMarks.name)?.values() ?? [])].filter((m) => String(m.day) < '2026-11-30').length;
    const drain = async (): Promise<number[]> => {
      const paths: number[] = [];
      for (let tick = 0; tick < 30; tick += 1) {
        const { report, cost } = await h.measureSlaTick(modelledClock);
        paths.push(cost.waves * MS_PER_REQUEST);
        // Done when a tick had time to spare and the housekeeping backlog is gone too (marks go 5 000 a tick at most).
        if (!report.outOfTime && stalePastMarks() === 0) return paths;
      }
      throw new Error('the backlog did not clear in 30 ticks');
    };
    h.backend.collections.get(COLLECTIONS.leads.name)?.clear();
    h.backend.collections.get(COLLECTIONS.leadEvents.name)?.clear();
    // Housekeeping backlog too: yesterday's view dedupe marks of a busy card (dropped by the same ticks).
    h.seed(COLLECTIONS.viewMarks.name, Array.from({ length: 10_000 }, (_, i) => ({ _id: `vm-past-${i}`, cardId: CARD, day: '2026-11-29' })));
    due(20, 'd');
    const small = await drain();
    due(5_000, 'e');
    const big = await drain();
    for (const ms of [...small, ...big]) expect(ms).toBeLessThanOrEqual(timeoutMs);
    // Bounded: a tick works until its budget, so 5 000 leads take a handful of ticks, not one per page.
    expect(big.length).toBeLessThanOrEqual(Math.ceil(5_000 / 500) + 1);
    // Each lead climbed every rung it had reached (all three: its deadline is ten days past), each exactly once.
    const rungs = new Map<string, string[]>();
    for (const e of h.backend.collections.get(COLLECTIONS.leadEvents.name)?.values() ?? []) {
      if (String(e.type).startsWith('sla_')) rungs.set(String(e.leadId), [...(rungs.get(String(e.leadId)) ?? []), String(e.type)]);
    }
    expect(rungs.size).toBe(5_020);
    for (const types of rungs.values()) expect(types.sort()).toEqual(['sla_leader_copied', 'sla_reassigned', 'sla_reminded']);
    expect(stalePastMarks()).toBe(0);
    const left = [...(h.backend.collections.get(COLLECTIONS.leads.name)?.values() ?? [])].filter((l) => (l.sla as Lead['sla']).escalation < 3);
    expect(left).toEqual([]);
  }, 240_000);
});
