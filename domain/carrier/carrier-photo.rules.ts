/**
 * What a carrier photo may be: JPEG, PNG or WebP, up to 5 MB, told by its first bytes (an extension or a
 * declared MIME type proves nothing). The client checks the same limits first so people hear early.
 */

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const MAX_CARRIER_PHOTOS = 9;
export const PHOTO_TYPES = ['jpg', 'png', 'webp'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];
export const PHOTO_MIME: Record<PhotoType, string> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

/**
 * How long a photo waits for the image check's verdict (`wxa_media_check`) before the timer treats it as unchecked.
 * WeChat documents verdicts within about 30 minutes; a day leaves room for a slow day, never for a photo shown
 * unchecked. The first timeout sends the photo to the check once more; the second takes it off.
 */
export const PHOTO_CHECK_TIMEOUT_MS = 24 * 3600_000;
export const PHOTO_CHECK_ATTEMPTS = 2;
/** What the office reads on a photo whose check never answered, twice. */
export const PHOTO_CHECK_TIMED_OUT_REASON = '审核超时，请重新上传';

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) => prefix.every((b, i) => bytes[at + i] === b);

/** The image type the bytes really are, or null. */
export const sniffPhotoType = (bytes: Uint8Array): PhotoType | null => {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  // RIFF....WEBP
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'webp';
  return null;
};

export type PhotoProblem = 'PHOTO.EMPTY' | 'PHOTO.TOO_LARGE' | 'PHOTO.TYPE_UNSUPPORTED';

/** Null when the bytes may be stored as a carrier photo, else why not. */
export const photoProblem = (bytes: Uint8Array): PhotoProblem | null => {
  if (bytes.length === 0) return 'PHOTO.EMPTY';
  if (bytes.length > MAX_PHOTO_BYTES) return 'PHOTO.TOO_LARGE';
  return sniffPhotoType(bytes) ? null : 'PHOTO.TYPE_UNSUPPORTED';
};

/** The client's early check of a picked file (declared type and size); null when it may be sent. */
export const pickedPhotoProblem = (file: { size: number; type: string }): PhotoProblem | null => {
  if (!(file.size > 0)) return 'PHOTO.EMPTY';
  if (file.size > MAX_PHOTO_BYTES) return 'PHOTO.TOO_LARGE';
  return Object.values(PHOTO_MIME).includes(file.type.toLowerCase()) ? null : 'PHOTO.TYPE_UNSUPPORTED';
};
