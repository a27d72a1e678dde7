import type { Share } from '../../../domain/share/share.schema';
import { consumeRate, type RateRule } from '../rate-limit';
import { COLLECTIONS } from '../store/collections';
import type { DocumentStore } from '../store/store-port';
import { getManyById } from './get-many';
import { countCardShare } from './view-count.repository';

const C = COLLECTIONS.shares.name;

export const getShare = (store: DocumentStore, code: string) => store.get<Share>(C, code);

/** One person's hop: the same card, shared the same way from the same parent. */
export type ShareHop = Pick<Share, 'cardId' | 'sharerStaffId' | 'sharerVisitorHash' | 'parentCode' | 'channel'>;

export const findShareHop = async (store: DocumentStore, hop: ShareHop): Promise<Share | null> => {
  const [existing] = await store.find<Share>(C, { where: { ...hop }, limit: 1 });
  return existing ?? null;
};

/** Stores a new hop, counted against the sharer's limits and on the card's counters in the same transaction (refused: nothing written). */
export const recordShare = (store: DocumentStore, share: Share, limits: readonly RateRule[], now: Date): Promise<void> =>
  store.transaction(async (tx) => {
    await consumeRate(tx, limits, now);
    // The card's share counter moves with the hop, so card.stats reads it instead of counting shares.
    await Promise.all([tx.insert<Share>(C, share), countCardShare(tx, share)]);
  });

/** Keeps a share's generated code (cloud file ids only: data URLs are redrawn instead). */
export const saveShareQr = (store: DocumentStore, code: string, qr: NonNullable<Share['qr']>) => store.update(C, code, { set: { qr } });

/** Shares by code in one request (see getManyById): a share chain's ancestors. */
export const getSharesByCodes = (store: DocumentStore, codes: Iterable<string | null | undefined>) => getManyById<Share>(store, C, codes);
