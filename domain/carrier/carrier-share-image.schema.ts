import * as v from 'valibot';
import { CONTENT_LANGUAGES } from '../common/content-language';
import { CARRIER_TYPES, PRICE_UNITS } from './carrier.schema';

/**
 * What a carrier's share images say, in one language (its English variants where it has them, else the
 * Chinese text): drawn 5:4 for a chat share and 1:1 for Moments, like a card's (domain/share/share-image.schema.ts).
 * Areas and prices stay numbers: the drawing formats them for `lang`.
 */
export const CarrierShareImageContentSchema = v.object({
  lang: v.picklist(CONTENT_LANGUAGES),
  name: v.string(),
  type: v.picklist(CARRIER_TYPES),
  street: v.string(),
  districtName: v.string(),
  totalArea: v.number(),
  vacantArea: v.number(),
  hasVacancy: v.boolean(),
  priceMin: v.nullable(v.number()),
  priceMax: v.nullable(v.number()),
  priceUnit: v.picklist(PRICE_UNITS),
  /** The first reviewed photo, or null (the image is drawn without one). */
  photo: v.nullable(v.string()),
  isDemo: v.boolean(),
});
export type CarrierShareImageContent = v.InferOutput<typeof CarrierShareImageContentSchema>;

/**
 * Bumped whenever the carrier's drawing changes (src/share/share-image/carrier-share-image-layout.ts): part of
 * the fingerprint, so every carrier is redrawn once with the new layout. Separate from the card's version.
 */
export const CARRIER_SHARE_IMAGE_LAYOUT_VERSION = 1;
