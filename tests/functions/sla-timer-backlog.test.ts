import Database from 'better-sqlite3';
import type { Lead } from '../../domain/lead/lead.schema';
import type { Deps } from '../../cloudfunctions/_lib/deps';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import type { DocumentStore, TransactionStore } from '../../cloudfunctions/_lib/store/store-port';
import { runSlaTick, type SlaTickReport } from '../../cloudfunctions/sla-timer/run-sla-tick';
import { SLA_TICK_BUDGET_MS, SLA_TIMER_TIMEOUT_SECONDS } from '../../cloudfunctions/sla-timer/sla-tick-budget';
import { createTestBackend, leadInput, OPENID, type TestBackend } from '../support/test-backend';

/**
 * The SLA timer with a backlog far beyond one page (issue #10.3, #12): thousands of due leads on a real SQLite
 * file. Every lead gets each rung exactly once — none starved behind leads already reminded, none twice —
 * and every tick stops within the function's timeout, modelling each store request as a 30 ms round trip
 * (serially, which overstates a tick that runs leads side by side).
 */

const DUE_LEADS = 3_000;
const ANSWERED_LEADS = 100;
const MS_PER_REQUEST = 30;
const MAX_TICKS_PER_RUNG = 30;

/** Counts every request a use case makes, as WeChat Cloud would bill it (a transaction = start + commit). */
const countingStore = (store: DocumentStore, counter: { requests: number }): DocumentStore => {
  const countTx = (tx: TransactionStore): TransactionStore => ({
    get: (c, id) => ((counter.requests += 1), tx.get(c, id)),
    insert: (c, doc) => ((counter.requests += 1), tx.insert(c, doc)),
    update: (c, id, ops, options) => ((counter.requests += 1), tx.update(c, id, ops, options)),
    remove: (c, id) => ((counter.requests += 1), tx.remove(c, id)),
  });
  return {
    ...countTx(store),
    find: (c, q) => ((counter.requests += 1), store.find(c, q)),
    count: (c, w) => ((counter.requests += 1), store.count(c, w)),
    transaction: (work) => ((counter.requests += 2), store.transaction((tx) => work(countTx(tx)))),
  };
};

