import { PERSONA_HEADER } from '../../domain/api/contract';
import { startLocalCloudProcess, removeDataDir } from '../local-cloud/local-cloud-process';
import { fmt, percentile } from './stats';

export interface HttpFigures {
  action: string;
  clients: number;
  requests: number;
  errors: number;
  p50: number;
  p99: number;
  perSec: number;
}

/**
 * 50 concurrent clients against the local cloud running in its own process on loopback (bounded: a fixed
 * number of requests per client, then it stops).
 */
export const benchHttp = async (clients = 50, perClient = 40): Promise<HttpFigures[]> => {
  const cloud = await startLocalCloudProcess({ env: { INVESTCARD_SKIP_H5_BUILD: '1', INVESTCARD_DISTRICT_BURST_PER_MIN: '1000000' } });
  try {
    const post = async (action: string, input: unknown, persona: string) => {
      const res = await fetch(`${cloud.url}api/${action}`, { method: 'POST', headers: { 'content-type': 'application/json', [PERSONA_HEADER]: persona }, body: JSON.stringify({ input }) });
      const body = (await res.json()) as { ok: boolean };
      return body.ok;
    };

    const run = async (action: string, makeInput: (client: number, i: number) => unknown): Promise<HttpFigures> => {
      const samples: number[] = [];
      let errors = 0;
      const t0 = process.hrtime.bigint();
      await Promise.all(
        Array.from({ length: clients }, async (_, c) => {
          for (let i = 0; i < perClient; i += 1) {
            const s = process.hrtime.bigint();
            // Each client is its own investor and submits at most 5 times, inside the per-investor limit.
            const ok = await post(action, makeInput(c, i), `guest-b${c}-${Math.floor(i / 5)}`).catch(() => false);
            samples.push(Number(process.hrtime.bigint() - s) / 1e6);
            if (!ok) errors += 1;
          }
        }),
      );
      const sec = Number(process.hrtime.bigint() - t0) / 1e9;
      return { action, clients, requests: samples.length, errors, p50: percentile(samples, 50), p99: percentile(samples, 99), perSec: samples.length / sec };
    };
    const card = await run('card.get', () => ({}));
    const submit = await run('lead.submit', (c, i) => ({
      idempotencyKey: `http-bench-${c.toString().padStart(3, '0')}-${i.toString().padStart(5, '0')}`,
      contact: { name: '压测投资人', company: '压测公司', phone: '13900139000' },
      need: { industry: '人工智能', scale: 'undecided' },
      message: '',
      source: { channel: 'web_link', cardId: 'card-staff-head' },
      consent: { agreed: true, noticeVersion: '2026-11' },
    }));
    return [card, submit];
  } finally {
    await cloud.stop();
    removeDataDir(cloud.dataDir);
  }
};

export const printHttp = (rows: HttpFigures[]) => {
  for (const r of rows) console.log(`  ${r.action.padEnd(20)} ${r.clients} clients × ${r.requests / r.clients}: p50 ${fmt(r.p50)} ms, p99 ${fmt(r.p99)} ms, ${fmt(r.perSec, 0)} req/s, errors ${r.errors}`);
};
