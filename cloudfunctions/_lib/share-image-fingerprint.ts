import { createHash } from 'node:crypto';
import { carrierShareImageFingerprintSource } from '../../domain/carrier/carrier-share-image.rules';
import type { CarrierShareImageContent } from '../../domain/carrier/carrier-share-image.schema';
import type { CardShareImageContent } from '../../domain/share/share-image.schema';
import { shareImageFingerprintSource } from '../../domain/share/share-image.rules';

/** SHA-256 of a fingerprint source, 128 bits in hex. */
const fingerprintOf = (source: string): string => createHash('sha256').update(source).digest('hex').slice(0, 32);

/** The key of a card's share images: the hash of the drawn content and the layout version. */
export const shareImageFingerprint = (content: CardShareImageContent): string => fingerprintOf(shareImageFingerprintSource(content));

/** The key of a carrier's share images in one language (the source names it a carrier's, so none collides with a card's). */
export const carrierShareImageFingerprint = (content: CarrierShareImageContent): string => fingerprintOf(carrierShareImageFingerprintSource(content));
