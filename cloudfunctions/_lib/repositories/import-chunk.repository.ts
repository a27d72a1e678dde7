import { COLLECTIONS } from '../store/collections';
import type { TransactionStore } from '../store/store-port';

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
