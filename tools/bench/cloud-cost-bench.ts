/**
 * What each action costs on WeChat Cloud: database requests (reads, writes, transaction start/commit) and the
 * critical path in waves, counted through the wx-server-sdk adapter over the fake transport — the same counter
 * the budgets test reads (tests/support/cloud-cost.ts, tests/contracts/cloud-cost-budgets.test.ts) — and how
 * it grows: a card with 10 vs 10 000 views, 我的咨询 and the inbox with 10 vs 1 000 leads, the SLA tick with
 * 20 vs 5 000 due leads.
 */
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { cloneLeads, createCostHarness, DEMO, inquiry, storedLead, type CostHarness, type RequestCost } from '../../tests/support/cloud-cost';
import { fmt } from './stats';

/** A round trip from a function to the database, as the issue measured it (10–40 ms). */
const MS_PER_WAVE = 20;
/**
 * CloudBase pay-as-you-go list prices as last known (¥ per 10 000 operations): reads 0.015, writes 0.05. An
 * assumption for the order of magnitude — check 云开发's current price list (packages include quotas) before
 * quoting; transaction start/commit are counted as writes here.
 */
const YUAN_PER_10K_READS = 0.015;
const YUAN_PER_10K_WRITES = 0.05;

export interface CostRow extends RequestCost {
  action: string;
  scenario: string;
  /** waves × MS_PER_WAVE: what the caller waits for on top of the function's own start. */
  pathMs: number;
  /** Per 10 000 calls. */
  readsPer10k: number;
  writesPer10k: number;
  yuanPer10k: number;
}

const row = (action: string, scenario: string, cost: RequestCost): CostRow => {
  const writes = cost.writes + cost.txStarts + cost.txCommits + cost.txAborts;
  return {
    action,
    scenario,
    ...cost,
    pathMs: cost.waves * MS_PER_WAVE,
    readsPer10k: cost.reads * 10_000,
    writesPer10k: writes * 10_000,
    yuanPer10k: cost.reads * YUAN_PER_10K_READS + writes * YUAN_PER_10K_WRITES,
  };
};

const CARD = 'card-staff-head';

/** Views are counters; what grows with them is the day's dedupe marks (one per visitor and minute). */
const seedViews = (h: CostHarness, from: number, to: number): void =>
  h.seed(
    COLLECTIONS.viewMarks.name,
    Array.from({ length: to - from }, (_, i) => ({ _id: `v-bench-${from + i}`, cardId: CARD, day: '2026-11-27' })),
  );

