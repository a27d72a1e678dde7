import type { Carrier } from '../../domain/carrier/carrier.schema';
import { carrierTypeForKeyword, CARRIER_TYPE_SYNONYMS } from '../../domain/carrier/carrier-search.rules';
import { CARRIER_TYPE_LABELS, CARRIER_TYPES } from '../../domain/carrier/carrier.schema';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { createTestBackend, type TestBackend } from '../support/test-backend';

type Found = { items: Array<{ id: string; type: string }>; nextCursor: string | null; total?: number | null; keywordType?: string | null };

describe('carrier search: type synonyms and the result count', () => {
  let b: TestBackend;
  beforeAll(async () => {
    b = await createTestBackend();
  });
  afterAll(() => b.close());

  const district = 'demo-linjiang';
  const carriersOf = async (type?: string) =>
    (await b.store.find<Carrier>(COLLECTIONS.carriers.name, { where: { districtId: district, ...(type ? { type } : {}) }, limit: 1000 })).length;

  it('every type’s own label is one of its synonyms, and no word names two types', () => {
    for (const t of CARRIER_TYPES) expect(carrierTypeForKeyword(CARRIER_TYPE_LABELS[t])).toBe(t);
    const all = Object.values(CARRIER_TYPE_SYNONYMS).flat();
    expect(new Set(all).size).toBe(all.length);
    expect(carrierTypeForKeyword(' 园区 ')).toBe('industrial_park');
    expect(carrierTypeForKeyword('写字楼')).toBe('building');
    expect(carrierTypeForKeyword('临江')).toBeNull();
  });

  it('knows the English words for each kind of carrier, in any case, and never «site» (every carrier is one)', () => {
    const english: Array<[string, string]> = [
      ['factory', 'factory'], ['Plant', 'factory'], ['warehouse', 'factory'],
      ['office', 'building'], ['Office Building', 'building'],
      ['industrial park', 'industrial_park'], ['park', 'industrial_park'],
      ['land', 'industrial_land'], ['industrial land', 'industrial_land'],
      ['heritage', 'heritage'], ['incubator', 'incubator'], ['coworking', 'incubator'],
    ];
    expect(english.map(([word]) => [word, carrierTypeForKeyword(word)])).toEqual(english);
    expect(carrierTypeForKeyword('site')).toBeNull();
    expect(carrierTypeForKeyword('Linjiang')).toBeNull();
    // Every English type name the pages show is a synonym of its type.
    const { en } = require('../../src/i18n/en') as typeof import('../../src/i18n/en');
    const { carrierTypeText } = require('../../src/i18n/carrier-text') as typeof import('../../src/i18n/carrier-text');
    for (const t of CARRIER_TYPES) expect([t, carrierTypeForKeyword(carrierTypeText(en, t))]).toEqual([t, t]);
  });

  it('«factory» on an English page finds the 厂房 carriers and counts them all', async () => {
    const factories = await carriersOf('factory');
    const r = await b.ok<Found>('carrier.search', { districtId: district, keyword: 'Factory', limit: 2, lang: 'en' }, null);
    expect(r.keywordType).toBe('factory');
    expect(r.items.every((c) => c.type === 'factory')).toBe(true);
    expect(r.total).toBe(factories);
  });

  it('«园区» finds the 产业园 carriers, says so, and counts them all', async () => {
    const parks = await carriersOf('industrial_park');
    expect(parks).toBeGreaterThan(0);
    const r = await b.ok<Found>('carrier.search', { districtId: district, keyword: '园区', limit: 2 }, null);
    expect(r.keywordType).toBe('industrial_park');
    expect(r.items.length).toBeGreaterThan(0);
    expect(r.items.every((c) => c.type === 'industrial_park')).toBe(true);
    expect(r.total).toBe(parks);
  });

  it('counts the whole match on the first page and leaves later pages without a count', async () => {
    const first = await b.ok<Found>('carrier.search', { districtId: district, limit: 3 }, null);
    expect(first.total).toBe(await carriersOf());
    expect(first.nextCursor).not.toBeNull();
    const second = await b.ok<Found>('carrier.search', { districtId: district, limit: 3, cursor: first.nextCursor }, null);
    expect(second.total).toBeNull();
  });

  it('inside another type’s tab a synonym is an ordinary text search', async () => {
    const r = await b.ok<Found>('carrier.search', { districtId: district, type: 'factory', keyword: '园区' }, null);
    expect(r.keywordType).toBeNull();
    expect(r.items.every((c) => c.type === 'factory')).toBe(true);
    expect(r.total).toBe(r.items.length);
  });
});
