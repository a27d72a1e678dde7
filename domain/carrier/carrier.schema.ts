import * as v from 'valibot';
import { englishLine, englishList } from '../common/content-language';
import { id, imageRef, isoTime, line, nonNegative } from '../common/text';
import { StoredShareImagesSchema } from '../share/share-image.schema';

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

/** Where an uploaded carrier photo lives: an image reference, or the local cloud's public photo path. */
export const LOCAL_PHOTO_PREFIX = '/api/_local/photos/';
export const photoRef = () =>
  v.union([imageRef(), v.pipe(v.string(), v.maxLength(512), v.regex(/^\/api\/_local\/photos\/carrier-photos\/[\w-]+\/[\w.-]+$/, '图片地址不正确'))], '图片地址不正确');

export const PHOTO_REVIEW_STATUSES = ['reviewing', 'rejected'] as const;
/**
 * An uploaded photo the content check has not passed (yet): never shown to investors. A pass moves it into
 * `photos`; a rejection keeps the row (without the file) so the editor can say why.
 */
export const PhotoReviewSchema = v.strictObject({
  ref: photoRef(),
  status: v.picklist(PHOTO_REVIEW_STATUSES),
  /** The check's trace id (`mediaCheckAsync`), by which its result event finds this row. */
  traceId: v.nullable(v.pipe(v.string(), v.maxLength(128))),
  reason: v.nullable(v.pipe(v.string(), v.maxLength(80))),
  uploadedAt: isoTime(),
});
export type PhotoReview = v.InferOutput<typeof PhotoReviewSchema>;

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
  /** English variants for investors reading English (domain/common/content-language.ts); lists item by item. */
  nameEn: englishLine(80),
  streetEn: englishLine(40),
  addressEn: englishLine(160),
  facilitiesEn: englishList(20, 40),
  suitedIndustriesEn: englishList(10, 40),
  policiesEn: englishList(10, 160),
  managerNameEn: englishLine(40),
  /** When the building manager is also a staff member, carrier leads notify them too. */
  managerStaffId: v.optional(v.nullable(id())),
  /** The unit that owns the listing; its leader may edit it in the district office. */
  unitId: v.optional(v.nullable(id())),
  /** Last vacancy reminder sent to the manager (the cycle's next reminder waits for a confirmation or a new cycle). */
  vacancyRemindedAt: v.optional(v.nullable(isoTime())),
  location: v.strictObject({ lat: v.pipe(v.number(), v.minValue(-90), v.maxValue(90)), lng: v.pipe(v.number(), v.minValue(-180), v.maxValue(180)) }),
  photos: v.pipe(v.array(photoRef()), v.maxLength(9)),
  /** Uploaded photos still in review, or rejected (see PhotoReviewSchema). */
  photoReviews: v.optional(v.pipe(v.array(PhotoReviewSchema), v.maxLength(18))),
  /** Lower-cased name, street, address, industries and their English: LIKE search also finds 2-character terms (厂房). */
  searchText: v.pipe(v.string(), v.maxLength(1200)),
  /** Its share images (domain/carrier/carrier-share-image.rules.ts), one pair per language, each keyed by its fingerprint. */
  shareImages: v.optional(v.strictObject({ zh: v.optional(StoredShareImagesSchema), en: v.optional(StoredShareImagesSchema) })),
  lastVerifiedAt: isoTime(),
  createdAt: isoTime(),
  updatedAt: isoTime(),
});
export type Carrier = v.InferOutput<typeof CarrierSchema>;
