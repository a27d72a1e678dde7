import { matchCarriers, type MatchCarrier } from '../../domain/carrier/carrier-match.rules';

const NOW = new Date('2026-12-01T04:00:00Z');
const fresh = '2026-11-20T00:00:00Z';
const carrier = (over: Partial<MatchCarrier> & Pick<MatchCarrier, '_id' | 'name'>): MatchCarrier => ({
  type: 'factory',
  street: '临江街道',
  vacantArea: 4_000,
  hasVacancy: true,
  priceMin: 20,
  priceMax: 25,
  priceUnit: 'yuan_per_sqm_month',
  suitedIndustries: ['新能源', '装备制造'],
  lastVerifiedAt: fresh,
  ...over,
});

/** «3 000 ㎡ 厂房, 新能源, 不超过 22 元/㎡·月, 临江街道». */
const NEED = { carrierType: 'factory' as const, areaMin: 3_000, industry: '新能源', budgetMax: 22, budgetUnit: 'yuan_per_sqm_month' as const, street: '临江街道' };

describe('matching a need to carriers', () => {
  const carriers: MatchCarrier[] = [
    carrier({ _id: 'f-perfect', name: '甲厂房', vacantArea: 3_200 }),
    carrier({ _id: 'f-other-street', name: '乙厂房', street: '江北街道' }),
    carrier({ _id: 'f-small', name: '丙厂房', vacantArea: 2_700 }),
    carrier({ _id: 'f-pricey', name: '丁厂房', priceMin: 23.76, priceMax: 30 }),
    carrier({ _id: 'f-far-too-small', name: '戊厂房', vacantArea: 1_000 }),
    carrier({ _id: 'f-full', name: '己厂房', vacantArea: 0, hasVacancy: false }),
    carrier({ _id: 'b-building', name: '庚楼宇', type: 'building' }),
    carrier({ _id: 'f-stale', name: '辛厂房', lastVerifiedAt: '2026-06-01T00:00:00Z' }),
    carrier({ _id: 'f-other-industry', name: '壬厂房', suitedIndustries: ['食品加工'] }),
    carrier({ _id: 'f-negotiable', name: '癸厂房', priceMin: 0, priceMax: 0 }),
    carrier({ _id: 'f-per-day', name: '子厂房', priceUnit: 'yuan_per_sqm_day', priceMin: 1, priceMax: 1.2 }),
  ];

  it('ranks what fits with its reasons, best first (golden)', () => {
    const { matches } = matchCarriers(carriers, NEED, NOW);
    // Ties are ordered by name in pinyin: 癸 (guǐ) before 乙 (yǐ).
    expect(matches.map((m) => [m.carrierId, m.score])).toEqual([
      ['f-perfect', 100], // area 40 + price 25 + industry 20 + street 10 + fresh 5
      ['f-stale', 95], // fresh vacancy 0
      ['f-negotiable', 90], // price 面议 15
      ['f-other-street', 90], // street 0
      ['f-per-day', 85], // price in another unit 10
      ['f-other-industry', 80], // industry 0
    ]);
    expect(matches[0].reasons).toEqual([
      { code: 'area_fits', vacantArea: 3_200 },
      { code: 'price_in_budget', priceMin: 20, unit: 'yuan_per_sqm_month' },
      { code: 'industry_fits', index: 0 },
      { code: 'on_street' },
    ]);
    expect(matches.find((m) => m.carrierId === 'f-stale')?.reasons).toContainEqual({ code: 'vacancy_stale', days: 183 });
    expect(matches.find((m) => m.carrierId === 'f-negotiable')?.reasons).toContainEqual({ code: 'price_on_request' });
    expect(matches.find((m) => m.carrierId === 'f-per-day')?.reasons).toContainEqual({ code: 'price_other_unit', unit: 'yuan_per_sqm_day' });
    // The industry is named by where it sits in the carrier's list: an English read shows its English variant.
    const second = matchCarriers([carrier({ _id: 'f-second', name: '二号', vacantArea: 3_200, suitedIndustries: ['装备制造', '新能源汽车'] })], NEED, NOW);
    expect(second.matches[0].reasons).toContainEqual({ code: 'industry_fits', index: 1 });
    // An industry typed in English fits a carrier whose English variant names it.
    const english = matchCarriers([carrier({ _id: 'f-en', name: '英文', vacantArea: 3_200, suitedIndustriesEn: ['New energy', 'Equipment'] })], { ...NEED, industry: 'new energy' }, NOW);
    expect(english.matches[0]).toMatchObject({ score: 100, reasons: expect.arrayContaining([{ code: 'industry_fits', index: 0 }]) });
  });

  it('never offers another type, a full carrier, or one far from the need', () => {
    const { matches, nearMisses } = matchCarriers(carriers, NEED, NOW);
    const offered = [...matches, ...nearMisses].map((m) => m.carrierId);
    for (const id of ['b-building', 'f-full', 'f-far-too-small']) expect(offered).not.toContain(id);
  });

  it('names the one constraint a near miss fails, closest first', () => {
    const { nearMisses } = matchCarriers(carriers, NEED, NOW);
    expect(nearMisses.map((m) => [m.carrierId, m.failed])).toEqual([
      ['f-pricey', { code: 'price_over', percent: 8 }],
      ['f-small', { code: 'area_short', short: 300, vacantArea: 2_700 }],
    ]);
    expect(nearMisses[0].reasons).toContainEqual({ code: 'area_fits', vacantArea: 4_000 });
  });

  it('matches on type alone when nothing else is known, and honours the limits', () => {
    const { matches } = matchCarriers(carriers, { carrierType: 'factory' }, NOW, { matches: 3, nearMisses: 0 });
    expect(matches).toHaveLength(3);
    expect(matches.every((m) => m.carrierId.startsWith('f-'))).toBe(true);
    expect(matchCarriers([], NEED, NOW)).toEqual({ matches: [], nearMisses: [] });
  });
});
