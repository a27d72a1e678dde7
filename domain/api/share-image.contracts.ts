import * as v from 'valibot';
import { CardShareImageContentSchema, MAX_SHARE_IMAGE_CHARS, SHARE_IMAGE_FINGERPRINT, SHARE_IMAGE_SHAPES } from '../share/share-image.schema';
import { defineContract } from './contract';

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
    image: v.pipe(v.string(), v.minLength(4), v.maxLength(MAX_SHARE_IMAGE_CHARS, '分享图过大'), v.regex(/^[A-Za-z0-9+/]+={0,2}$/, '文件内容不正确')),
  }),
  response: v.object({ fingerprint: v.string(), ...imageRefs, reused: v.boolean() }),
});

export const SHARE_IMAGE_CONTRACTS = [shareImageStateContract, shareImageSaveContract] as const;
