import { CARRIER_SHARE_IMAGE_LANGUAGES, carrierImagesFor, carrierShareImageContent } from '../../domain/carrier/carrier-share-image.rules';
import type { Carrier } from '../../domain/carrier/carrier.schema';
import type { ContentLanguage } from '../../domain/common/content-language';
import type { District } from '../../domain/org/district.schema';
import { toCarrierDetail } from './read-models';
import { carrierShareImageFingerprint } from './share-image-fingerprint';

type DistrictNames = Pick<District, 'name' | 'nameEn' | 'isDemo'>;

/** A carrier's share images in one language as carrier.get shows it: the content and its fingerprint. */
export const carrierImageContent = (carrier: Carrier, district: DistrictNames, lang: ContentLanguage) => {
  const content = carrierShareImageContent(toCarrierDetail(carrier, district, lang), lang);
  return { content, fingerprint: carrierShareImageFingerprint(content) };
};

/**
 * True when some language lacks a stored pair drawn from the carrier's content as it is now: never drawn
 * (created by import) or drawn before a change made outside the editor (a vacancy confirmed by link, a re-import).
 */
export const carrierShareImagesStale = (carrier: Carrier, district: DistrictNames): boolean =>
  CARRIER_SHARE_IMAGE_LANGUAGES.some((lang) => {
    const pair = carrierImagesFor(carrier.shareImages, lang, carrierImageContent(carrier, district, lang).fingerprint);
    return !pair?.chat || !pair.moments;
  });