/** Every measured row; the harness is process-wide (the fake replaces the SDK's transport), so one at a time. */
export async function benchCloudCost(): Promise<CostRow[]> {
  const h = await createCostHarness();
  const rows: CostRow[] = [];
  const measure = async (action: string, scenario: string, input: unknown, openid: string | null) => {
    const { result, cost } = await h.measure(action, input, openid);
    if (!result.ok) throw new Error(`cost bench: ${action} (${scenario}) failed with ${result.error.code}`);
    rows.push(row(action, scenario, cost));
    return result.data as Record<string, unknown>;
  };
  try {
    // The card, by its own link and through a share, with 10 and then 10 000 views.
    seedViews(h, 0, 10);
    await measure('card.get', '10 views', { cardId: CARD }, null);
    await measure('card.stats', '10 views', {}, DEMO.head);
    seedViews(h, 10, 10_000);
    await measure('card.get', '10 000 views', { cardId: CARD }, null);
    await measure('card.stats', '10 000 views', {}, DEMO.head);
    await measure('card.get', 'bare link (first district)', {}, null);

    // Inquiries: direct, then through a 3-hop share chain (head → colleague → two visitors).
    let code = String((await measure('share.create', 'staff, first hop', { cardId: CARD, channel: 'chat' }, DEMO.head)).code);
    for (const sharer of [DEMO.tech, 'demo-openid-bench-visitor-1', 'demo-openid-bench-visitor-2']) {
      code = String((await measure('share.create', 'reshare', { cardId: CARD, channel: 'chat', parentCode: code }, sharer)).code);
    }
    await measure('card.get', 'with share code', { cardId: CARD, shareCode: code }, null);
    await measure('share.visit', 'one view', { cardId: CARD, channel: 'chat', visitorKey: 'bench-visitor-key-01' }, null);
    const input = inquiry();
    const first = await measure('lead.submit', 'direct', input, DEMO.investorA);
    await measure('lead.submit', 'retry (duplicate)', input, DEMO.investorA);
    await measure('lead.submit', '3-hop share chain', inquiry({ source: { channel: 'chat', cardId: CARD, shareCode: code } }), DEMO.investorB);

    // 我的咨询 and the inbox with 10 and then 1 000 leads.
    const template = storedLead(h, String(first.leadId));
    const handlerOpenid = String([...(h.backend.collections.get(COLLECTIONS.staff.name)?.values() ?? [])].find((s) => s._id === template.handling.staffId)?.openid);
    cloneLeads(h, template, 9);
    await measure('lead.mine', '10 leads', {}, DEMO.investorA);
    await measure('lead.inbox', '10 leads', { tab: 'mine' }, handlerOpenid);
    cloneLeads(h, template, 990, (l, i) => ({ ...l, _id: `${l._id}-k${i}` }));
    await measure('lead.mine', '1 000 leads', {}, DEMO.investorA);
    const inbox = await measure('lead.inbox', '1 000 leads', { tab: 'mine' }, handlerOpenid);
    await measure('lead.inbox', '1 000 leads, next page (no counts)', { tab: 'mine', cursor: inbox.nextCursor }, handlerOpenid);
    await measure('card.stats', 'after 3 inquiries, 4 hops', {}, DEMO.head);
    await measure('lead.detail', 'one lead', { leadId: template._id }, handlerOpenid);
    await measure('lead.reply', 'one reply', { leadId: template._id, text: '您好，已收到，稍后联系您。' }, handlerOpenid);
    await measure('carrier.search', 'first page', { districtId: 'demo-linjiang' }, null);
    await measure('directory.list', 'whole district', { districtId: 'demo-linjiang' }, null);

    // The SLA tick with 20 and then 5 000 leads past their first-response deadline (created a week earlier).
    const due = (n: number, tag: string) =>
      cloneLeads(h, { ...template, sla: { ...template.sla, escalation: 0, firstRespondedAt: null } }, n, (l, i) => {
        const createdAt = new Date(Date.parse('2026-11-20T02:00:00.000Z') + i * 1000).toISOString();
        return { ...l, _id: `${l._id}-${tag}${i}`, status: 'new', createdAt, sla: { ...l.sla, firstResponseDueAt: '2026-11-20T10:00:00.000Z' } };
      });
    h.backend.collections.get(COLLECTIONS.leads.name)?.clear();
    due(20, 'd');
    const tick = await h.measureSlaTick();
    rows.push(row('sla.tick', `20 due (${tick.report.scanned} scanned)`, tick.cost));
    due(5_000, 'e');
    // Ticks on the modelled clock (waves × MS_PER_WAVE): each stops at its budget, the next one continues.
    const modelled = { elapsedMs: () => h.backend.answeredWaves() * MS_PER_WAVE };
    const ticks: Array<Awaited<ReturnType<CostHarness['measureSlaTick']>>> = [];
    do ticks.push(await h.measureSlaTick(modelled));
    while (ticks[ticks.length - 1].report.outOfTime && ticks.length < 30);
    const scanned = ticks.reduce((n, t) => n + t.report.scanned, 0);
    rows.push(row('sla.tick', `5 000 due: tick 1 of ${ticks.length} (${ticks[0].report.scanned} scanned)`, ticks[0].cost));
    rows.push(row('sla.tick', `5 000 due: last tick (${scanned} scanned in all)`, ticks[ticks.length - 1].cost));
    h.backend.assertAllQueriesIndexed();
  } finally {
    h.close();
  }
  return rows;
}

export function printCloudCost(rows: readonly CostRow[]): void {
  const header = ['action', 'scenario', 'requests', 'reads', 'writes', 'tx', 'counts', 'waves', `≈path @${MS_PER_WAVE} ms`, 'reads/10k calls', 'writes/10k calls', '¥/10k calls'];
  const cells = rows.map((r) => [
    r.action,
    r.scenario,
    String(r.requests),
    String(r.reads),
    String(r.writes),
    `${r.txStarts}/${r.txCommits}${r.txAborts ? `/${r.txAborts}a` : ''}`,
    String(r.counts),
    String(r.waves),
    `${r.pathMs} ms`,
    String(r.readsPer10k),
    String(r.writesPer10k),
    fmt(r.yuanPer10k, 2),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => `  ${c.map((v, i) => (i < 2 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join('  ')}`;
  console.log(line(header));
  for (const c of cells) console.log(line(c));
  console.log(`  tx = transaction start/commit requests; path = waves × ${MS_PER_WAVE} ms per round trip; ¥ at an assumed ¥${YUAN_PER_10K_READS}/10k reads, ¥${YUAN_PER_10K_WRITES}/10k writes (tx counted as writes)`);
}
