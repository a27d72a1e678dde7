/**
 * What an action costs on WeChat Cloud, counted from outside: every use case runs through the action runner on
 * the real wx-server-sdk over the fake cloud database (tests/support/fake-tcb-backend.ts), which traces each
 * request the SDK sends with its wave. Shared by the budgets test (tests/contracts/cloud-cost-budgets.test.ts)
 * and the bench (tools/bench/cloud-cost-bench.ts), so both read the same counter.
 *
 * - requests: everything sent to the database service (each a billed request and a round trip);
 * - reads: getDocument + calculateDocument (find, get by id, count); writes: insert, modify, remove;
 * - transactions: start, commit and abort requests, counted apart;
 * - waves: the critical path — a request's wave is 1 + the highest wave among the requests answered before it
 *   was sent, within one action; an action's waves are its highest. At ~10–40 ms per round trip, waves × that is
 *   what the caller waits for on top of the function's own start.
 */
import type { ActionResult } from '../../domain/common/result';
import type { Lead } from '../../domain/lead/lead.schema';
import type { LeadEvent } from '../../domain/lead/lead-event.schema';
import { runAction } from '../../cloudfunctions/_lib/action-runner';
import { silentLogger, type Deps } from '../../cloudfunctions/_lib/deps';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { WxStore } from '../../cloudfunctions/_lib/store/wx-store';
import { runSlaTick, type SlaTickOptions, type SlaTickReport } from '../../cloudfunctions/sla-timer/run-sla-tick';
import { ALL_ACTIONS } from '../../tools/local-cloud/all-actions';
import { createLocalDeps } from '../../tools/local-cloud/local-deps';
import { buildDemoDistrict } from '../../tools/seed/demo-district';
import { createTestWxDatabase, installFakeTcbBackend, installNetworkGuard, type FakeTcbBackend, type NetworkGuard, type TracedRequest } from './fake-tcb-backend';

export interface RequestCost {
  requests: number;
  reads: number;
  writes: number;
  txStarts: number;
  txCommits: number;
  txAborts: number;
  waves: number;
  /** Counts (calculateDocument) alone: a fan-out of counts shows here. */
  counts: number;
}

const READS = new Set(['database.getDocument', 'database.calculateDocument']);
const WRITES = new Set(['database.insertDocument', 'database.modifyDocument', 'database.removeDocument']);

export const costOf = (requests: readonly TracedRequest[]): RequestCost => ({
  requests: requests.length,
  reads: requests.filter((r) => READS.has(r.action)).length,
  writes: requests.filter((r) => WRITES.has(r.action)).length,
  txStarts: requests.filter((r) => r.action === 'database.startTransaction').length,
  txCommits: requests.filter((r) => r.action === 'database.commitTransaction').length,
  txAborts: requests.filter((r) => r.action === 'database.abortTransaction').length,
  waves: requests.reduce((max, r) => Math.max(max, r.wave), 0),
  counts: requests.filter((r) => r.action === 'database.calculateDocument').length,
});

/** Identities of the demo seed. */
export const DEMO = {
  investorA: 'demo-openid-investor-a',
  investorB: 'demo-openid-investor-b',
  head: 'demo-openid-head',
  commissioner: 'demo-openid-commissioner',
  tech: 'demo-openid-tech',
} as const;

export const DEMO_NOW = '2026-11-30T02:00:00.000Z'; // Monday 10:00 in China

export interface CostHarness {
  backend: FakeTcbBackend;
  deps: Deps;
  clock: { now: Date };
  /** Runs one action as `openid` and returns its result and what it cost. */
  measure<T = Record<string, unknown>>(action: string, input: unknown, openid: string | null): Promise<{ result: ActionResult<T>; cost: RequestCost }>;
  /** Like measure, but fails loudly unless the action succeeded. */
  measureOk<T = Record<string, unknown>>(action: string, input: unknown, openid: string | null): Promise<{ data: T; cost: RequestCost }>;
  /** One run of the SLA timer (options as the timer takes them, e.g. a modelled clock for its budget). */
  measureSlaTick(options?: SlaTickOptions): Promise<{ report: SlaTickReport; cost: RequestCost }>;
  /** Stores documents directly in the fake (seeding: not counted, no transaction). */
  seed(collection: string, docs: ReadonlyArray<{ _id: string } & Record<string, unknown>>): void;
  close(): void;
}

