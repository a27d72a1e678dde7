import type { Card } from '../../domain/card/card.schema';
import { CARRIER_TYPE_LABELS, type Carrier } from '../../domain/carrier/carrier.schema';
import { carrierSearchText } from '../../domain/carrier/carrier.rules';
import type { District } from '../../domain/org/district.schema';
import type { Staff } from '../../domain/org/staff.schema';
import type { Unit } from '../../domain/org/unit.schema';

/**
 * The demo district's English content (演示数据, as fictional as the Chinese): the district, every unit, the
 * commissioners' cards and a few carriers — the three on the district head's card and three more. Every other
 * carrier stays Chinese only, so an English page shows how the «中文» mark looks.
 */

const INDUSTRY_EN: Record<string, string> = {
  数字经济: 'Digital economy',
  先进制造: 'Advanced manufacturing',
  生物医药: 'Biomedicine',
  人工智能: 'Artificial intelligence',
  集成电路: 'Integrated circuits',
  新能源: 'New energy',
  现代商贸: 'Modern commerce',
  文化旅游: 'Culture and tourism',
  总部经济: 'Headquarters',
  教育培训: 'Education and training',
};

const STREET_EN: Record<string, string> = {
  金湾街道: 'Jinwan Subdistrict',
  滨江街道: 'Binjiang Subdistrict',
  青石街道: 'Qingshi Subdistrict',
  南岭街道: 'Nanling Subdistrict',
  高新片区: 'High-tech Zone',
};

const ROAD_EN: Record<string, string> = { 滨江大道: 'Binjiang Avenue', 青石路: 'Qingshi Road', 南岭路: 'Nanling Road', 金湾路: 'Jinwan Road', 科创大道: 'Kechuang Avenue' };

/** «云川市临江区金湾街道滨江大道 123 号» → «123 Binjiang Avenue, Jinwan Subdistrict, Linjiang District, Yunchuan». */
const addressEn = (address: string, streetEn: string): string => {
  const road = Object.keys(ROAD_EN).find((r) => address.includes(r));
  const number = /(\d+) 号/.exec(address)?.[1];
  return [number && road ? `${number} ${ROAD_EN[road]}` : '', streetEn, 'Linjiang District, Yunchuan'].filter(Boolean).join(', ');
};

const FACILITY_EN: Record<string, string> = {
  中央空调: 'Central air conditioning',
  '5G 全覆盖': 'Full 5G coverage',
  双回路供电: 'Dual-circuit power supply',
  地下停车: 'Underground parking',
  员工食堂: 'Staff canteen',
  会议中心: 'Conference centre',
  人才公寓: 'Talent apartments',
  公共实验室: 'Shared laboratories',
  污水处理: 'Wastewater treatment',
  物流通道: 'Logistics lanes',
  园区班车: 'Park shuttle bus',
  '行车 10 吨': '10 t overhead crane',
  '层高 8 米': '8 m clear height',
  货梯: 'Freight lift',
  卸货平台: 'Loading dock',
  独立配电: 'Dedicated power distribution',
};

const POLICY_EN: Record<string, string> = {
  '入驻首年租金减免 30%': '30% off the first year’s rent',
  研发投入按比例补贴: 'R&D spending subsidised in proportion',
  人才公寓优先保障: 'Priority access to talent apartments',
};

const MANAGER_EN: Record<string, string> = {
  刘经理: 'Ms Liu',
  黄主任: 'Mr Huang',
  杨经理: 'Mr Yang',
  高主任: 'Ms Gao',
  马经理: 'Mr Ma',
  罗经理: 'Ms Luo',
  梁主任: 'Mr Liang',
  宋经理: 'Ms Song',
};

/** The carriers that have English, by id: the head's three featured ones first. */
const CARRIER_NAME_EN: Record<string, string> = {
  'building-001': 'Linjiang Financial Centre',
  'industrial-park-001': 'Linjiang Smart Manufacturing Park',
  'factory-001': 'High-tech Standard Factory, Zone A',
  'building-002': 'Binjiang Digital Tower',
  'incubator-001': 'Linjiang Start-up House',
  'heritage-001': 'Old Wharf Warehouse',
};

export const englishIndustries = (industries: readonly string[]): string[] => industries.map((i) => INDUSTRY_EN[i] ?? '');

