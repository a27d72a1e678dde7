import type { CardView, CarrierSummary, Person } from '../../../domain/api/views.schema';

/** Seed-like card views for app tests. Every builder returns data that passes CardViewSchema. */

export const aPerson = (overrides: Partial<Person> = {}): Person => ({
  staffId: 'staff_wang',
  cardId: 'card_wang',
  unitId: 'unit_invest',
  name: '王建国',
  title: '投资促进局局长',
  unitName: '临江新区投资促进局',
  photo: null,
  phone: '0571-87654321',
  wechatId: 'linjiang_wjg',
  wechatQr: null,
  industryFocus: ['智能制造'],
  ...overrides,
});

export const aCarrier = (overrides: Partial<CarrierSummary> = {}): CarrierSummary => ({
  id: 'carrier_park_1',
  type: 'industrial_park',
  name: '临江智能制造产业园',
  street: '滨江街道',
  totalArea: 186000,
  vacantArea: 42000,
  hasVacancy: true,
  priceMin: 0.9,
  priceMax: 1.3,
  priceUnit: 'yuan_per_sqm_day',
  photo: null,
  suitedIndustries: ['智能制造', '新能源汽车'],
  lastVerifiedAt: '2024-11-01T00:00:00.000Z',
  ...overrides,
});

export const aCardView = (overrides: Partial<CardView> = {}): CardView => ({
  cardId: 'card_wang',
  greeting: '欢迎来到临江新区，我们为每个项目提供全程帮办服务。',
  district: {
    id: 'district_linjiang',
    name: '临江新区',
    slogan: '产城融合新高地，智造未来看临江',
    intro: '临江新区位于长江经济带核心区域，已形成以智能制造、生物医药、数字经济为主导的现代产业体系。',
    keyIndustries: ['智能制造', '生物医药', '数字经济'],
    headlineFigures: [
      { label: '地区生产总值', value: '1286亿元' },
      { label: '高新技术企业', value: '638家' },
    ],
    policyHighlights: ['重大产业项目“一事一议”', '人才公寓前三年租金全免'],
    coverImage: null,
    isDemo: true,
    firstResponseHours: 8,
  },
  owner: aPerson(),
  contact: aPerson({
    staffId: 'staff_li',
    cardId: 'card_li',
    name: '李晓雯',
    title: '招商专员',
    unitName: '产业招商一科',
    phone: '13800001234',
    wechatId: null,
  }),
  featuredIndustries: ['智能制造'],
  highlightedCarriers: [
    aCarrier(),
    aCarrier({ id: 'carrier_tower_2', type: 'building', name: '江湾数字经济大厦', hasVacancy: false, vacantArea: 0, priceMin: null, priceMax: null }),
  ],
  shareCode: null,
  ...overrides,
});

/** The action result envelope a backend answers with. */
export const okResult = <T>(data: T) => ({ ok: true as const, data });
export const failResult = (code: string, message: string) => ({ ok: false as const, error: { code, message } });