/** The demo district on the fake cloud database, with a fixed clock. One per test file (the fake is process-wide). */
export const createCostHarness = async (options: { latencyMs?: number; now?: string } = {}): Promise<CostHarness> => {
  const guard: NetworkGuard = installNetworkGuard();
  const backend = installFakeTcbBackend({ latencyMs: 0 });
  const store = new WxStore(createTestWxDatabase());
  const clock = { now: new Date(options.now ?? DEMO_NOW) };
  const deps = createLocalDeps(store, { clock: () => clock.now, log: silentLogger });
  const harness: CostHarness = {
    backend,
    deps,
    clock,
    async measure<T>(action: string, input: unknown, openid: string | null) {
      backend.beginTrace();
      const result = (await runAction(ALL_ACTIONS, deps, { openid, appid: null, origin: 'test', requestId: `cost-${action}` }, { action, input })) as ActionResult<T>;
      return { result, cost: costOf(backend.requests) };
    },
    async measureOk<T>(action: string, input: unknown, openid: string | null) {
      const { result, cost } = await harness.measure<T>(action, input, openid);
      if (!result.ok) throw new Error(`${action} failed: ${result.error.code} ${result.error.message}; unindexed: ${backend.unindexedQueries.join(' | ')}`);
      return { data: result.data, cost };
    },
    async measureSlaTick(options) {
      backend.beginTrace();
      const report = await runSlaTick(deps, options);
      return { report, cost: costOf(backend.requests) };
    },
    seed(collection, docs) {
      const table = backend.collections.get(collection);
      if (!table) throw new Error(`seeding ${collection}: not a declared collection`);
      for (const doc of docs) table.set(doc._id, structuredClone(doc));
    },
    close() {
      backend.uninstall();
      guard.uninstall();
    },
  };
  for (const [collection, docs] of Object.entries(buildDemoDistrict(clock.now))) harness.seed(collection, docs);
  backend.setLatency(options.latencyMs ?? 0);
  return harness;
};

let keys = 0;
/** A valid inquiry through the head's card; override any part. */
export const inquiry = (overrides: Record<string, unknown> = {}) => ({
  idempotencyKey: `cost-key-${(keys += 1).toString().padStart(8, '0')}-${Math.random().toString(36).slice(2, 8)}`,
  contact: { name: '李先生', company: '云帆智能科技有限公司', phone: '13900139000' },
  need: { industry: '人工智能', scale: '10m_50m', carrierType: 'building', areaMin: 500, areaMax: 1500 },
  message: '计划设立研发中心，想了解楼宇租金与人才政策。',
  source: { channel: 'chat', cardId: 'card-staff-head' },
  consent: { agreed: true, noticeVersion: '2026-11' },
  ...overrides,
});

/**
 * `n` copies of a stored lead (and its events) as if `n` inquiries had come in, each a minute older than the
 * last, optionally changed: the growth scenarios (an inbox with 1 000 leads) without 1 000 submissions.
 */
export const cloneLeads = (h: CostHarness, template: Lead, n: number, change: (lead: Lead, i: number) => Lead = (l) => l): Lead[] => {
  const events = [...(h.backend.collections.get(COLLECTIONS.leadEvents.name)?.values() ?? [])].filter((e) => e.leadId === template._id) as unknown as LeadEvent[];
  const leads: Lead[] = [];
  const copiedEvents: LeadEvent[] = [];
  for (let i = 0; i < n; i++) {
    const createdAt = new Date(new Date(template.createdAt).getTime() - (i + 1) * 60_000).toISOString();
    const lead = change({ ...structuredClone(template), _id: `${template._id}-c${i}`, createdAt, updatedAt: createdAt }, i);
    leads.push(lead);
    for (const e of events) copiedEvents.push({ ...structuredClone(e), _id: `${e._id}-c${i}`, leadId: lead._id, at: createdAt });
  }
  h.seed(COLLECTIONS.leads.name, leads as unknown as Array<{ _id: string }>);
  h.seed(COLLECTIONS.leadEvents.name, copiedEvents as unknown as Array<{ _id: string }>);
  return leads;
};

export const storedLead = (h: CostHarness, id: string): Lead => {
  const lead = h.backend.collections.get(COLLECTIONS.leads.name)?.get(id);
  if (!lead) throw new Error(`lead ${id} is not stored`);
  return structuredClone(lead) as unknown as Lead;
};
