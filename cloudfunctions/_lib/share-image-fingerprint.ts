import { createHash } from 'node:crypto';
import type { CardShareImageContent } from '../../domain/share/share-image.schema';
import { shareImageFingerprintSource } from '../../domain/share/share-image.rules';

/** The key of a card's share images: SHA-256 of the drawn content and the layout version, 128 bits in hex. */
export const shareImageFingerprint = (content: CardShareImageContent): string => createHash('sha256').update(shareImageFingerprintSource(content)).digest('hex').slice(0, 32);
