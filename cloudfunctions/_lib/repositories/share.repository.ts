import type { Share } from '../../../domain/share/share.schema';
import { COLLECTIONS } from '../store/collections';
import type { DocumentStore } from '../store/store-port';
import { getManyById } from './get-many';

export const getShare = (store: DocumentStore, code: string) => store.get<Share>(COLLECTIONS.shares.name, code);

/** Shares by code in one request (see getManyById): a share chain's ancestors. */
export const getSharesByCodes = (store: DocumentStore, codes: Iterable<string | null | undefined>) => getManyById<Share>(store, COLLECTIONS.shares.name, codes);
