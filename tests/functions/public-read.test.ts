import type { CardView, CarrierSummary } from '../../domain/api/views.schema';
import { PRICE_SORT_UNIT_ORDER } from '../../domain/carrier/carrier-search.rules';
import { createTestBackend, OPENID, type TestBackend } from '../support/test-backend';

describe('public-read use cases on a real SQLite file', () => {
  let b: TestBackend;
  beforeAll(async () => {
    b = await createTestBackend();
  });
  afterAll(() => b.close());

  describe('card.get', () => {
    it('opens the district default card (the head’s) with no identity at all', async () => {
      const card = await b.ok<CardView>('card.get', {}, OPENID.anonymous);
      expect(card.cardId).toBe('card-staff-head');
      expect(card.district.name).toContain('临江区');
      expect(card.district.isDemo).toBe(true);
      expect(card.owner).toMatchObject({ name: '林致远', phone: '13800138001', unitName: '临江区投资促进局' });
      expect(card.highlightedCarriers).toHaveLength(3);
      expect(card.shareCode).toBeNull();
    });

    it('hides a phone the card keeps private and names who answers instead', async () => {
      const card = await b.ok<CardView>('card.get', { cardId: 'card-staff-edu-head' }, OPENID.investorA);
      expect(card.owner.name).toBe('孙明澈');
      expect(card.owner.phone).toBeNull();
      expect(card.contact?.name).toBe('周若岚');
      expect(card.contact?.phone).toBe('13800138002');
    });

    it('falls back to top vacancies when the card features no carriers', async () => {
      const card = await b.ok<CardView>('card.get', { cardId: 'card-staff-tech' }, null);
      const areas = card.highlightedCarriers.map((c) => c.vacantArea);
      expect(areas).toEqual([...areas].sort((x, y) => y - x));
      expect(card.highlightedCarriers.every((c) => c.hasVacancy)).toBe(true);
    });

    it('answers a typed error for unknown cards and malformed share codes', async () => {
      expect(await b.call('card.get', { cardId: 'card-nope' }, null)).toMatchObject({ ok: false, error: { code: 'CARD.NOT_FOUND' } });
      expect(await b.call('card.get', { shareCode: 'short' }, null)).toMatchObject({ ok: false, error: { code: 'VALIDATION.INVALID_INPUT' } });
    });
  });

  describe('carrier.search', () => {
    const search = (input: Record<string, unknown>) =>
      b.ok<{ items: CarrierSummary[]; nextCursor: string | null }>('carrier.search', { districtId: 'demo-linjiang', ...input }, null);

    it('has at least 40 demo carriers over every type', async () => {
      const all = await search({ limit: 50 });
      expect(all.items.length + (all.nextCursor ? 1 : 0)).toBeGreaterThanOrEqual(41);
      const types = new Set(all.items.map((c) => c.type));
      expect(types.size).toBe(6);
    });

    it('filters by type, vacancy, industry, street, area and price', async () => {
      const factories = await search({ type: 'factory', hasVacancy: true, limit: 50 });
      expect(factories.items.length).toBeGreaterThan(0);
      expect(factories.items.every((c) => c.type === 'factory' && c.hasVacancy && c.vacantArea > 0)).toBe(true);
      // Each filter must keep some carriers and drop others: an every() over an empty list proves nothing.
      const all = (await search({ limit: 50 })).items;
      const ai = await search({ industry: '人工智能', limit: 50 });
      expect(ai.items.length).toBeGreaterThan(0);
      expect(ai.items.length).toBeLessThan(all.length);
      expect(ai.items.every((c) => c.suitedIndustries.includes('人工智能'))).toBe(true);
      expect(ai.items.map((c) => c.id).sort()).toEqual(all.filter((c) => c.suitedIndustries.includes('人工智能')).map((c) => c.id).sort());
      const jinwan = await search({ street: '金湾街道', limit: 50 });
      expect(jinwan.items.length).toBeGreaterThan(0);
      expect(jinwan.items.length).toBeLessThan(all.length);
      expect(jinwan.items.every((c) => c.street === '金湾街道')).toBe(true);
      expect(jinwan.items.map((c) => c.id).sort()).toEqual(all.filter((c) => c.street === '金湾街道').map((c) => c.id).sort());
      const sized = await search({ minVacantArea: 1000, maxVacantArea: 5000, limit: 50 });
      expect(sized.items.length).toBeGreaterThan(0);
      expect(sized.items.every((c) => c.vacantArea >= 1000 && c.vacantArea <= 5000)).toBe(true);
      const cheap = await search({ type: 'building', maxPrice: 3.5, priceUnit: 'yuan_per_sqm_day', limit: 50 });
      expect(cheap.items.length).toBeGreaterThan(0);
      expect(cheap.items.length).toBeLessThan(all.filter((c) => c.type === 'building').length);
      expect(cheap.items.every((c) => c.type === 'building' && (c.priceMin ?? 0) <= 3.5)).toBe(true);
    });

    it('takes a price ceiling only with its unit, and applies it to carriers priced in that unit', async () => {
      expect(await b.call('carrier.search', { districtId: 'demo-linjiang', maxPrice: 30 }, null)).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION.INVALID_INPUT', fields: ['priceUnit'] },
      });
      const all = (await search({ limit: 50 })).items;
      // 30 is cheap for a month's rent per ㎡ and for land per 亩, but every day-rent carrier is below it too.
      for (const unit of ['yuan_per_sqm_day', 'yuan_per_sqm_month', 'wan_per_mu'] as const) {
        const r = await search({ maxPrice: 30, priceUnit: unit, limit: 50 });
        const expected = all.filter((c) => c.priceUnit === unit && (c.priceMin ?? 0) <= 30);
        expect(expected.length).toBeGreaterThan(0);
        expect(r.items.map((c) => c.id).sort()).toEqual(expected.map((c) => c.id).sort());
      }
      const monthly = await search({ priceUnit: 'yuan_per_sqm_month', limit: 50 });
      expect(monthly.items.length).toBeGreaterThan(0);
      expect(monthly.items.every((c) => c.priceUnit === 'yuan_per_sqm_month')).toBe(true);
    });

    it('sorts by price within each unit (units never interleave), on one index', async () => {
      const seen: CarrierSummary[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: CarrierSummary[]; nextCursor: string | null } = await search({ sort: 'price', limit: 7, ...(cursor ? { cursor } : {}) });
        seen.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      const units = seen.map((c) => c.priceUnit).filter((u, i, list) => i === 0 || list[i - 1] !== u);
      expect(units).toEqual([...PRICE_SORT_UNIT_ORDER]);
      for (const unit of PRICE_SORT_UNIT_ORDER) {
        const prices = seen.filter((c) => c.priceUnit === unit).map((c) => c.priceMin ?? 0);
        expect(prices.length).toBeGreaterThan(0);
        expect(prices).toEqual([...prices].sort((x, y) => x - y));
      }
      const plan = b.store.explainFind('carriers', {
        where: { districtId: 'demo-linjiang' },
        anyOf: [{ priceUnit: { gt: 'wan_per_mu' } }, { priceUnit: 'wan_per_mu', priceMin: { gt: 30 } }],
        orderBy: [{ field: 'priceUnit', direction: 'asc' }, { field: 'priceMin', direction: 'asc' }, { field: '_id', direction: 'asc' }],
        limit: 21,
      });
      expect(plan.join('\n')).toMatch(/USING INDEX carriers__by_district_price/);
      expect(plan.join('\n')).not.toMatch(/TEMP B-TREE/);
    });

    it('finds two-character Chinese terms (厂房, 园区) by keyword', async () => {
      const r = await search({ keyword: '厂房', limit: 50 });
      expect(r.items.length).toBeGreaterThanOrEqual(8);
      expect(r.items.every((c) => c.type === 'factory' || c.name.includes('厂房'))).toBe(true);
      expect((await search({ keyword: '产业园', limit: 50 })).items.length).toBeGreaterThan(0);
      expect((await search({ keyword: '%', limit: 50 })).items).toHaveLength(0);
    });

    it.each(['vacancy', 'price', 'verified'])('pages by key with no duplicates or gaps (sort %s)', async (sort) => {
      const whole = await search({ sort, limit: 50 });
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: CarrierSummary[]; nextCursor: string | null } = await search({ sort, limit: 7, ...(cursor ? { cursor } : {}) });
        seen.push(...page.items.map((c) => c.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.slice(0, whole.items.length)).toEqual(whole.items.map((c) => c.id));
      expect(seen.length).toBe(48);
    });

    it('rejects a tampered cursor and a cursor from another sort', async () => {
      const first = await search({ sort: 'vacancy', limit: 5 });
      expect(await b.call('carrier.search', { districtId: 'demo-linjiang', sort: 'price', cursor: first.nextCursor }, null)).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION.INVALID_INPUT', fields: ['cursor'] },
      });
    });
  });

  it('carrier.get returns the detail with manager contact, or a typed not-found', async () => {
    const d = await b.ok<{ managerName: string; photos: string[]; address: string; districtName: string; isDemo: boolean }>('carrier.get', { carrierId: 'factory-001' }, null);
    expect(d.managerName).toBeTruthy();
    expect(d).toMatchObject({ districtName: '云川市临江区（演示）', isDemo: true });
    expect(d.photos.length).toBeGreaterThan(0);
    expect(await b.call('carrier.get', { carrierId: 'nope' }, null)).toMatchObject({ ok: false, error: { code: 'CARRIER.NOT_FOUND' } });
  });

  it('directory.list lists people with cards, by unit and industry', async () => {
    const all = await b.ok<{ people: Array<{ name: string; unitName: string; industryFocus: string[] }>; units: unknown[] }>('directory.list', { districtId: 'demo-linjiang' }, null);
    expect(all.people.length).toBeGreaterThanOrEqual(7);
    expect(all.units.length).toBe(6);
    const tech = await b.ok<{ people: Array<{ unitName: string }> }>('directory.list', { districtId: 'demo-linjiang', unitId: 'unit-tech' }, null);
    expect(tech.people.every((p) => p.unitName === '临江区科学技术局')).toBe(true);
    const bio = await b.ok<{ people: Array<{ industryFocus: string[] }> }>('directory.list', { districtId: 'demo-linjiang', industry: '生物医药' }, null);
    expect(bio.people.length).toBeGreaterThan(0);
    expect(bio.people.every((p) => p.industryFocus.includes('生物医药'))).toBe(true);
  });

  it('session.whoami tells anonymous, investor and staff apart from the trusted context only', async () => {
    expect(await b.ok('session.whoami', {}, null)).toEqual({ kind: 'anonymous', staff: null });
    expect(await b.ok('session.whoami', {}, OPENID.investorA)).toEqual({ kind: 'investor', staff: null });
    expect(await b.ok('session.whoami', {}, OPENID.tech)).toMatchObject({ kind: 'staff', staff: { staffId: 'staff-tech', unitId: 'unit-tech' } });
    expect(await b.call('session.whoami', { openid: OPENID.admin }, OPENID.investorA)).toMatchObject({ ok: false, error: { code: 'VALIDATION.INVALID_INPUT' } });
  });
});
