import * as v from 'valibot';
import { CardShareImageContentSchema, MAX_SHARE_IMAGE_CHARS, SHARE_IMAGE_FINGERPRINT, SHARE_IMAGE_SHAPES } from '../share/share-image.schema';
import { CarrierShareImageContentSchema } from '../carrier/carrier-share-image.schema';
import { CONTENT_LANGUAGES } from '../common/content-language';
import { id } from '../common/text';
import { defineContract } from './contract';

/** Base64 of a PNG or JPEG (its size and shape are checked by the use case). */
const imageField = () => v.pipe(v.string(), v.minLength(4), v.maxLength(MAX_SHARE_IMAGE_CHARS, '分享图过大'), v.regex(/^[A-Za-z0-9+/]+={0,2}$/, '文件内容不正确'));

const imageRefs = {
  /** Public refs of the images drawn for `fingerprint`; null where that shape is not drawn yet. */
  chat: v.nullable(v.string()),
  moments: v.nullable(v.string()),
};

/**
 * The caller's own card as its share images show it: the content to draw, its fingerprint and the images
 * already drawn from exactly this content (so an unchanged card is not drawn again). Null: no card saved yet.
 */
export const shareImageStateContract = defineContract({
  name: 'share.imageState',
  fn: 'sharing',
  access: 'staff',
  writes: false,
  request: v.strictObject({}),
  response: v.nullable(v.object({ cardId: v.string(), fingerprint: v.string(), content: CardShareImageContentSchema, ...imageRefs })),
});

/**
 * Stores one drawn share image of the caller's own card (the owner is the only one who can), as base64 of a
 * PNG or JPEG of exactly the shape's size. Keyed by the content fingerprint: an image for content that has
 * changed since is refused (`SHARE.IMAGE_STALE`), one already stored for this fingerprint is kept.
 */
export const shareImageSaveContract = defineContract({
  name: 'share.saveImage',
  fn: 'sharing',
  access: 'staff',
  writes: true,
  request: v.strictObject({
    shape: v.picklist(SHARE_IMAGE_SHAPES),
    fingerprint: v.pipe(v.string(), v.regex(SHARE_IMAGE_FINGERPRINT, '图片指纹格式不正确')),
    image: imageField(),
  }),
  response: v.object({ fingerprint: v.string(), ...imageRefs, reused: v.boolean() }),
});

/**
 * A carrier as its share images show it, in each language (Chinese and English): the content to draw, its
 * fingerprint and the images already drawn from exactly it. Drawn on the device of a staff member who manages
 * the carrier (the district admin, the leader of its unit, its carrier manager); anyone else meets
 * CARRIER.NOT_FOUND, as for a missing id. Null: the carrier is withdrawn (not shared, nothing to draw).
 */
export const carrierImageStateContract = defineContract({
  name: 'share.carrierImageState',
  fn: 'sharing',
  access: 'staff',
  writes: false,
  request: v.strictObject({ carrierId: id() }),
  response: v.nullable(
    v.object({
      carrierId: v.string(),
      variants: v.array(v.object({ lang: v.picklist(CONTENT_LANGUAGES), fingerprint: v.string(), content: CarrierShareImageContentSchema, ...imageRefs })),
    }),
  ),
});

/**
 * Stores one drawn share image of a carrier in one language, as share.saveImage does for a card: refused as
 * SHARE.CARRIER_IMAGE_STALE when the carrier changed since, reused when already stored for this fingerprint.
 */
export const carrierImageSaveContract = defineContract({
  name: 'share.saveCarrierImage',
  fn: 'sharing',
  access: 'staff',
  writes: true,
  request: v.strictObject({
    carrierId: id(),
    lang: v.picklist(CONTENT_LANGUAGES, '语言只能是 zh 或 en'),
    shape: v.picklist(SHARE_IMAGE_SHAPES),
    fingerprint: v.pipe(v.string(), v.regex(SHARE_IMAGE_FINGERPRINT, '图片指纹格式不正确')),
    image: imageField(),
  }),
  response: v.object({ fingerprint: v.string(), ...imageRefs, reused: v.boolean() }),
});

export const SHARE_IMAGE_CONTRACTS = [shareImageStateContract, shareImageSaveContract, carrierImageStateContract, carrierImageSaveContract] as const;
