import { shareQrContract } from '../../domain/api/sharing.contracts';
import { DomainError } from '../../domain/common/result';
import { defineAction } from '../_lib/define-action';
import { getShare, saveShareQr } from '../_lib/repositories/share.repository';
import { shareWebUrl } from '../_lib/share-links';

/** The code for a poster or a printed card: made once per share, then reused. */
export const shareQrAction = defineAction(shareQrContract, async (deps, _ctx, input) => {
  const share = await getShare(deps.store, input.code);
  if (!share) throw new DomainError('SHARE.NOT_FOUND');
  if (share.qr) return { ...share.qr, scene: share._id };
  const qr = await deps.qr.forShare(share._id, shareWebUrl(deps.webBaseUrl, share.cardId, share._id));
  // Data URLs are cheap to redraw and too large to keep in a document; cloud file ids are worth keeping.
  if (!qr.image.startsWith('data:')) await saveShareQr(deps.store, share._id, qr);
  return { ...qr, scene: share._id };
});
