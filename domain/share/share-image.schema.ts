import * as v from 'valibot';

/**
 * Share images drawn per card from its content: 5:4 for a chat share (onShareAppMessage) and 1:1 for Moments
 * (onShareTimeline). The sizes are WeChat's ratios at a size that stays a small JPEG (tens of KB).
 */
export const SHARE_IMAGE_SHAPES = ['chat', 'moments'] as const;
export type ShareImageShape = (typeof SHARE_IMAGE_SHAPES)[number];

export const SHARE_IMAGE_SIZES: Record<ShareImageShape, { width: number; height: number }> = {
  chat: { width: 500, height: 400 },
  moments: { width: 400, height: 400 },
};

/**
 * Bumped whenever the drawing changes: it is part of the fingerprint, so every card is redrawn once with the
 * new layout and never again after that.
 */
export const SHARE_IMAGE_LAYOUT_VERSION = 1;

/** A drawn image's bytes: a flat JPEG of this size is 20–40 KB; 64 KB leaves room and keeps requests small. */
export const MAX_SHARE_IMAGE_BYTES = 64 * 1024;
/** Base64 of MAX_SHARE_IMAGE_BYTES. */
export const MAX_SHARE_IMAGE_CHARS = Math.ceil(MAX_SHARE_IMAGE_BYTES / 3) * 4;

/** Hex of the content's hash (server side); what the images are keyed by. */
export const SHARE_IMAGE_FINGERPRINT = /^[a-f0-9]{32}$/;

/** What a card's share images say, in the card's own (Chinese) content. */
export const CardShareImageContentSchema = v.object({
  districtName: v.string(),
  slogan: v.string(),
  personName: v.string(),
  personTitle: v.string(),
  unitName: v.string(),
  /** The district's first headline figures. */
  figures: v.array(v.object({ value: v.string(), label: v.string() })),
  isDemo: v.boolean(),
});
export type CardShareImageContent = v.InferOutput<typeof CardShareImageContentSchema>;

/** The images kept on a card: both belong to `fingerprint`; a shape not drawn yet is null. */
export const StoredShareImagesSchema = v.strictObject({
  fingerprint: v.pipe(v.string(), v.regex(SHARE_IMAGE_FINGERPRINT)),
  chat: v.nullable(v.string()),
  moments: v.nullable(v.string()),
  savedAt: v.string(),
});
export type StoredShareImages = v.InferOutput<typeof StoredShareImagesSchema>;
