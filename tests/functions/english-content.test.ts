import type { CardView, CarrierDetail, CarrierSummary } from '../../domain/api/views.schema';
import { isFallbackZh } from '../../domain/common/content-language';
import { createTestBackend, OPENID, type TestBackend } from '../support/test-backend';

const HAN = /[\u3400-\u9fff]/;

describe('public reads in the page language, on a real SQLite file', () => {
  let b: TestBackend;
  beforeAll(async () => {
    b = await createTestBackend();
  });
  afterAll(() => b.close());

  describe('card.get', () => {
    it('in English: the district, the card and its people read English, and nothing falls back where English exists', async () => {
      const card = await b.ok<CardView>('card.get', { cardId: 'card-staff-head', lang: 'en' }, OPENID.anonymous);
      expect(card.district).toMatchObject({ name: 'Linjiang District, Yunchuan (demo)', slogan: 'Invest by the river, invest now' });
      expect(card.district.intro).toMatch(/^Linjiang lies on the riverside belt/);
      expect(card.district.keyIndustries.slice(0, 3)).toEqual(['Digital economy', 'Advanced manufacturing', 'Biomedicine']);
      expect(card.district.headlineFigures[0]).toEqual({ label: 'GDP', value: 'CNY 128.6 bn' });
      expect(card.district.policyHighlights[1]).toBe('Headquarters: awards of up to CNY 10 million');
      expect(card.district.fallbackZh).toEqual([]);
      expect(card.greeting).toBe('We mean business: let us connect you, invest with you and grow with you.');
      expect(card.featuredIndustries).toEqual(['Digital economy', 'Advanced manufacturing']);
      expect(card.fallbackZh).toEqual([]);
      expect(card.owner).toMatchObject({ name: 'Lin Zhiyuan', title: 'District Mayor, Linjiang · Investment officer', unitName: 'Investment Promotion Bureau', fallbackZh: [] });
      expect(card.highlightedCarriers.map((c) => c.name)).toEqual(['Linjiang Financial Centre', 'Linjiang Smart Manufacturing Park', 'High-tech Standard Factory, Zone A']);
      expect(card.highlightedCarriers.every((c) => c.fallbackZh?.length === 0)).toBe(true);
    });

    it('in Chinese (or without a language): the Chinese texts, and no fallback list at all', async () => {
      for (const input of [{ cardId: 'card-staff-head' }, { cardId: 'card-staff-head', lang: 'zh' }]) {
        const card = await b.ok<CardView>('card.get', input, null);
        expect(card.district.slogan).toBe('临江而立，投资正当时');
        expect(card.owner.name).toBe('林致远');
        expect(card.highlightedCarriers[0].name).toBe('临江金融中心');
        expect([card.fallbackZh, card.district.fallbackZh, card.owner.fallbackZh, card.highlightedCarriers[0].fallbackZh]).toEqual([undefined, undefined, undefined, undefined]);
      }
    });

    it('flags every text it had to show in Chinese: a district with no English at all', async () => {
      const card = await b.ok<CardView>('card.get', { cardId: 'card-ws-staff-head', lang: 'en' }, null);
      expect(HAN.test(card.district.name)).toBe(true);
      expect(card.district.fallbackZh).toEqual(expect.arrayContaining(['name', 'slogan', 'intro', 'keyIndustries.0', 'headlineFigures.0.label']));
      expect(isFallbackZh(card.owner, 'name')).toBe(true);
      expect(isFallbackZh(card.owner, 'unitName')).toBe(true);
      expect(isFallbackZh(card, 'greeting')).toBe(true);
    });

    it('answers a typed error for a language it does not know', async () => {
      expect(await b.call('card.get', { cardId: 'card-staff-head', lang: 'fr' }, null)).toMatchObject({ ok: false, error: { code: 'VALIDATION.INVALID_INPUT' } });
    });
  });

  describe('carriers', () => {
    const search = (input: Record<string, unknown>) => b.ok<{ items: CarrierSummary[] }>('carrier.search', { districtId: 'demo-linjiang', limit: 50, ...input }, null);

    it('lists English names where they exist, Chinese ones flagged where they do not', async () => {
      const { items } = await search({ lang: 'en' });
      const english = items.filter((c) => !HAN.test(c.name));
      const chinese = items.filter((c) => HAN.test(c.name));
      expect(english.length).toBeGreaterThanOrEqual(3);
      expect(chinese.length).toBeGreaterThan(0);
      expect(english.every((c) => !isFallbackZh(c, 'name'))).toBe(true);
      expect(chinese.every((c) => isFallbackZh(c, 'name') && isFallbackZh(c, 'street'))).toBe(true);
    });

    it('finds carriers by their English names, and answers them in English', async () => {
      const { items } = await search({ keyword: 'financial centre', lang: 'en' });
      expect(items.map((c) => c.name)).toEqual(['Linjiang Financial Centre']);
      const inChinese = await search({ keyword: 'Smart Manufacturing Park' });
      expect(inChinese.items.map((c) => c.name)).toEqual(['临江智造产业园']);
    });

    it('a carrier’s details in English, and the Chinese one flagged field by field', async () => {
      const en = await b.ok<CarrierDetail>('carrier.get', { carrierId: 'factory-001', lang: 'en' }, null);
      expect(en).toMatchObject({ name: 'High-tech Standard Factory, Zone A', districtName: 'Linjiang District, Yunchuan (demo)', fallbackZh: [] });
      expect(en.address).toMatch(/Linjiang District, Yunchuan$/);
      expect(en.facilities.every((f) => !HAN.test(f))).toBe(true);
      const zhOnly = await b.ok<CarrierDetail>('carrier.get', { carrierId: 'factory-002', lang: 'en' }, null);
      expect(zhOnly.fallbackZh).toEqual(expect.arrayContaining(['name', 'street', 'address', 'facilities.0']));
      // Its manager is a colleague (沈观澜) whose English name the office keeps: shown, not flagged.
      expect(zhOnly.managerName).toBe('Shen Guanlan');
      expect(zhOnly.fallbackZh).not.toContain('managerName');
      expect(zhOnly.fallbackZh).not.toContain('districtName');
    });
  });

  describe('directory.list', () => {
    it('units and people in English, with the district’s English industry names', async () => {
      const dir = await b.ok<{ units: Array<{ id: string; name: string; fallbackZh?: string[] }>; people: CardView['owner'][] }>('directory.list', { districtId: 'demo-linjiang', lang: 'en' }, null);
      expect(dir.units.find((u) => u.id === 'unit-invest')).toEqual({ id: 'unit-invest', name: 'Investment Promotion Bureau', fallbackZh: [] });
      const zhou = dir.people.find((p) => p.staffId === 'staff-commissioner');
      expect(zhou).toMatchObject({ name: 'Zhou Ruolan', unitName: 'Investment Promotion Bureau', industryFocus: ['Biomedicine', 'Digital economy'] });
      const chinese = await b.ok<{ units: Array<{ id: string; name: string }> }>('directory.list', { districtId: 'demo-linjiang' }, null);
      expect(chinese.units.find((u) => u.id === 'unit-invest')).toEqual({ id: 'unit-invest', name: '临江区投资促进局' });
    });
  });
});
