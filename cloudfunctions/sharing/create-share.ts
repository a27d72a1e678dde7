import { createShareContract } from '../../domain/api/sharing.contracts';
import { DomainError } from '../../domain/common/result';
import { makeShareCode } from '../../domain/share/share-code.rules';
import type { Share } from '../../domain/share/share.schema';
import { defineAction } from '../_lib/define-action';
import { getCard } from '../_lib/repositories/card.repository';
import { findShareHop, getShare, recordShare } from '../_lib/repositories/share.repository';
import { sharePath, shareQuery, shareWebUrl } from '../_lib/share-links';
import { isStoreError } from '../_lib/store/store-port';
import { dailyVisitorHash } from '../_lib/visitor-hash';
import { chinaDay } from '../../domain/share/view-stats.rules';

/** Records one hop of sharing so a later lead can credit the whole chain: head → department → friend → investor. */
export const createShareAction = defineAction(createShareContract, async (deps, ctx, input) => {
  if (!ctx.openid) throw new DomainError('AUTH.SIGN_IN_REQUIRED');
  const card = await getCard(deps.store, input.cardId);
  if (!card) throw new DomainError('CARD.NOT_FOUND');
  const parent = input.parentCode ? await getShare(deps.store, input.parentCode) : null;
  // A parent from another card (or a made-up code) starts a new chain rather than failing the share.
  const validParent = parent && parent.cardId === card._id ? parent : null;
  const staff = ctx.actor.kind === 'staff' && ctx.actor.staff.districtId === card.districtId ? ctx.actor.staff : null;
  const openid = ctx.openid;
  // Under the day's key: a visitor's reshares of one day share a hop, and no share row follows them across days.
  const sharerVisitorHash = staff ? null : dailyVisitorHash(deps.analyticsSecret, chinaDay(ctx.now), `o:${openid}`);
  const links = (code: string, depth: number) => ({ code, depth, path: sharePath(card._id, code), query: shareQuery(card._id, code), webUrl: shareWebUrl(deps.webBaseUrl, card._id, code) });
  // The same person sharing the same card the same way again reuses their hop (visitors: the same day): counts and chains stay honest.
  const existing = await findShareHop(deps.store, { cardId: card._id, sharerStaffId: staff?._id ?? null, sharerVisitorHash, parentCode: validParent?._id ?? null, channel: input.channel });
  if (existing) return links(existing._id, existing.depth);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const share: Share = {
      _id: makeShareCode(deps.randomBytes),
      districtId: card.districtId,
      cardId: card._id,
      sharerStaffId: staff?._id ?? null,
      sharerVisitorHash,
      parentCode: validParent?._id ?? null,
      // The chain above, so a lead through this share reads it in one request; a parent from before this field
      // leaves it out (that chain is walked parent by parent).
      ...(validParent === null
        ? { ancestorCodes: [] }
        : validParent.ancestorCodes || validParent.parentCode === null
          ? { ancestorCodes: [validParent._id, ...(validParent.ancestorCodes ?? [])].slice(0, 64) }
          : {}),
      channel: input.channel,
      depth: validParent ? validParent.depth + 1 : 0,
      createdAt: ctx.now.toISOString(),
    };
    try {
      await recordShare(deps.store, share, [{ key: `share:u:${openid}:10m`, limit: 60, windowMs: 10 * 60_000 }], ctx.now);
      return links(share._id, share.depth);
    } catch (error) {
      if (!isStoreError(error, 'STORE.DUPLICATE_ID')) throw error;
    }
  }
  throw new DomainError('STORE.BUSY');
}, { needsActor: true });
