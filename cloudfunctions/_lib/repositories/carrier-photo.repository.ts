import type { Carrier, PhotoReview } from '../../../domain/carrier/carrier.schema';
import { COLLECTIONS } from '../store/collections';
import type { DocumentStore, TransactionStore } from '../store/store-port';
import { chunkId, type ImportChunk } from './import-chunk.repository';

const CHUNKS = COLLECTIONS.importChunks.name;
const CHECKS = COLLECTIONS.photoChecks.name;

export interface PhotoCheck {
  _id: string;
  carrierId: string;
  ref: string;
  fileId: string;
  /** When the photo was sent to the check (this attempt). */
  createdAt: string;
  /** Who uploaded it: WeChat checks for a user, so a re-request needs them (absent on checks stored before). */
  openid?: string | null;
  /** 1 for the upload's check, 2 for the timer's one re-request (absent: 1). */
  attempt?: number;
  [k: string]: unknown;
}

/** The chunks of one upload in order, or null when one is missing or belongs to someone else. */
export const readPhotoChunks = async (store: TransactionStore, uploadId: string, total: number, staffId: string): Promise<string[] | null> => {
  const parts = await Promise.all(Array.from({ length: total }, (_, i) => store.get<ImportChunk>(CHUNKS, chunkId(uploadId, i))));
  if (parts.some((p) => !p || p.staffId !== staffId || p.total !== total)) return null;
  return parts.map((p) => (p as ImportChunk).data);
};

export const dropPhotoChunks = async (tx: TransactionStore, uploadId: string, total: number): Promise<void> => {
  for (let i = 0; i < total; i += 1) await tx.remove(CHUNKS, chunkId(uploadId, i));
};

export const recordPhotoCheck = (tx: TransactionStore, check: PhotoCheck) => tx.insert(CHECKS, check);
export const getPhotoCheck = (store: TransactionStore, traceId: string) => store.get<PhotoCheck>(CHECKS, traceId);
export const dropPhotoCheck = (tx: TransactionStore, traceId: string) => tx.remove(CHECKS, traceId);

/** Checks sent before `cutoff` and still without a verdict, oldest first (`by_created`), at most `limit`. */
export const findPhotoChecksSentBefore = (store: DocumentStore, cutoff: string, limit: number) =>
  store.find<PhotoCheck>(CHECKS, { where: { createdAt: { lt: cutoff } }, orderBy: [{ field: 'createdAt', direction: 'asc' }, { field: '_id', direction: 'asc' }], limit });

/** The carrier's photos and reviews, written together so a photo is never both visible and in review. */
export const setCarrierPhotos = (tx: TransactionStore, carrier: Pick<Carrier, '_id'>, listed: boolean, photos: string[], photoReviews: PhotoReview[], updatedAt: string) =>
  tx.update(listed ? COLLECTIONS.carriers.name : COLLECTIONS.carriersWithdrawn.name, carrier._id, { set: { photos, photoReviews, updatedAt } });
