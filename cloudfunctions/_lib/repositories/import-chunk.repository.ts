import { COLLECTIONS } from '../store/collections';
import { forEachBounded } from '../bounded-concurrency';
import type { DocumentStore, TransactionStore } from '../store/store-port';

export interface ImportChunk {
  _id: string;
  districtId: string;
  staffId: string;
  index: number;
  total: number;
  data: string;
  createdAt: string;
  [k: string]: unknown;
}

const C = COLLECTIONS.importChunks.name;
export const chunkId = (uploadId: string, index: number) => `${uploadId}:${index}`;

export const getChunk = (store: TransactionStore, uploadId: string, index: number) => store.get<ImportChunk>(C, chunkId(uploadId, index));

/** Re-sending a chunk (a retry after a lost answer) replaces it. */
export const putChunk = async (tx: TransactionStore, chunk: ImportChunk): Promise<void> => {
  const { _id, ...rest } = chunk;
  if (!(await tx.update(C, _id, { set: rest }))) await tx.insert(C, chunk);
};

/** How long an upload's chunks are kept: a dry run and its apply, or a photo's chunks and its add, fit well inside. */
export const UPLOAD_CHUNK_TTL_MS = 24 * 3600_000;

/**
 * Drops chunks older than the TTL, oldest first, at most `limit` per call (`by_created` index): a photo picked
 * and never added, an import file read long ago (with the people or carriers it listed) does not stay forever.
 */
export const dropStaleChunks = async (store: DocumentStore, now: Date, limit: number, stop: () => boolean): Promise<number> => {
  const cutoff = new Date(now.getTime() - UPLOAD_CHUNK_TTL_MS).toISOString();
  const stale = await store.find<ImportChunk>(C, { where: { createdAt: { lt: cutoff } }, orderBy: [{ field: 'createdAt', direction: 'asc' }, { field: '_id', direction: 'asc' }], limit });
  let dropped = 0;
  await forEachBounded(
    stale,
    8,
    async (chunk) => {
      if (await store.remove(C, chunk._id)) dropped += 1;
    },
    stop,
  );
  return dropped;
};
