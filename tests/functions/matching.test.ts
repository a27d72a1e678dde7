import type { CarrierMatches } from '../../domain/api/matching.contracts';
import type { Carrier } from '../../domain/carrier/carrier.schema';
import { createTestBackend, leadInput, OPENID, type TestBackend } from '../support/test-backend';

describe('matching needs to carriers, on a real SQLite file with the demo district', () => {
  let b: TestBackend;
  let factories: Carrier[];
  beforeAll(async () => {
    b = await createTestBackend();
    factories = await b.store.find<Carrier>('carriers', { where: { districtId: 'demo-linjiang', type: 'factory' }, limit: 100 });
  });
  afterAll(() => b.close());

  it('offers an investor with no identity the factories that fit «3 000 ㎡ 厂房, 新能源», with reasons', async () => {
    const r = await b.ok<CarrierMatches>('carrier.match', { districtId: 'demo-linjiang', need: { carrierType: 'factory', areaMin: 3_000, industry: '新能源' } }, OPENID.anonymous);
    const fitting = factories.filter((c) => c.hasVacancy && c.vacantArea >= 3_000);
    expect(fitting.length).toBeGreaterThan(0);
    expect(r.matches.length).toBe(Math.min(5, fitting.length));
    for (const m of r.matches) {
      expect(m.carrier.type).toBe('factory');
      expect(m.carrier.vacantArea).toBeGreaterThanOrEqual(3_000);
      expect(m.reasons[0]).toEqual({ code: 'area_fits', vacantArea: m.carrier.vacantArea });
    }
    const scores = r.matches.map((m) => m.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
  });

  it('names what a near miss lacks', async () => {
    // Ask for a little more than the largest vacancy: nothing fits, the largest is a near miss.
    const largest = factories.filter((c) => c.hasVacancy).sort((x, y) => y.vacantArea - x.vacantArea)[0];
    const asked = Math.ceil(largest.vacantArea * 1.1);
    const r = await b.ok<CarrierMatches>('carrier.match', { districtId: 'demo-linjiang', need: { carrierType: 'factory', areaMin: asked } }, null);
    expect(r.matches).toEqual([]);
    expect(r.nearMisses[0].carrier.id).toBe(largest._id);
    expect(r.nearMisses[0].failed).toEqual({ code: 'area_short', short: asked - largest.vacantArea, vacantArea: largest.vacantArea });
  });

  it('answers an English page with the carriers’ English names, Chinese-only ones named in fallbackZh', async () => {
    const need = { carrierType: 'factory' as const, areaMin: 500 };
    const zh = await b.ok<CarrierMatches>('carrier.match', { districtId: 'demo-linjiang', need, limit: 10 }, null);
    const en = await b.ok<CarrierMatches>('carrier.match', { districtId: 'demo-linjiang', need, limit: 10, lang: 'en' }, null);
    expect(en.matches.map((m) => m.carrier.id)).toEqual(zh.matches.map((m) => m.carrier.id));
    expect(zh.matches.every((m) => m.carrier.fallbackZh === undefined)).toBe(true);
    for (const m of en.matches) {
      const seeded = factories.find((c) => c._id === m.carrier.id) as Carrier;
      expect(m.carrier.name).toBe(seeded.nameEn || seeded.name);
      expect(m.carrier.fallbackZh?.includes('name')).toBe(!seeded.nameEn);
    }
    expect(en.matches.some((m) => !m.carrier.fallbackZh?.includes('name'))).toBe(true);
  });

  it('gives the handling staff the matches of a lead, and hides the lead from others', async () => {
    const lead = await b.ok<{ leadId: string }>(
      'lead.submit',
      leadInput({ need: { industry: '新能源', scale: '10m_50m', carrierType: 'factory', areaMin: 3_000 } }),
      OPENID.investorA,
    );
    const r = await b.ok<CarrierMatches>('lead.matches', { leadId: lead.leadId }, OPENID.head);
    expect(r.matches.length).toBeGreaterThan(0);
    expect(r.matches.every((m) => m.carrier.type === 'factory' && m.carrier.vacantArea >= 3_000)).toBe(true);
    expect(await b.call('lead.matches', { leadId: lead.leadId }, OPENID.investorA)).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    expect(await b.call('lead.matches', { leadId: lead.leadId }, OPENID.tech)).toMatchObject({ ok: false, error: { code: 'LEAD.NOT_FOUND' } });
  });

  it('keeps the language an investor asked in, so the recommendation can be written in it, and reads matches in English for it', async () => {
    const asked = async (lang?: 'zh' | 'en') =>
      (await b.ok<{ leadId: string }>('lead.submit', leadInput({ need: { industry: '新能源', scale: '10m_50m', carrierType: 'factory', areaMin: 1_000 }, ...(lang ? { lang } : {}) }), OPENID.investorB)).leadId;
    const english = await asked('en');
    const chinese = await asked();
    expect(await b.ok('lead.detail', { leadId: english }, OPENID.head)).toMatchObject({ investorLang: 'en' });
    expect(await b.ok('lead.detail', { leadId: chinese }, OPENID.head)).toMatchObject({ investorLang: 'zh' });
    const inEnglish = await b.ok<CarrierMatches>('lead.matches', { leadId: english, lang: 'en' }, OPENID.head);
    expect(inEnglish.matches.some((m) => m.carrier.fallbackZh !== undefined)).toBe(true);
    expect(await b.call('lead.submit', leadInput({ lang: 'fr' }), OPENID.investorB)).toMatchObject({ ok: false, error: { code: 'VALIDATION.INVALID_INPUT' } });
  });

  it('refuses a need it cannot read', async () => {
    for (const need of [{}, [], { areaMin: -1 }, { carrierType: 'castle' }, { budgetMax: 10, budgetUnit: 'per_year' }, { budgetMax: 10 }, { areaMin: { $gt: 0 } }, { extra: 1 }]) {
      expect(await b.call('carrier.match', { districtId: 'demo-linjiang', need }, null)).toMatchObject({ ok: false, error: { code: 'VALIDATION.INVALID_INPUT' } });
    }
  });
});
