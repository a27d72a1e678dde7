import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction } from '../../cloudfunctions/_lib/action-runner';
import { silentLogger } from '../../cloudfunctions/_lib/deps';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { leadIntakeActions } from '../../cloudfunctions/lead-intake/actions';
import { createLocalDeps } from '../local-cloud/local-deps';
import { openSqliteStore } from '../local-cloud/sqlite-store';
import { seedIfEmpty } from '../seed/seed-store';

export interface LeadPipelineFigures {
  leads: number;
  pipelinePerSec: number;
  rawPerSec: number;
  ratio: number;
}

/**
 * Lead intake through the real use case (validate → normalise → dedupe → attribute → rate-limit → insert lead
 * + event in one transaction → outbox) ÷ raw better-sqlite3 inserts of the very same stored documents
 * (lead + event per transaction, same WAL/synchronous settings), in the same run.
 */
export const benchLeadPipeline = async (n = 2000): Promise<LeadPipelineFigures> => {
  const dir = mkdtempSync(join(tmpdir(), 'investcard-bench-'));
  const store = openSqliteStore(join(dir, 'pipeline.sqlite'));
  try {
    let t = Date.parse('2026-11-30T01:00:00Z');
    // One simulated second per submission keeps the district burst budget (120/min) out of the way.
    const deps = { ...createLocalDeps(store, { clock: () => new Date((t += 1000)) }), log: silentLogger };
    await seedIfEmpty(store, new Date(t));
    const input = (i: number) => ({
      idempotencyKey: `bench-key-${i.toString().padStart(8, '0')}`,
      contact: { name: '测试投资人', company: `基准测试公司${i}`, phone: `1390013${(i % 10000).toString().padStart(4, '0')}` },
      need: { industry: '人工智能', scale: '10m_50m', carrierType: 'building', areaMin: 500, areaMax: 1500 },
      message: '计划设立研发中心，想了解楼宇租金与人才政策。',
      source: { channel: 'chat', cardId: 'card-staff-tech' },
      consent: { agreed: true, noticeVersion: '2026-11' },
    });
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i += 1) {
      const r = await runAction(leadIntakeActions, deps, { openid: `bench-openid-${i % 1000}`, appid: null, origin: 'test', requestId: `b${i}` }, { action: 'lead.submit', input: input(i) });
      if (!r.ok) throw new Error(`submit ${i} failed: ${r.error.code}`);
    }
    const pipelineSec = Number(process.hrtime.bigint() - t0) / 1e9;

    const leads = await store.find(COLLECTIONS.leads.name, { limit: 1000 });
    const events = await store.find(COLLECTIONS.leadEvents.name, { limit: 1000 });
    const raw = new Database(join(dir, 'raw.sqlite'));
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = NORMAL');
    raw.exec('CREATE TABLE leads (id TEXT PRIMARY KEY, doc TEXT NOT NULL); CREATE TABLE events (id TEXT PRIMARY KEY, doc TEXT NOT NULL);');
    const insLead = raw.prepare('INSERT INTO leads (id, doc) VALUES (?, ?)');
    const insEvent = raw.prepare('INSERT INTO events (id, doc) VALUES (?, ?)');
    const pair = raw.transaction((i: number) => {
      const l = leads[i % leads.length];
      const e = events[i % events.length];
      insLead.run(`${l._id}-${i}`, JSON.stringify(l));
      insEvent.run(`${e._id}-${i}`, JSON.stringify(e));
    });
    const r0 = process.hrtime.bigint();
    for (let i = 0; i < n; i += 1) pair(i);
    const rawSec = Number(process.hrtime.bigint() - r0) / 1e9;
    raw.close();
    return { leads: n, pipelinePerSec: n / pipelineSec, rawPerSec: n / rawSec, ratio: n / pipelineSec / (n / rawSec) };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
};
