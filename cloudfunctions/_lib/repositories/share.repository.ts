import type { Share } from '../../../domain/share/share.schema';
import { COLLECTIONS } from '../store/collections';
import type { DocumentStore } from '../store/store-port';

export const getShare = (store: DocumentStore, code: string) => store.get<Share>(COLLECTIONS.shares.name, code);
