import { recordVisitContract } from '../../domain/api/sharing.contracts';
import { chinaDay } from '../../domain/share/view-stats.rules';
import { defineAction } from '../_lib/define-action';
import { getCard } from '../_lib/repositories/card.repository';
import { getShare } from '../_lib/repositories/share.repository';
import { countView } from '../_lib/repositories/view-count.repository';
import { dailyVisitorHash, hashedId } from '../_lib/visitor-hash';
import { DomainError, isDomainError } from '../../domain/common/result';

const VIEWS_PER_CARD_PER_MINUTE = 600;

/**
 * Counts a view: at most one per visitor, card and share per minute (reloads do not inflate counts), and each
 * visitor once per card and day for unique counts. Only counters are kept; the marks that dedupe are hashes
 * under the day's key and are dropped after the day, so no list of who viewed exists. Anonymous visitors
 * (Moments) are told apart by a device key.
 */
export const recordVisitAction = defineAction(recordVisitContract, async (deps, ctx, input) => {
  const card = await getCard(deps.store, input.cardId);
  if (!card) throw new DomainError('CARD.NOT_FOUND');
  const share = input.shareCode ? await getShare(deps.store, input.shareCode) : null;
  const shareCode = share && share.cardId === card._id ? share._id : null;
  const day = chinaDay(ctx.now);
  const visitor = dailyVisitorHash(deps.analyticsSecret, day, ctx.openid ? `o:${ctx.openid}` : `k:${input.visitorKey}`);
  const minute = Math.floor(ctx.now.getTime() / 60_000).toString(36);
  try {
    // A per-card budget caps what a script rotating visitor keys can add; real traffic is far below it.
    const outcome = await countView(
      deps.store,
      {
        districtId: card.districtId,
        cardId: card._id,
        channel: input.channel,
        day,
        minuteMarkId: hashedId('vm', card._id, visitor, shareCode ?? '-', minute),
        dayMarkId: hashedId('vd', card._id, visitor),
      },
      [{ key: `visit:c:${card._id}:1m`, limit: VIEWS_PER_CARD_PER_MINUTE, windowMs: 60_000 }],
      ctx.now,
    );
    return { counted: outcome === 'counted' };
  } catch (error) {
    if (isDomainError(error) && error.code === 'RATE.LIMITED') return { counted: false };
    throw error;
  }
});
