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
 * What a carrier's share images lack for its content as it is now, over both languages: `outdated` when some
 * pair was drawn from earlier content (a vacancy confirmed by link, a re-import), `missing` when some language
 * was never drawn (created by import), null when every pair is complete and current.
 */
export const carrierShareImagesToDraw = (carrier: Carrier, district: DistrictNames): 'outdated' | 'missing' | null => {
  let missing = false;
  for (const lang of CARRIER_SHARE_IMAGE_LANGUAGES) {
    const stored = carrier.shareImages?.[lang];
    const pair = carrierImagesFor(carrier.shareImages, lang, carrierImageContent(carrier, district, lang).fingerprint);
    if (stored && !pair) return 'outdated';
    if (!pair?.chat || !pair.moments) missing = true;
  }
  return missing ? 'missing' : null;
};
