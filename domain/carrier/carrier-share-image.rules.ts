import type { CarrierDetail } from '../api/views.schema';
import type { ContentLanguage } from '../common/content-language';
import type { StoredShareImages } from '../share/share-image.schema';
import { CARRIER_SHARE_IMAGE_LAYOUT_VERSION, type CarrierShareImageContent } from './carrier-share-image.schema';

/** The languages a carrier's share images are drawn in: an English page shares the English pair. */
export const CARRIER_SHARE_IMAGE_LANGUAGES: readonly ContentLanguage[] = ['zh', 'en'];

/**
 * What a carrier's share images show, from the detail an investor reading `lang` sees (carrier.get's read
 * model): the same texts, so the image never says what the page does not.
 */
export const carrierShareImageContent = (detail: CarrierDetail, lang: ContentLanguage): CarrierShareImageContent => ({
  lang,
  name: detail.name,
  type: detail.type,
  street: detail.street,
  districtName: detail.districtName,
  totalArea: detail.totalArea,
  vacantArea: detail.vacantArea,
  hasVacancy: detail.hasVacancy,
  priceMin: detail.priceMin,
  priceMax: detail.priceMax,
  priceUnit: detail.priceUnit,
  photo: detail.photos[0] ?? detail.photo ?? null,
  isDemo: detail.isDemo,
});

/**
 * The exact text a carrier image's fingerprint hashes: a 'carrier' tag (a card's content never collides), the
 * layout version and every drawn field in a fixed order.
 */
export const carrierShareImageFingerprintSource = (c: CarrierShareImageContent): string =>
  JSON.stringify([
    'carrier',
    CARRIER_SHARE_IMAGE_LAYOUT_VERSION,
    c.lang,
    c.name,
    c.type,
    c.street,
    c.districtName,
    c.totalArea,
    c.vacantArea,
    c.hasVacancy,
    c.priceMin,
    c.priceMax,
    c.priceUnit,
    c.photo,
    c.isDemo,
  ]);

/** The stored pair of one language, when it was drawn from the content as it is now (else null). */
export const carrierImagesFor = (stored: { zh?: StoredShareImages; en?: StoredShareImages } | undefined, lang: ContentLanguage, fingerprint: string): StoredShareImages | null => {
  const pair = stored?.[lang];
  return pair && pair.fingerprint === fingerprint ? pair : null;
};
