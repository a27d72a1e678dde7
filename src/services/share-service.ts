import type { ResponseOf } from '../../domain/api/contract';
import { createShareContract, recordVisitContract } from '../../domain/api/sharing.contracts';
import type { ShareChannel } from '../../domain/lead/lead.schema';
import { call } from './api-client';
import { deviceVisitorKey } from './visitor-key';

export type ShareLink = ResponseOf<typeof createShareContract>;

/**
 * Counts one view of a card. Counting must never disturb the visitor: every failure (offline, rate limit,
 * a card taken down meanwhile) is swallowed.
 */
export const recordCardVisit = async (visit: { cardId: string; shareCode: string | null; channel: ShareChannel }): Promise<boolean> => {
  try {
    const input = { cardId: visit.cardId, channel: visit.channel, visitorKey: deviceVisitorKey(), ...(visit.shareCode ? { shareCode: visit.shareCode } : {}) };
    const { counted } = await call(recordVisitContract, input);
    return counted;
  } catch {
    return false;
  }
};

/** One share hop per card, channel and parent for this app session: reopening the page reuses it. */
const created = new Map<string, Promise<ShareLink | null>>();

/**
 * Creates a share hop (needs a signed-in caller: the mini-program in full mode, or a web persona locally).
 * Resolves null when it cannot: the caller then shares the plain card link.
 */
export const createCardShare = (share: { cardId: string; channel: ShareChannel; parentCode: string | null }): Promise<ShareLink | null> => {
  const key = `${share.cardId}|${share.channel}|${share.parentCode ?? ''}`;
  const existing = created.get(key);
  if (existing) return existing;
  const pending = call(createShareContract, {
    cardId: share.cardId,
    channel: share.channel,
    ...(share.parentCode ? { parentCode: share.parentCode } : {}),
  }).catch(() => {
    // Let a later attempt try again (e.g. once the network is back).
    created.delete(key);
    return null;
  });
  created.set(key, pending);
  return pending;
};

/** Tests start each case with no remembered shares. */
export const forgetCreatedShares = (): void => created.clear();
