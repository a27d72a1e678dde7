import * as v from 'valibot';
import { id, imageRef, isoTime, line, nonNegative } from '../common/text';

export const CARRIER_TYPES = ['building', 'industrial_park', 'factory', 'industrial_land', 'heritage', 'incubator'] as const;
export type CarrierType = (typeof CARRIER_TYPES)[number];

export const CARRIER_TYPE_LABELS: Record<CarrierType, string> = {
  building: '楼宇',
  industrial_park: '产业园',
  factory: '厂房',
  industrial_land: '工业用地',
  heritage: '历史文化载体',
  incubator: '孵化器',
};

export const PRICE_UNITS = ['yuan_per_sqm_day', 'yuan_per_sqm_month', 'wan_per_mu'] as const;
export type PriceUnit = (typeof PRICE_UNITS)[number];
export const PRICE_UNIT_LABELS: Record<(typeof PRICE_UNITS)[number], string> = {
  yuan_per_sqm_day: '元/㎡·天',
  yuan_per_sqm_month: '元/㎡·月',
  wan_per_mu: '万元/亩',
};

export const CarrierSchema = v.strictObject({
  _id: id(),
  districtId: id(),
  type: v.picklist(CARRIER_TYPES),
  name: line(1, 40),
  street: line(1, 20),
  address: line(1, 80),
  /** Square metres. */
  totalArea: nonNegative(),
  vacantArea: nonNegative(),
  hasVacancy: v.boolean(),
  floors: v.optional(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200)))),
  /** Reference price range; 0/0 means 面议 (negotiable). Required so price sorting pages by key. */
  priceMin: nonNegative(),
  priceMax: nonNegative(),
  priceUnit: v.picklist(PRICE_UNITS),
  facilities: v.pipe(v.array(line(1, 20)), v.maxLength(20)),
  suitedIndustries: v.pipe(v.array(line(1, 20)), v.maxLength(10)),
  policies: v.pipe(v.array(line(1, 80)), v.maxLength(10)),
  managerName: line(1, 20),
  managerPhone: line(5, 20),
  /** When the building manager is also a staff member, carrier leads notify them too. */
  managerStaffId: v.optional(v.nullable(id())),
  /** The unit that owns the listing; its leader may edit it in the district office. */
  unitId: v.optional(v.nullable(id())),
  /** Last vacancy reminder sent to the manager (the cycle's next reminder waits for a confirmation or a new cycle). */
  vacancyRemindedAt: v.optional(v.nullable(isoTime())),
  location: v.strictObject({ lat: v.pipe(v.number(), v.minValue(-90), v.maxValue(90)), lng: v.pipe(v.number(), v.minValue(-180), v.maxValue(180)) }),
  photos: v.pipe(v.array(imageRef()), v.maxLength(9)),
  /** Lower-cased name, street, address, industries: LIKE search also finds 2-character terms (厂房). */
  searchText: v.pipe(v.string(), v.maxLength(600)),
  lastVerifiedAt: isoTime(),
  createdAt: isoTime(),
  updatedAt: isoTime(),
});
export type Carrier = v.InferOutput<typeof CarrierSchema>;