describe('SLA timer with a backlog of thousands of due leads (real SQLite)', () => {
  let b: TestBackend;
  let db: Database.Database;
  let deps: Deps;
  const counter = { requests: 0 };
  const tickCosts: number[] = [];

  const eventsPerLead = (type: string) =>
    db
      .prepare<[string], { leadId: string; n: number }>(
        `SELECT json_extract(doc, '$.leadId') AS leadId, count(*) AS n FROM ${COLLECTIONS.leadEvents.name} WHERE json_extract(doc, '$.type') = ? GROUP BY 1`,
      )
      .all(type);
  const leadsWhere = (sql: string) => db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${COLLECTIONS.leads.name} WHERE ${sql}`).get()?.n;

  /** Ticks until one finds nothing more to do on this rung; returns the reports. */
  const tickUntilDone = async (field: 'reminded' | 'leaderCopied' | 'reassigned'): Promise<SlaTickReport[]> => {
    const reports: SlaTickReport[] = [];
    for (let t = 0; t < MAX_TICKS_PER_RUNG; t += 1) {
      const start = counter.requests;
      const report = await runSlaTick(deps, { elapsedMs: () => (counter.requests - start) * MS_PER_REQUEST });
      tickCosts.push((counter.requests - start) * MS_PER_REQUEST);
      reports.push(report);
      if (report[field] === 0 && !report.outOfTime) return reports;
    }
    throw new Error(`rung ${field} not cleared in ${MAX_TICKS_PER_RUNG} ticks`);
  };

  const expectEachLeadOnce = (type: string) => {
    const rows = eventsPerLead(type);
    expect(rows.length).toBe(DUE_LEADS);
    expect(rows.filter((r) => r.n !== 1)).toEqual([]);
    expect(rows.some((r) => r.leadId.startsWith('ld_answered'))).toBe(false);
  };

  beforeAll(async () => {
    b = await createTestBackend({ now: '2026-11-30T01:00:00.000Z' }); // Monday 09:00 CST
    const { leadId } = await b.ok<{ leadId: string }>('lead.submit', leadInput({ source: { channel: 'chat', cardId: 'card-staff-tech' } }), OPENID.investorA);
    const template = (await b.store.get<Lead>(COLLECTIONS.leads.name, leadId)) as Lead;
    await b.store.remove(COLLECTIONS.leads.name, leadId);
    const monday = new Date('2026-11-30T01:00:00.000Z').getTime();
    const clone = (id: string, i: number, answered: boolean): Lead => ({
      ...template,
      _id: id,
      submitter: { ...template.submitter, key: id },
      // Spread over Monday 09:00–09:50, so due times differ and pages split inside runs of equal ones.
      createdAt: new Date(monday + Math.floor(i / 3) * 3_000).toISOString(),
      sla: answered ? { ...template.sla, firstRespondedAt: new Date(monday + 60_000).toISOString() } : { ...template.sla },
    });
    const all = [
      ...Array.from({ length: DUE_LEADS }, (_u, i) => clone(`ld_backlog_${i.toString().padStart(5, '0')}`, i, false)),
      ...Array.from({ length: ANSWERED_LEADS }, (_u, i) => clone(`ld_answered_${i}`, i, true)),
    ];
    for (let i = 0; i < all.length; i += 500) {
      await b.store.transaction(async (tx) => {
        for (const lead of all.slice(i, i + 500)) await tx.insert(COLLECTIONS.leads.name, lead);
      });
    }
    deps = { ...b.deps, store: countingStore(b.store, counter) };
    db = new Database(b.file, { readonly: true });
  }, 120_000);
  afterAll(async () => {
    db.close();
    await b.close();
  });

  it('selects due leads through an index, in due order, with no sort step', () => {
    const plan = b.store.explainFind(COLLECTIONS.leads.name, {
      where: { 'sla.nextEscalationAt': { lte: '2026-12-01T02:00:00.000Z' } },
      orderBy: [{ field: 'sla.nextEscalationAt', direction: 'asc' }, { field: '_id', direction: 'asc' }],
      limit: 100,
    }).join('\n');
    expect(plan).toMatch(/USING INDEX leads__by_escalation_due/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
    // Later pages: the cursor is a filter inside the same range, still no sort step.
    const next = b.store.explainFind(COLLECTIONS.leads.name, {
      where: { 'sla.nextEscalationAt': { gte: '2026-11-30T09:00:00.000Z', lte: '2026-12-01T02:00:00.000Z' } },
      anyOf: [{ 'sla.nextEscalationAt': { gt: '2026-11-30T09:00:00.000Z' } }, { _id: { gt: 'ld_x' } }],
      orderBy: [{ field: 'sla.nextEscalationAt', direction: 'asc' }, { field: '_id', direction: 'asc' }],
      limit: 100,
    }).join('\n');
    expect(next).toMatch(/USING INDEX leads__by_escalation_due/);
    expect(next).not.toMatch(/TEMP B-TREE/);
    // Leads not yet scheduled: all equalities on their own index, so answered and finished leads are never read.
    const unscheduled = b.store.explainFind(COLLECTIONS.leads.name, {
      where: { 'sla.nextEscalationAt': null, 'sla.firstRespondedAt': null, status: 'new', 'sla.escalation': 0, _id: { gt: 'ld_x' } },
      orderBy: [{ field: '_id', direction: 'asc' }],
      limit: 100,
    }).join('\n');
    expect(unscheduled).toMatch(/USING INDEX leads__by_escalation_unscheduled/);
    expect(unscheduled).not.toMatch(/TEMP B-TREE/);
  });

  it('reminds every due lead once (1×), then copies the leader once (2×), then reassigns once (3×)', async () => {
    b.clock.set('2026-12-01T02:00:00.000Z'); // Tuesday 10:00: 1× for every lead
    const before = counter.requests;
    const first = await tickUntilDone('reminded');
    // Was 10 serial requests per lead: now the page and the people on it are read in batches, and each lead
    // costs its own small transaction (start, update, event, commit) plus its notification (record, result).
    expect((counter.requests - before) / DUE_LEADS).toBeLessThanOrEqual(6.2);
    expect(first.reduce((n, r) => n + r.reminded, 0)).toBe(DUE_LEADS);
    expect(first.length).toBeGreaterThan(1); // the backlog really was more than one tick's work
    expectEachLeadOnce('sla_reminded');
    expect(leadsWhere(`json_extract(doc, '$.sla.escalation') = 1`)).toBe(DUE_LEADS);
    // A tick later, nothing is reminded again.
    expect(await runSlaTick(deps)).toMatchObject({ reminded: 0, leaderCopied: 0, reassigned: 0 });
    const overdueToTech = db
      .prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${COLLECTIONS.outbox.name} WHERE json_extract(doc, '$.message.toOpenid') = '${OPENID.tech}' AND json_extract(doc, '$.message.kind') = 'lead_overdue'`)
      .get()?.n;
    expect(overdueToTech).toBe(DUE_LEADS);

    b.clock.set('2026-12-02T02:00:00.000Z'); // Wednesday 10:00: 2×
    const second = await tickUntilDone('leaderCopied');
    expect(second.reduce((n, r) => n + r.leaderCopied, 0)).toBe(DUE_LEADS);
    expect(second.reduce((n, r) => n + r.reminded, 0)).toBe(0);
    expectEachLeadOnce('sla_leader_copied');

    b.clock.set('2026-12-03T02:00:00.000Z'); // Thursday 10:00: 3×
    const third = await tickUntilDone('reassigned');
    expect(third.reduce((n, r) => n + r.reassigned, 0)).toBe(DUE_LEADS);
    expectEachLeadOnce('sla_reassigned');
    expect(leadsWhere(`json_extract(doc, '$.handling.staffId') = 'staff-commissioner' AND json_extract(doc, '$.sla.escalation') = 3`)).toBe(DUE_LEADS);
    // At the top of the ladder a lead leaves the schedule; answered leads were never on it.
    expect(leadsWhere(`json_extract(doc, '$.sla.nextEscalationAt') IS NOT NULL`)).toBe(0);
    expect(leadsWhere(`id LIKE 'ld_answered%' AND json_extract(doc, '$.sla.escalation') != 0`)).toBe(0);
  }, 300_000);

  it('every tick stopped within the function timeout at 30 ms per request', () => {
    expect(tickCosts.length).toBeGreaterThan(3);
    expect(Math.max(...tickCosts)).toBeLessThanOrEqual(SLA_TIMER_TIMEOUT_SECONDS * 1000);
    // And each one that stopped early did so near its budget, not after a fraction of the work.
    expect(Math.max(...tickCosts)).toBeGreaterThanOrEqual(SLA_TICK_BUDGET_MS);
  });
});
