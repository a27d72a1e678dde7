import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CARRIER_TYPES } from '../../domain/carrier/carrier.schema';
import { runAction } from '../../cloudfunctions/_lib/action-runner';
import { silentLogger } from '../../cloudfunctions/_lib/deps';
import type { FindQuery } from '../../cloudfunctions/_lib/store/store-port';
import { publicReadActions } from '../../cloudfunctions/public-read/actions';
import { createLocalDeps } from '../local-cloud/local-deps';
import { openSqliteStore } from '../local-cloud/sqlite-store';
import { makeCarrier } from '../seed/demo-district';
import { fmt, percentile } from './stats';

const mulberry = (seed: number) => () => {
  let t = (seed += 0x6d2b79f5);
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

export interface CarrierSearchFigures {
  carriers: number;
  p50: number;
  p99: number;
  /** Filters and sorts served by indexes. */
  indexedP50: number;
  indexedP99: number;
  /** Keyword search: a LIKE scan (it must find 2-character terms such as 厂房, which FTS tokenizers miss). */
  keywordP50: number;
  keywordP99: number;
  queries: number;
  plan: string[];
}

/** Carrier search through the real use case (validation, query, mapping) over N generated carriers. */
export const benchCarrierSearch = async (n: number, queries = 400): Promise<CarrierSearchFigures> => {
  const dir = mkdtempSync(join(tmpdir(), 'investcard-bench-'));
  const store = openSqliteStore(join(dir, 'bench.sqlite'));
  try {
    const rand = mulberry(7);
    const now = new Date('2026-11-30T00:00:00Z');
    await store.transaction(async (tx) => {
      for (let i = 0; i < n; i += 1) {
        const c = makeCarrier(CARRIER_TYPES[i % CARRIER_TYPES.length], Math.floor(i / CARRIER_TYPES.length), now, rand, 'bench-district');
        await tx.insert('carriers', { ...c, _id: `c${i}` });
      }
    });
    let lastQuery: FindQuery | null = null;
    const spied = Object.create(store) as typeof store;
    spied.find = (collection, query) => {
      lastQuery = query;
      return store.find(collection, query);
    };
    const deps = { ...createLocalDeps(spied), log: silentLogger };
    const shapes = [
      { type: 'factory', hasVacancy: true },
      { type: 'building', sort: 'price' },
      { hasVacancy: true, minVacantArea: 1000, maxVacantArea: 20000 },
      { type: 'industrial_park', sort: 'verified' },
      { keyword: '厂房' },
      { industry: '人工智能', type: 'incubator' },
    ];
    const samples: number[] = [];
    const indexed: number[] = [];
    const keyword: number[] = [];
    for (let i = 0; i < queries; i += 1) {
      const shape = shapes[i % shapes.length];
      const input = { districtId: 'bench-district', limit: 20, ...shape };
      const t0 = process.hrtime.bigint();
      const r = await runAction(publicReadActions, deps, { openid: null, appid: null, origin: 'test', requestId: `b${i}` }, { action: 'carrier.search', input });
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      samples.push(ms);
      ('keyword' in shape ? keyword : indexed).push(ms);
      if (!r.ok) throw new Error(`search failed: ${r.error.code}`);
    }
    await runAction(publicReadActions, deps, { openid: null, appid: null, origin: 'test', requestId: 'plan' }, {
      action: 'carrier.search',
      input: { districtId: 'bench-district', type: 'factory', hasVacancy: true, limit: 20 },
    });
    const plan = lastQuery ? store.explainFind('carriers', lastQuery) : [];
    return {
      carriers: n,
      p50: percentile(samples, 50),
      p99: percentile(samples, 99),
      indexedP50: percentile(indexed, 50),
      indexedP99: percentile(indexed, 99),
      keywordP50: percentile(keyword, 50),
      keywordP99: percentile(keyword, 99),
      queries,
      plan,
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
};

export const printCarrierSearch = (f: CarrierSearchFigures) => {
  console.log(`  ${f.carriers.toLocaleString('en')} carriers: p50 ${fmt(f.p50)} ms, p99 ${fmt(f.p99)} ms over ${f.queries} mixed queries`);
  console.log(`    indexed filters/sorts p50 ${fmt(f.indexedP50)} ms, p99 ${fmt(f.indexedP99)} ms; keyword (LIKE scan) p50 ${fmt(f.keywordP50)} ms, p99 ${fmt(f.keywordP99)} ms`);
  console.log(`    plan (type + vacancy, sorted by vacancy): ${f.plan.join(' | ')}`);
};
