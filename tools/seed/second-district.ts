import type { Card } from '../../domain/card/card.schema';
import { CARRIER_TYPES, type Carrier, type CarrierType } from '../../domain/carrier/carrier.schema';
import { DEFAULT_SLA, type District } from '../../domain/org/district.schema';
import type { Staff } from '../../domain/org/staff.schema';
import type { Unit } from '../../domain/org/unit.schema';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';

type SeedCollections = Record<string, Array<{ _id: string } & Record<string, unknown>>>;
/** The demo district's carrier maker, passed in (importing it back would make a module cycle). */
type MakeCarrier = (type: CarrierType, index: number, now: Date, rand: () => number, districtId: string) => Carrier;

/**
 * A second fictional district of the same fictional city (演示数据), with its own people and carriers, so every
 * action can be seen staying inside its caller's district, and a city admin can be seen reading both.
 */
export const SECOND_DISTRICT_ID = 'demo-wangshan';
export const DEMO_CITY_ID = 'demo-yunchuan';

const DAY = 86_400_000;

const mulberry32 = (seed: number) => () => {
  let t = (seed += 0x6d2b79f5);
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/** Personas of the local cloud bind to these openids (tools/local-cloud/personas.ts). */
const PEOPLE: Array<Pick<Staff, '_id' | 'unitId' | 'name' | 'title' | 'roles' | 'phone' | 'openid' | 'industryFocus'>> = [
  { _id: 'ws-staff-admin', unitId: 'ws-unit-invest', name: '叶清岚', title: '望山区投资促进局 信息管理员', roles: ['admin', 'staff'], phone: '13800138101', openid: 'demo-openid-wangshan-admin', industryFocus: [] },
  { _id: 'ws-staff-head', unitId: 'ws-unit-invest', name: '顾承泽', title: '望山区投资促进局 局长', roles: ['commissioner', 'unit_leader'], phone: '13800138102', openid: 'demo-openid-wangshan-head', industryFocus: ['新能源', '文化旅游'] },
  { _id: 'ws-staff-commissioner', unitId: 'ws-unit-invest', name: '沈若溪', title: '望山区投资促进局 招商专员', roles: ['commissioner', 'staff'], phone: '13800138103', openid: 'demo-openid-wangshan-commissioner', industryFocus: ['新能源'] },
  // The city's own admin: reads every district of 云川市, writes nothing.
  { _id: 'ws-staff-city', unitId: 'ws-unit-invest', name: '陆明远', title: '云川市投资促进中心 数据管理员', roles: ['city_admin'], phone: '13800138104', openid: 'demo-openid-city-admin', industryFocus: [] },
];

export const buildSecondDistrict = (now: Date, makeCarrier: MakeCarrier): SeedCollections => {
  const rand = mulberry32(20261201);
  // A day younger than 临江区, so a bare link still opens 临江区's default card.
  const at = new Date(now.getTime() - 364 * DAY).toISOString();
  const district: District = {
    _id: SECOND_DISTRICT_ID,
    name: '云川市望山区（演示）',
    slogan: '望山见水，创业安家',
    intro: '望山区位于云川市西部山水片区，以新能源装备、文化旅游和现代农业为主导产业。这里的全部名称与数据均为演示用途。',
    keyIndustries: ['新能源', '文化旅游', '现代农业'],
    headlineFigures: [
      { label: '可招商面积', value: '36 万㎡' },
      { label: '首次回复承诺', value: '1 个工作日' },
    ],
    policyHighlights: ['新能源装备项目用地优先保障'],
    policies: [{ title: '新能源装备项目用地优先保障', summary: '符合产业导向的项目，用地指标优先安排。', fileId: null }],
    coverImage: '/assets/district/cover.svg',
    investmentBureauUnitId: 'ws-unit-invest',
    onDutyStaffId: 'ws-staff-commissioner',
    defaultCardId: 'card-ws-staff-head',
    cityId: DEMO_CITY_ID,
    sla: DEFAULT_SLA,
    isDemo: true,
    privacyNoticeVersion: '2026-11',
    createdAt: at,
    updatedAt: at,
  };
  const units: Unit[] = [
    { _id: 'ws-unit-invest', districtId: SECOND_DISTRICT_ID, name: '望山区投资促进局', kind: 'investment_bureau', isEconomic: true, leaderStaffId: 'ws-staff-head', createdAt: at },
    { _id: 'ws-unit-park', districtId: SECOND_DISTRICT_ID, name: '望山新能源产业园', kind: 'park', isEconomic: true, parentUnitId: 'ws-unit-invest', createdAt: at },
  ];
  const staff: Staff[] = PEOPLE.map((p) => ({ ...p, districtId: SECOND_DISTRICT_ID, status: 'active', photo: '/assets/people/staff-invited.svg', createdAt: at }));
  const cards: Card[] = staff
    .filter((s) => s.roles.includes('commissioner'))
    .map((s) => ({
      _id: `card-${s._id}`,
      districtId: SECOND_DISTRICT_ID,
      staffId: s._id,
      greeting: '欢迎来望山投资兴业。',
      visibility: { phone: true, wechatId: false, wechatQr: false },
      featuredCarrierIds: [],
      featuredIndustries: s.industryFocus.slice(0, 2),
      updatedAt: at,
    }));
  const carriers: Carrier[] = [];
  for (const type of CARRIER_TYPES) {
    for (let i = 0; i < 2; i += 1) {
      const c = makeCarrier(type, i, now, rand, SECOND_DISTRICT_ID);
      const address = c.address.replace('临江区', '望山区');
      carriers.push({ ...c, _id: `ws-${c._id}`, name: `望山${c.name}`, address, searchText: c.searchText.replace('临江区', '望山区') });
    }
  }
  return {
    [COLLECTIONS.districts.name]: [district],
    [COLLECTIONS.units.name]: units,
    [COLLECTIONS.staff.name]: staff,
    [COLLECTIONS.cards.name]: cards,
    [COLLECTIONS.carriers.name]: carriers,
  };
};
