import type { Card } from '../../domain/card/card.schema';
import { CARRIER_TYPE_LABELS, CARRIER_TYPES, type Carrier, type CarrierType } from '../../domain/carrier/carrier.schema';
import { carrierSearchText } from '../../domain/carrier/carrier.rules';
import { DEFAULT_SLA, type District } from '../../domain/org/district.schema';
import type { Staff, StaffRole } from '../../domain/org/staff.schema';
import type { Unit } from '../../domain/org/unit.schema';
import type { Team } from '../../domain/org/team.schema';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { nationalCalendar } from './working-calendar-seed';
import { buildSecondDistrict } from './second-district';
import { withEnglishCard, withEnglishCarrier, withEnglishDistrict, withEnglishStaff, withEnglishUnit } from './demo-english';

/**
 * The fictional demo district (演示数据). Every name, number and place here is invented; phone numbers use
 * the 1380013xxxx range reserved for examples in Chinese documentation. Deterministic for a given `now`.
 */
export const DEMO_DISTRICT_ID = 'demo-linjiang';

const DAY = 86_400_000;

/** Small deterministic PRNG so the seed is identical on every machine. */
const mulberry32 = (seed: number) => () => {
  let t = (seed += 0x6d2b79f5);
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

interface StaffSeed {
  id: string;
  unitId: string;
  name: string;
  title: string;
  roles: StaffRole[];
  phone: string;
  wechatId?: string;
  industryFocus: string[];
  openid: string | null;
}

const UNITS: Array<Pick<Unit, '_id' | 'name' | 'kind' | 'isEconomic'>> = [
  { _id: 'unit-invest', name: '临江区投资促进局', kind: 'investment_bureau', isEconomic: true },
  { _id: 'unit-tech', name: '临江区科学技术局', kind: 'economic_department', isEconomic: true },
  { _id: 'unit-commerce', name: '临江区商务局', kind: 'economic_department', isEconomic: true },
  { _id: 'unit-edu', name: '临江区教育局', kind: 'non_economic_department', isEconomic: false },
  { _id: 'unit-street-jinwan', name: '金湾街道', kind: 'street', isEconomic: true },
  { _id: 'unit-park', name: '临江高新产业园管委会', kind: 'park', isEconomic: true },
];

/** Personas of the local cloud bind to these openids (see tools/local-cloud/personas.ts). */
export const STAFF: StaffSeed[] = [
  { id: 'staff-head', unitId: 'unit-invest', name: '林致远', title: '临江区区长 · 招商专员', roles: ['commissioner', 'unit_leader'], phone: '13800138001', wechatId: 'linjiang-demo-head', industryFocus: ['数字经济', '先进制造'], openid: 'demo-openid-head' },
  { id: 'staff-commissioner', unitId: 'unit-invest', name: '周若岚', title: '投资促进局 招商专员', roles: ['commissioner', 'staff'], phone: '13800138002', wechatId: 'linjiang-demo-zhou', industryFocus: ['生物医药', '数字经济'], openid: 'demo-openid-commissioner' },
  { id: 'staff-invest-leader', unitId: 'unit-invest', name: '陈启航', title: '投资促进局 局长', roles: ['unit_leader', 'commissioner'], phone: '13800138003', industryFocus: ['总部经济'], openid: 'demo-openid-invest-leader' },
  { id: 'staff-tech', unitId: 'unit-tech', name: '王书恒', title: '科技局 产业科科长', roles: ['commissioner', 'staff'], phone: '13800138004', wechatId: 'linjiang-demo-wang', industryFocus: ['人工智能', '集成电路'], openid: 'demo-openid-tech' },
  { id: 'staff-commerce', unitId: 'unit-commerce', name: '赵一鸣', title: '商务局 外资科干部', roles: ['commissioner', 'staff'], phone: '13800138005', industryFocus: ['现代商贸', '文化旅游'], openid: 'demo-openid-commerce' },
  { id: 'staff-edu-head', unitId: 'unit-edu', name: '孙明澈', title: '教育局 局长', roles: ['commissioner'], phone: '13800138006', industryFocus: ['教育培训'], openid: 'demo-openid-edu' },
  { id: 'staff-street', unitId: 'unit-street-jinwan', name: '吴清禾', title: '金湾街道 招商办主任', roles: ['commissioner', 'staff'], phone: '13800138007', industryFocus: ['现代商贸', '文化旅游'], openid: 'demo-openid-street' },
  { id: 'staff-park', unitId: 'unit-park', name: '郑嘉木', title: '产业园管委会 招商部长', roles: ['commissioner', 'staff'], phone: '13800138008', wechatId: 'linjiang-demo-zheng', industryFocus: ['先进制造', '新能源'], openid: 'demo-openid-park' },
  { id: 'staff-admin', unitId: 'unit-invest', name: '许安然', title: '投资促进局 信息管理员', roles: ['admin', 'staff'], phone: '13800138009', industryFocus: [], openid: 'demo-openid-admin' },
  { id: 'staff-invited', unitId: 'unit-tech', name: '何以宁', title: '科技局 科员', roles: ['staff'], phone: '13800138010', industryFocus: ['人工智能'], openid: null },
  // A building/park manager on the staff: manages 南岭工业坊 (factory-002) and is brought into its leads.
  { id: 'staff-carrier-manager', unitId: 'unit-park', name: '沈观澜', title: '产业园管委会 载体管理员', roles: ['carrier_manager'], phone: '13800138011', industryFocus: [], openid: 'demo-openid-carrier-manager' },
];

/** The seeded carrier whose manager is a staff member (the others have external managers). */
export const STAFF_MANAGED_CARRIER_ID = 'factory-002';

const STREETS = ['金湾街道', '滨江街道', '青石街道', '南岭街道', '高新片区'];
const INDUSTRIES = ['数字经济', '先进制造', '生物医药', '人工智能', '集成电路', '新能源', '现代商贸', '文化旅游', '总部经济', '教育培训'];
const FACILITIES: Record<CarrierType, string[]> = {
  building: ['中央空调', '5G 全覆盖', '双回路供电', '地下停车', '员工食堂', '会议中心'],
  industrial_park: ['人才公寓', '公共实验室', '污水处理', '物流通道', '园区班车'],
  factory: ['行车 10 吨', '层高 8 米', '货梯', '卸货平台', '独立配电'],
  industrial_land: ['七通一平', '临近高速', '控规已批', '配套电站'],
  heritage: ['文保修缮完成', '临水景观', '独立院落', '可做展陈'],
  incubator: ['共享工位', '路演厅', '孵化基金', '创业导师', '代办服务'],
};
const NAME_PARTS: Record<CarrierType, string[]> = {
  building: ['临江金融中心', '滨江数字大厦', '青石科创大厦', '南岭总部港', '金湾国际广场', '云川商务中心', '江湾 ONE 大厦', '海棠时代大厦'],
  industrial_park: ['临江智造产业园', '滨江生命科学园', '南岭新材料产业园', '高新数字产业园', '青石绿色能源园', '金湾文创产业园', '江湾软件园'],
  factory: ['高新标准厂房 A 区', '南岭工业坊', '临江智能制造厂房', '青石精密加工厂房', '滨江洁净厂房', '金湾物流仓储厂房', '江北定制厂房'],
  industrial_land: ['高新片区 07 号地块', '南岭工业用地 B2', '滨江产业用地 C5', '青石智造用地 A1', '临江新区 12 号地块', '江北储备用地 D3'],
  heritage: ['老码头仓库', '青石老街里弄', '江湾织造旧址', '南岭粮仓文创院', '金湾船厂旧址', '滨江钟楼院落'],
  incubator: ['临江创业之家', '青石青年创新港', '滨江 AI 孵化器', '高新众创空间', '金湾留学生创业园', '南岭硬科技加速器'],
};
const PRICE: Record<CarrierType, { min: number; max: number; unit: Carrier['priceUnit'] }> = {
  building: { min: 2.5, max: 6, unit: 'yuan_per_sqm_day' },
  industrial_park: { min: 25, max: 60, unit: 'yuan_per_sqm_month' },
  factory: { min: 18, max: 35, unit: 'yuan_per_sqm_month' },
  industrial_land: { min: 25, max: 60, unit: 'wan_per_mu' },
  heritage: { min: 3, max: 8, unit: 'yuan_per_sqm_day' },
  incubator: { min: 0.8, max: 2.5, unit: 'yuan_per_sqm_day' },
};
const AREA: Record<CarrierType, [number, number]> = {
  building: [20_000, 120_000],
  industrial_park: [50_000, 400_000],
  factory: [3_000, 40_000],
  industrial_land: [20_000, 200_000],
  heritage: [1_500, 12_000],
  incubator: [2_000, 15_000],
};
const MANAGERS = ['刘经理', '黄主任', '杨经理', '高主任', '马经理', '罗经理', '梁主任', '宋经理'];

const round = (n: number, step: number) => Math.round(n / step) * step;

export const carrierPhoto = (type: CarrierType, variant: number): string => `/assets/carriers/${type}-${variant % 2}.svg`;

export const makeCarrier = (type: CarrierType, index: number, now: Date, rand: () => number, districtId = DEMO_DISTRICT_ID): Carrier => {
  const names = NAME_PARTS[type];
  const baseName = names[index % names.length];
  const name = index < names.length ? baseName : `${baseName} ${Math.floor(index / names.length) + 1} 期`;
  const [lo, hi] = AREA[type];
  const totalArea = round(lo + rand() * (hi - lo), 100);
  const vacancyShare = rand() < 0.15 ? 0 : 0.05 + rand() * 0.5;
  const vacantArea = round(totalArea * vacancyShare, 10);
  const price = PRICE[type];
  const priceMin = Math.round((price.min + rand() * (price.max - price.min) * 0.6) * 10) / 10;
  const priceMax = Math.round((priceMin + rand() * (price.max - priceMin)) * 10) / 10;
  const street = STREETS[Math.floor(rand() * STREETS.length)];
  const suited = [...INDUSTRIES].sort(() => rand() - 0.5).slice(0, 2 + Math.floor(rand() * 3));
  const facilities = FACILITIES[type].filter(() => rand() < 0.7);
  const verifiedDaysAgo = Math.floor(rand() < 0.2 ? 100 + rand() * 150 : rand() * 60);
  const created = new Date(now.getTime() - (200 + index) * DAY).toISOString();
  const address = `云川市临江区${street}${['滨江大道', '青石路', '南岭路', '金湾路', '科创大道'][index % 5]} ${10 + Math.floor(rand() * 800)} 号`;
  return {
    _id: `${type.replace(/_/g, '-')}-${String(index + 1).padStart(3, '0')}`,
    districtId,
    type,
    name,
    street,
    address,
    totalArea,
    vacantArea,
    hasVacancy: vacantArea > 0,
    ...(type === 'building' || type === 'incubator' ? { floors: 5 + Math.floor(rand() * 40) } : {}),
    priceMin,
    priceMax,
    priceUnit: price.unit,
    facilities,
    suitedIndustries: suited,
    policies: ['入驻首年租金减免 30%', '研发投入按比例补贴', '人才公寓优先保障'].filter(() => rand() < 0.7),
    managerName: MANAGERS[Math.floor(rand() * MANAGERS.length)],
    managerPhone: `138001381${String(10 + Math.floor(rand() * 89))}`,
    location: { lat: 31.2 + rand() * 0.2, lng: 120.5 + rand() * 0.3 },
    photos: [carrierPhoto(type, index), carrierPhoto(type, index + 1)],
    searchText: carrierSearchText({ name, street, address, suitedIndustries: suited, facilities, typeLabel: CARRIER_TYPE_LABELS[type] }),
    lastVerifiedAt: new Date(now.getTime() - verifiedDaysAgo * DAY).toISOString(),
    createdAt: created,
    updatedAt: created,
  };
};

export type SeedCollections = Record<string, Array<{ _id: string } & Record<string, unknown>>>;

export const buildDemoDistrict = (now: Date): SeedCollections => {
  const rand = mulberry32(20260401);
  const at = new Date(now.getTime() - 365 * DAY).toISOString();
  const carriers: Carrier[] = [];
  for (const type of CARRIER_TYPES) {
    for (let i = 0; i < 8; i += 1) carriers.push(makeCarrier(type, i, now, rand));
  }
  const managed = carriers.find((c) => c._id === STAFF_MANAGED_CARRIER_ID);
  if (managed) Object.assign(managed, { managerStaffId: 'staff-carrier-manager', managerName: '沈观澜', managerPhone: '13800138011' });

  const district: District = {
    _id: DEMO_DISTRICT_ID,
    name: '云川市临江区（演示）',
    slogan: '临江而立，投资正当时',
    intro:
      '临江区位于云川市东部滨江发展带，是省级高新技术产业开发区所在地。全区聚焦数字经济、先进制造、生物医药三大主导产业，拥有各类产业载体 40 余处、可招商面积超百万平方米。我们承诺：每一条投资咨询，1 个工作日内专人回复。',
    keyIndustries: ['数字经济', '先进制造', '生物医药', '人工智能', '新能源', '现代商贸'],
    headlineFigures: [
      { label: '地区生产总值', value: '1,286 亿元' },
      { label: '可招商面积', value: '112 万㎡' },
      { label: '高新技术企业', value: '860 家' },
      { label: '首次回复承诺', value: '1 个工作日' },
    ],
    policyHighlights: ['重大项目“一事一议”，专班全程代办', '总部企业落户最高奖励 1000 万元', '高层次人才安居补贴最高 300 万元', '首年租金减免 30%，最长三年'],
    coverImage: '/assets/district/cover.svg',
    investmentBureauUnitId: 'unit-invest',
    onDutyStaffId: 'staff-commissioner',
    defaultCardId: 'card-staff-head',
    cityId: 'demo-yunchuan',
    sla: DEFAULT_SLA,
    // The year before the demo's clock and on: what the SLA clock needs, small enough for one document.
    workingCalendar: nationalCalendar(new Date(at).getUTCFullYear() - 1),
    isDemo: true,
    privacyNoticeVersion: '2026-11',
    createdAt: at,
    updatedAt: at,
  };

  const units: Unit[] = UNITS.map((u) => ({
    ...u,
    districtId: DEMO_DISTRICT_ID,
    ...(u._id === 'unit-invest' ? { leaderStaffId: 'staff-invest-leader' } : {}),
    createdAt: at,
  }));

  const staff: Staff[] = STAFF.map((s) => ({
    _id: s.id,
    districtId: DEMO_DISTRICT_ID,
    unitId: s.unitId,
    name: s.name,
    title: s.title,
    roles: s.roles,
    status: s.openid ? 'active' : 'invited',
    phone: s.phone,
    ...(s.wechatId ? { wechatId: s.wechatId, wechatQr: `/assets/people/wechat-qr.svg` } : {}),
    photo: `/assets/people/${s.id}.svg`,
    industryFocus: s.industryFocus,
    openid: s.openid,
    ...(s.openid ? {} : { inviteCode: 'DEMO2026' }),
    createdAt: at,
  }));

  const cards: Card[] = STAFF.filter((s) => s.roles.includes('commissioner')).map((s, i) => ({
    _id: `card-${s.id}`,
    districtId: DEMO_DISTRICT_ID,
    staffId: s.id,
    greeting: s.id === 'staff-head' ? '招商，我们是认真的！期待牵线、投资、布局。' : '欢迎来临江投资兴业，有问题随时找我。',
    visibility: { phone: s.id !== 'staff-edu-head', wechatId: true, wechatQr: true },
    featuredCarrierIds: s.id === 'staff-head' ? [carriers[0]._id, carriers[8]._id, carriers[16]._id] : [],
    featuredIndustries: s.industryFocus.slice(0, 3),
    ...(s.id === 'staff-edu-head' || s.id === 'staff-invest-leader' ? { onDutyStaffId: 'staff-commissioner' } : {}),
    updatedAt: new Date(now.getTime() - i * DAY).toISOString(),
  }));

  // The seeds' cross-unit teams: members' leads also count for the team.
  const teams: Team[] = [
    { _id: 'team-invest-squad', districtId: DEMO_DISTRICT_ID, name: '招商小组', leaderStaffId: 'staff-invest-leader', memberStaffIds: ['staff-invest-leader', 'staff-head', 'staff-commissioner'], createdAt: at, updatedAt: at },
    { _id: 'team-industry', districtId: DEMO_DISTRICT_ID, name: '产业招商组', leaderStaffId: 'staff-tech', memberStaffIds: ['staff-tech', 'staff-park', 'staff-commerce'], createdAt: at, updatedAt: at },
  ];

  const second = buildSecondDistrict(now, makeCarrier);
  const withSecond = (name: string, docs: SeedCollections[string]) => [...docs, ...(second[name] ?? [])];
  return {
    [COLLECTIONS.districts.name]: withSecond(COLLECTIONS.districts.name, [withEnglishDistrict(district)]),
    [COLLECTIONS.units.name]: withSecond(COLLECTIONS.units.name, units.map(withEnglishUnit)),
    [COLLECTIONS.staff.name]: withSecond(COLLECTIONS.staff.name, staff.map(withEnglishStaff)),
    [COLLECTIONS.cards.name]: withSecond(COLLECTIONS.cards.name, cards.map(withEnglishCard)),
    [COLLECTIONS.carriers.name]: withSecond(COLLECTIONS.carriers.name, carriers.map(withEnglishCarrier)),
    [COLLECTIONS.teams.name]: teams,
  };
};
