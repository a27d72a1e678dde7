import { adminCarrierPhotoAddContract, adminCarrierPhotoChunkContract, PHOTO_CHUNK_CHARS, type CarrierPhotos } from '../../domain/api/carrier-photo.contracts';
import { MAX_PHOTO_BYTES, pickedPhotoProblem } from '../../domain/carrier/carrier-photo.rules';
import { ERROR_MESSAGES } from '../../domain/common/error-codes';
import { call } from './api-client';
import { chooseAndUploadImage, ImageUploadError } from './image-upload';

/**
 * Carrier photos reach the backend two ways, both ending in `admin.carrier.photoAdd`, which checks the bytes and
 * starts the content review: the web build sends the chosen file's base64 in chunks; the mini-program uploads to
 * cloud storage under `carrier-photos/<carrier>/` and names the file.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const newUploadId = () => `ph_${Array.from({ length: 16 }, () => ALPHABET[Math.floor(Math.random() * ALPHABET.length)]).join('')}`;

/** The device's early check of a picked file (declared type, size), in Chinese; null when it may be sent. */
export const pickedPhotoMessage = (file: { size: number; type: string }): string | null => {
  const problem = pickedPhotoProblem(file);
  return problem ? ERROR_MESSAGES[problem] : null;
};

/** Web: the bytes of a file from an <input type="file">, as base64. */
export const readFileBase64 = (file: File): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new ImageUploadError('无法读取这张图片，请换一张试试'));
    reader.readAsDataURL(file);
  });

/** Web: sends the base64 in chunks (each whole base64 of its own: 48 000 is a multiple of 4), then adds the photo. */
export const sendPhotoBase64 = async (carrierId: string, base64: string): Promise<CarrierPhotos> => {
  const uploadId = newUploadId();
  const chunks = base64.match(new RegExp(`.{1,${PHOTO_CHUNK_CHARS}}`, 'g')) ?? [];
  for (const [index, chunk] of chunks.entries()) await call(adminCarrierPhotoChunkContract, { carrierId, uploadId, index, total: chunks.length, chunk });
  return call(adminCarrierPhotoAddContract, { carrierId, source: { kind: 'chunks', uploadId, total: chunks.length } });
};

/** Mini-program: pick, upload to cloud storage, add; null when the user cancelled. Throws ImageUploadError. */
export const pickAndSendPhotoInWeChat = async (carrierId: string): Promise<CarrierPhotos | null> => {
  const fileId = await chooseAndUploadImage(`carrier-photos/${carrierId}`, MAX_PHOTO_BYTES);
  if (!fileId) return null;
  return call(adminCarrierPhotoAddContract, { carrierId, source: { kind: 'cloud', fileId } });
};