export const withEnglishDistrict = (d: District): District => ({
  ...d,
  nameEn: 'Linjiang District, Yunchuan (demo)',
  sloganEn: 'Invest by the river, invest now',
  introEn:
    'Linjiang lies on the riverside belt east of Yunchuan and is home to a provincial high-tech development zone. It focuses on three leading industries — the digital economy, advanced manufacturing and biomedicine — with more than 40 sites and over a million square metres available. Our promise: every investment inquiry gets a personal answer within one working day.',
  keyIndustriesEn: englishIndustries(d.keyIndustries),
  headlineFigures: d.headlineFigures.map((f, i) => ({
    ...f,
    ...[
      { labelEn: 'GDP', valueEn: 'CNY 128.6 bn' },
      { labelEn: 'Space available', valueEn: '1.12 million m²' },
      { labelEn: 'High-tech firms', valueEn: '860' },
      { labelEn: 'First answer', valueEn: '1 working day' },
    ][i],
  })),
  policyHighlightsEn: [
    'Major projects: terms tailored case by case, a task force handles every step',
    'Headquarters: awards of up to CNY 10 million',
    'Top talent: housing grants of up to CNY 3 million',
    '30% off the first year’s rent, for up to three years',
  ],
});

const UNIT_EN: Record<string, string> = {
  'unit-invest': 'Investment Promotion Bureau',
  'unit-tech': 'Science and Technology Bureau',
  'unit-commerce': 'Commerce Bureau',
  'unit-edu': 'Education Bureau',
  'unit-street-jinwan': 'Jinwan Subdistrict',
  'unit-park': 'Linjiang High-tech Park Committee',
};

export const withEnglishUnit = (u: Unit): Unit => (UNIT_EN[u._id] ? { ...u, nameEn: UNIT_EN[u._id] } : u);

const PERSON_EN: Record<string, { nameEn: string; titleEn: string }> = {
  'staff-head': { nameEn: 'Lin Zhiyuan', titleEn: 'District Mayor, Linjiang · Investment officer' },
  'staff-commissioner': { nameEn: 'Zhou Ruolan', titleEn: 'Investment officer, Investment Promotion Bureau' },
  'staff-invest-leader': { nameEn: 'Chen Qihang', titleEn: 'Director, Investment Promotion Bureau' },
  'staff-tech': { nameEn: 'Wang Shuheng', titleEn: 'Head of Industry, Science and Technology Bureau' },
  'staff-commerce': { nameEn: 'Zhao Yiming', titleEn: 'Foreign investment officer, Commerce Bureau' },
  'staff-edu-head': { nameEn: 'Sun Mingche', titleEn: 'Director, Education Bureau' },
  'staff-street': { nameEn: 'Wu Qinghe', titleEn: 'Head of Investment, Jinwan Subdistrict' },
  'staff-park': { nameEn: 'Zheng Jiamu', titleEn: 'Head of Investment, High-tech Park Committee' },
};

/**
 * The people investors meet, in the office's English (admin.staff.setEnglish): card owners as on their cards, and
 * the carrier manager 沈观澜, who has no card but is named on 南岭工业坊 and brought into its leads. The office
 * administrator and the invited colleague face no investor and keep Chinese only.
 */
const STAFF_EN: Record<string, { nameEn: string; titleEn: string }> = {
  ...PERSON_EN,
  'staff-carrier-manager': { nameEn: 'Shen Guanlan', titleEn: 'Site manager, High-tech Park Committee' },
};

export const withEnglishStaff = (s: Staff): Staff => (STAFF_EN[s._id] ? { ...s, ...STAFF_EN[s._id] } : s);

export const withEnglishCard = (c: Card): Card => {
  const person = PERSON_EN[c.staffId];
  if (!person) return c;
  return {
    ...c,
    ...person,
    greetingEn: c.staffId === 'staff-head' ? 'We mean business: let us connect you, invest with you and grow with you.' : 'Welcome to Linjiang — ask me anything, any time.',
  };
};

export const withEnglishCarrier = (c: Carrier): Carrier => {
  const nameEn = CARRIER_NAME_EN[c._id];
  if (!nameEn) return c;
  const streetEn = STREET_EN[c.street] ?? '';
  const english = {
    nameEn,
    streetEn,
    addressEn: addressEn(c.address, streetEn),
    facilitiesEn: c.facilities.map((f) => FACILITY_EN[f] ?? ''),
    suitedIndustriesEn: englishIndustries(c.suitedIndustries),
    policiesEn: c.policies.map((p) => POLICY_EN[p] ?? ''),
    managerNameEn: MANAGER_EN[c.managerName] ?? '',
  };
  return { ...c, ...english, searchText: carrierSearchText({ ...c, ...english, typeLabel: CARRIER_TYPE_LABELS[c.type] }) };
};

/** Staff industries are the district's: the English the directory shows comes from `keyIndustriesEn`. */
export const DEMO_ENGLISH_CARRIER_IDS = Object.keys(CARRIER_NAME_EN);
