import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CARRIER_TYPES } from '../../domain/carrier/carrier.schema';
import { solveChallenge, WEB_CHALLENGE_BITS } from '../../domain/lead/web-challenge.rules';
import { runAction } from '../../cloudfunctions/_lib/action-runner';
import { DEFAULT_INTAKE_LIMITS, silentLogger } from '../../cloudfunctions/_lib/deps';
import { publicReadActions } from '../../cloudfunctions/public-read/actions';
import { ALL_ACTIONS } from '../local-cloud/all-actions';
import { createLocalDeps } from '../local-cloud/local-deps';
import { startLocalCloud } from '../local-cloud/server';
import { openSqliteStore } from '../local-cloud/sqlite-store';
import { DEMO_DISTRICT_ID, makeCarrier } from '../seed/demo-district';
import { seedIfEmpty } from '../seed/seed-store';
import { fmt, percentile } from './stats';

/** A small seeded generator, so every run matches over the same carriers. */
const seeded = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};

const withStore = async <T>(run: (store: ReturnType<typeof openSqliteStore>) => Promise<T>): Promise<T> => {
  const dir = mkdtempSync(join(tmpdir(), 'investcard-reach-bench-'));
  const store = openSqliteStore(join(dir, 'bench.sqlite'));
  try {
    return await run(store);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
};

export interface MatchingFigures {
  carriers: number;
  queries: number;
  p50: number;
  p99: number;
  /** How many matches the needs found on average (a bench that matched nothing would measure nothing). */
  meanMatches: number;
}

/** `carrier.match` through the real use case over N generated carriers of one district. */
export const benchMatching = async (n = 10_000, queries = 300): Promise<MatchingFigures> =>
  withStore(async (store) => {
    const now = new Date('2026-11-30T02:00:00Z');
    await seedIfEmpty(store, now);
    const rand = seeded(15);
    await store.transaction(async (tx) => {
      for (let i = 0; i < n; i += 1) {
        const c = makeCarrier(CARRIER_TYPES[i % CARRIER_TYPES.length], 1000 + Math.floor(i / CARRIER_TYPES.length), now, rand, DEMO_DISTRICT_ID);
        await tx.insert('carriers', { ...c, _id: `bench-c${i}` });
      }
    });
    const deps = { ...createLocalDeps(store, { clock: () => now }), log: silentLogger };
    const needs = [
      { carrierType: 'factory', areaMin: 3000, industry: '新能源' },
      { carrierType: 'building', areaMin: 500, areaMax: 1500, budgetMax: 4, budgetUnit: 'yuan_per_sqm_day' },
      { areaMin: 1000, industry: '人工智能' },
      { carrierType: 'industrial_land', areaMin: 20_000 },
      { carrierType: 'incubator', areaMax: 300, industry: '生物医药' },
      { industry: '先进制造', street: '金湾街道' },
    ];
    const samples: number[] = [];
    let matched = 0;
    for (let i = 0; i < queries; i += 1) {
      const t0 = process.hrtime.bigint();
      const r = await runAction(publicReadActions, deps, { openid: null, appid: null, origin: 'test', requestId: `m${i}` }, { action: 'carrier.match', input: { districtId: DEMO_DISTRICT_ID, need: needs[i % needs.length], limit: 5 } });
      samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (!r.ok) throw new Error(`carrier.match failed: ${r.error.code}`);
      matched += (r.data as { matches: unknown[] }).matches.length;
    }
    return { carriers: n, queries, p50: percentile(samples, 50), p99: percentile(samples, 99), meanMatches: matched / queries };
  });

export interface WebSubmitFigures {
  clients: number;
  inquiries: number;
  errors: number;
  challengeP99: number;
  submitP50: number;
  submitP99: number;
  /** Solving the proof of work happens in the visitor's browser while they type: shown apart, not in the submit. */
  solveP50: number;
}

/**
 * The web path over HTTP on loopback: browsers with no WeChat identity (a cookie each) ask for a challenge,
 * solve it, and submit. The per-address limit is lifted because every client shares 127.0.0.1, and the per-visitor limits, since each browser sends ten.
 */
export const benchWebSubmit = async (clients = 20, perClient = 10): Promise<WebSubmitFigures> =>
  withStore(async (store) => {
    await seedIfEmpty(store, new Date());
    const deps = createLocalDeps(store, {
      quiet: true,
      analyticsSecret: 'reach-bench-secret-0123456789abcdef0123',
      // The server's work per submit (one hash to verify) does not depend on the difficulty; an easy challenge
      // keeps the solving, which shares this process, from stalling the server being measured.
      intakeLimits: { ...DEFAULT_INTAKE_LIMITS, perDistrictPerMinute: 1_000_000, perInvestorPer10Min: 1_000_000, perInvestorPerDay: 1_000_000, perWebAddressPerHour: 1_000_000, perContactPerDay: 1_000_000, webChallengeBits: 6 },
    });
    const cloud = await startLocalCloud({ deps, actions: ALL_ACTIONS, port: 0, host: '127.0.0.1' });
    const challenge: number[] = [];
    const submit: number[] = [];
    const solve: number[] = [];
    let errors = 0;
    try {
      const post = async (action: string, input: unknown, cookie: string | null) => {
        const t0 = process.hrtime.bigint();
        const res = await fetch(new URL(`/api/${action}`, cloud.url), { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify({ input }) });
        const body = (await res.json()) as { ok: boolean; data?: Record<string, unknown> };
        return { body, ms: Number(process.hrtime.bigint() - t0) / 1e6, setCookie: res.headers.get('set-cookie') };
      };
      await Promise.all(
        Array.from({ length: clients }, async (_, c) => {
          let cookie: string | null = null;
          for (let i = 0; i < perClient; i += 1) {
            const issued = await post('lead.challenge', {}, cookie);
            cookie ??= issued.setCookie?.split(';')[0] ?? null;
            challenge.push(issued.ms);
            if (!issued.body.ok || !issued.body.data) {
              errors += 1;
              continue;
            }
            const { challenge: token, bits } = issued.body.data as { challenge: string; bits: number };
            const { nonce } = solveChallenge(token, bits);
            const sent = await post(
              'lead.submit',
              {
                idempotencyKey: `reach-bench-${String(c).padStart(3, '0')}-${String(i).padStart(5, '0')}`,
                contact: { name: '网页访客', company: '压测公司', phone: `139${String(c).padStart(4, '0')}${String(i).padStart(4, '0')}` },
                need: { industry: '新能源', scale: 'undecided' },
                message: '',
                source: { channel: 'web_link', cardId: 'card-staff-head' },
                consent: { agreed: true, noticeVersion: '2026-11' },
                proof: { challenge: token, nonce },
              },
              cookie,
            );
            submit.push(sent.ms);
            if (!sent.body.ok) errors += 1;
          }
        }),
      );
    } finally {
      await cloud.close();
    }
    // The real difficulty, solved here with no server running: what a visitor's device spends while typing.
    for (let i = 0; i < 10; i += 1) {
      const s0 = process.hrtime.bigint();
      solveChallenge(`${'Q'.repeat(20)}.${1_800_000_000_000 + i}.${WEB_CHALLENGE_BITS}.${'a'.repeat(64)}`, WEB_CHALLENGE_BITS);
      solve.push(Number(process.hrtime.bigint() - s0) / 1e6);
    }
    return { clients, inquiries: submit.length, errors, challengeP99: percentile(challenge, 99), submitP50: percentile(submit, 50), submitP99: percentile(submit, 99), solveP50: percentile(solve, 50) };
  });

export const printReach = (m: MatchingFigures, w: WebSubmitFigures): void => {
  console.log(`  matching over ${m.carriers} carriers, ${m.queries} needs: p50 ${fmt(m.p50)} ms, p99 ${fmt(m.p99)} ms (${fmt(m.meanMatches, 1)} matches per need)`);
  console.log(
    `  web inquiry on loopback, ${w.clients} browsers × ${w.inquiries / w.clients}: submit p50 ${fmt(w.submitP50)} ms, p99 ${fmt(w.submitP99)} ms; challenge p99 ${fmt(w.challengeP99)} ms; ${w.errors} errors (the ${WEB_CHALLENGE_BITS}-bit proof of work is solved in the browser while the visitor types: p50 ${fmt(w.solveP50)} ms here, not counted)`,
  );
};
