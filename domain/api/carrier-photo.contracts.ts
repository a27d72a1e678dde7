import * as v from 'valibot';
import { PHOTO_REVIEW_STATUSES, photoRef } from '../carrier/carrier.schema';
import { id } from '../common/text';
import { defineContract } from './contract';

/**
 * A photo's base64 in chunks of ≤ 48 000 characters: 146 hold the 5 MB a photo may have. The contract takes up
 * to 200 so a larger file hears `PHOTO.TOO_LARGE` from the first chunk rather than a bare validation error.
 */
export const PHOTO_CHUNK_CHARS = 48_000;
export const MAX_PHOTO_CHUNKS = 200;
const uploadId = () => v.pipe(v.string(), v.regex(/^ph_[A-Za-z0-9]{16}$/, '上传编号不正确'));

/** What the editor shows of a carrier's photos: the visible ones and those in (or refused by) review. */
export const CarrierPhotosSchema = v.object({
  photos: v.array(v.string()),
  reviews: v.array(v.object({ ref: v.string(), status: v.picklist(PHOTO_REVIEW_STATUSES), reason: v.nullable(v.string()), uploadedAt: v.string() })),
});
export type CarrierPhotos = v.InferOutput<typeof CarrierPhotosSchema>;

/** The web build sends a photo's bytes in chunks (each well under a request's limits); `photoAdd` then reads them. */
export const adminCarrierPhotoChunkContract = defineContract({
  name: 'admin.carrier.photoChunk',
  fn: 'admin',
  access: 'staff',
  writes: true,
  request: v.strictObject({
    carrierId: id(),
    uploadId: uploadId(),
    index: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_PHOTO_CHUNKS - 1)),
    total: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_PHOTO_CHUNKS)),
    chunk: v.pipe(v.string(), v.minLength(4), v.maxLength(PHOTO_CHUNK_CHARS), v.regex(/^[A-Za-z0-9+/]+={0,2}$/, '文件内容不正确')),
  }),
  response: v.object({ index: v.number(), total: v.number() }),
});

/**
 * Adds an uploaded photo to a carrier: from the chunks (web) or from cloud storage (the mini-program uploaded it
 * under `carrier-photos/`). The bytes are checked (type by magic bytes, size), then the content check runs; the
 * photo is visible to investors only once it passed.
 */
export const adminCarrierPhotoAddContract = defineContract({
  name: 'admin.carrier.photoAdd',
  fn: 'admin',
  access: 'staff',
  writes: true,
  request: v.strictObject({
    carrierId: id(),
    source: v.variant('kind', [
      v.strictObject({ kind: v.literal('chunks'), uploadId: uploadId(), total: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_PHOTO_CHUNKS)) }),
      v.strictObject({ kind: v.literal('cloud'), fileId: v.pipe(v.string(), v.maxLength(512), v.regex(/^cloud:\/\/[\w.-]+\/carrier-photos\/[\w-]+\/[\w.-]+$/, '图片地址不正确')) }),
    ]),
  }),
  response: CarrierPhotosSchema,
});

/** Clears a refused photo's note from the editor (the file itself is already gone). */
export const adminCarrierPhotoDismissContract = defineContract({
  name: 'admin.carrier.photoDismiss',
  fn: 'admin',
  access: 'staff',
  writes: true,
  request: v.strictObject({ carrierId: id(), ref: photoRef() }),
  response: CarrierPhotosSchema,
});

export const CARRIER_PHOTO_CONTRACTS = [adminCarrierPhotoChunkContract, adminCarrierPhotoAddContract, adminCarrierPhotoDismissContract] as const;
