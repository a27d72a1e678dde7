import { recordVisitContract } from '../../domain/api/sharing.contracts';
import type { View } from '../../domain/share/share.schema';
import { defineAction } from '../_lib/define-action';
import { getCard } from '../_lib/repositories/card.repository';
import { getShare } from '../_lib/repositories/share.repository';
import { COLLECTIONS } from '../_lib/store/collections';
import { isStoreError } from '../_lib/store/store-port';
import { hashedId, visitorHash } from '../_lib/visitor-hash';
import { DomainError, isDomainError } from '../../domain/common/result';
import { consumeRate } from '../_lib/rate-limit';

const VIEWS_PER_CARD_PER_MINUTE = 600;

/**
 * Counts a view: at most one per visitor, card and share per minute (reloads do not inflate counts), and a
 * first-seen marker per visitor and card for unique counts. Anonymous visitors (Moments) are counted by a
 * device key; nothing here can list who viewed.
 */
export const recordVisitAction = defineAction(recordVisitContract, async (deps, ctx, input) => {
  const card = await getCard(deps.store, input.cardId);
  if (!card) throw new DomainError('CARD.NOT_FOUND');
  const share = input.shareCode ? await getShare(deps.store, input.shareCode) : null;
  const shareCode = share && share.cardId === card._id ? share._id : null;
  const visitor = visitorHash(deps.analyticsSalt, ctx.openid ? `o:${ctx.openid}` : `k:${input.visitorKey}`);
  const minute = Math.floor(ctx.now.getTime() / 60_000).toString(36);
  const view: View = {
    _id: hashedId('v', card._id, visitor, shareCode ?? '-', minute),
    districtId: card.districtId,
    cardId: card._id,
    shareCode,
    channel: input.channel,
    visitorHash: visitor,
    day: ctx.now.toISOString().slice(0, 10),
    at: ctx.now.toISOString(),
  };
  try {
    // A per-card budget caps what a script rotating visitor keys can add; real traffic is far below it.
    await deps.store.transaction(async (tx) => {
      await consumeRate(tx, [{ key: `visit:c:${card._id}:1m`, limit: VIEWS_PER_CARD_PER_MINUTE, windowMs: 60_000 }], ctx.now);
      await tx.insert(COLLECTIONS.views.name, view);
    });
  } catch (error) {
    if (isStoreError(error, 'STORE.DUPLICATE_ID') || (isDomainError(error) && error.code === 'RATE.LIMITED')) return { counted: false };
    throw error;
  }
  try {
    await deps.store.insert(COLLECTIONS.cardVisitors.name, { _id: hashedId('cv', card._id, visitor), cardId: card._id, districtId: card.districtId, channel: input.channel, firstSeenAt: view.at });
  } catch (error) {
    if (!isStoreError(error, 'STORE.DUPLICATE_ID')) throw error;
  }
  return { counted: true };
});
