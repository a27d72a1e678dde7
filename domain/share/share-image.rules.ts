import { SHARE_IMAGE_LAYOUT_VERSION, SHARE_IMAGE_SIZES, type CardShareImageContent, type ShareImageShape, type StoredShareImages } from './share-image.schema';

/** The headline figures a share image has room for. */
export const SHARE_IMAGE_FIGURES = 2;

/** What a card's share images show, from the records card.get reads (the Chinese content, never the English). */
export const cardShareImageContent = (input: {
  district: { name: string; slogan: string; isDemo?: boolean; headlineFigures: readonly { label: string; value: string }[] };
  owner: { name: string; title: string };
  unitName: string;
}): CardShareImageContent => ({
  districtName: input.district.name,
  slogan: input.district.slogan,
  personName: input.owner.name,
  personTitle: input.owner.title,
  unitName: input.unitName,
  figures: input.district.headlineFigures.slice(0, SHARE_IMAGE_FIGURES).map((f) => ({ value: f.value, label: f.label })),
  isDemo: input.district.isDemo === true,
});

/**
 * The exact text the fingerprint hashes: the layout version and every field in a fixed order, so the same
 * content always gives the same fingerprint and any change (or a new layout) gives another.
 */
export const shareImageFingerprintSource = (content: CardShareImageContent): string =>
  JSON.stringify([
    'card',
    SHARE_IMAGE_LAYOUT_VERSION,
    content.districtName,
    content.slogan,
    content.personName,
    content.personTitle,
    content.unitName,
    content.figures.map((f) => [f.value, f.label]),
    content.isDemo,
  ]);

/** The refs a public read passes on: only images drawn from the content as it is now. */
export const currentShareImages = (stored: StoredShareImages | undefined, fingerprint: string): { chat: string | null; moments: string | null } | null =>
  stored && stored.fingerprint === fingerprint && (stored.chat || stored.moments) ? { chat: stored.chat, moments: stored.moments } : null;

const u16 = (b: Uint8Array, at: number) => ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
const u32 = (b: Uint8Array, at: number) => u16(b, at) * 65536 + u16(b, at + 2);

/** Width and height from a PNG's IHDR or a JPEG's first frame header; null when the bytes are neither. */
export const imageDimensions = (bytes: Uint8Array): { type: 'png' | 'jpg'; width: number; height: number } | null => {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.every((x, i) => bytes[i] === x)) {
    // Signature, then the IHDR chunk: length (4), "IHDR" (4), width (4), height (4).
    if (bytes.length < 24 || String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return null;
    return { type: 'png', width: u32(bytes, 16), height: u32(bytes, 20) };
  }
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1] ?? 0;
    // Fill bytes before a marker.
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC): length (2), precision (1), height (2), width (2).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { type: 'jpg', height: u16(bytes, at + 5), width: u16(bytes, at + 7) };
    }
    at += 2 + u16(bytes, at + 2);
  }
  return null;
};

export type ShareImageProblem = 'SHARE.IMAGE_INVALID';

/** Null when the bytes are a PNG or JPEG of exactly the shape's size and within the byte limit. */
export const shareImageProblem = (bytes: Uint8Array, shape: ShareImageShape, maxBytes: number): ShareImageProblem | null => {
  if (bytes.length === 0 || bytes.length > maxBytes) return 'SHARE.IMAGE_INVALID';
  const dims = imageDimensions(bytes);
  const want = SHARE_IMAGE_SIZES[shape];
  return dims && dims.width === want.width && dims.height === want.height ? null : 'SHARE.IMAGE_INVALID';
};
