import { shareImageSaveContract, shareImageStateContract } from '../../domain/api/share-image.contracts';
import type { Card } from '../../domain/card/card.schema';
import { DomainError } from '../../domain/common/result';
import type { Staff } from '../../domain/org/staff.schema';
import { cardShareImageContent, shareImageProblem } from '../../domain/share/share-image.rules';
import { MAX_SHARE_IMAGE_BYTES, type ShareImageShape, type StoredShareImages } from '../../domain/share/share-image.schema';
import type { Deps } from '../_lib/deps';
import { defineAction, requireStaff } from '../_lib/define-action';
import { findCardByStaff, getCard, setCardShareImages } from '../_lib/repositories/card.repository';
import { getDistrict, listUnits } from '../_lib/repositories/org.repository';
import { shareImageFingerprint } from '../_lib/share-image-fingerprint';
import { removeShareImages } from '../_lib/share-image-files';

/** The caller's own card and the content its share images are drawn from; null when they have no card yet. */
const ownCardContent = async (deps: Deps, staff: Staff) => {
  const [card, district, units] = await Promise.all([findCardByStaff(deps.store, staff._id), getDistrict(deps.store, staff.districtId), listUnits(deps.store, staff.districtId)]);
  if (!card) return null;
  if (!district) throw new DomainError('DISTRICT.NOT_FOUND');
  const content = cardShareImageContent({ district, owner: staff, unitName: units.find((u) => u._id === staff.unitId)?.name ?? '' });
  return { card, content, fingerprint: shareImageFingerprint(content) };
};

/**
 * Checks one drawn image (a PNG or JPEG of exactly the shape's size, within the byte limit) and keeps it at
 * `<path>.png|jpg`; its public ref. Shared by the card's and the carrier's images.
 */
export const storeShareImage = async (deps: Deps, path: string, shape: ShareImageShape, base64: string): Promise<string> => {
  const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
  const problem = shareImageProblem(bytes, shape, MAX_SHARE_IMAGE_BYTES);
  if (problem) throw new DomainError(problem, ['image']);
  const ext = bytes[0] === 0x89 ? 'png' : 'jpg';
  return deps.files.publicRef(await deps.files.put(`${path}.${ext}`, bytes));
};

const refsFor = (card: Card, fingerprint: string) => {
  const stored = card.shareImages?.fingerprint === fingerprint ? card.shareImages : null;
  return { chat: stored?.chat ?? null, moments: stored?.moments ?? null };
};

export const shareImageStateAction = defineAction(shareImageStateContract, async (deps, ctx) => {
  const own = await ownCardContent(deps, requireStaff(ctx));
  if (!own) return null;
  return { cardId: own.card._id, fingerprint: own.fingerprint, content: own.content, ...refsFor(own.card, own.fingerprint) };
});

/**
 * Keeps one drawn image of the caller's card under `share-images/<card>/<fingerprint>-<shape>`. The server
 * recomputes the fingerprint from the card as it is now: an image drawn from older content is refused, one
 * already kept for this content is reused (nothing written). Images of an earlier fingerprint are deleted.
 */
export const shareImageSaveAction = defineAction(shareImageSaveContract, async (deps, ctx, input) => {
  const own = await ownCardContent(deps, requireStaff(ctx));
  if (!own) throw new DomainError('CARD.NOT_FOUND');
  if (input.fingerprint !== own.fingerprint) throw new DomainError('SHARE.IMAGE_STALE', ['fingerprint']);
  const existing = refsFor(own.card, own.fingerprint);
  if (existing[input.shape]) return { fingerprint: own.fingerprint, ...existing, reused: true };

  const ref = await storeShareImage(deps, `share-images/${own.card._id}/${own.fingerprint}-${input.shape}`, input.shape, input.image);

  const { saved, dropped } = await deps.store.transaction(async (tx) => {
    const fresh = await getCard(tx, own.card._id);
    if (!fresh) throw new DomainError('CARD.NOT_FOUND');
    const before = fresh.shareImages;
    const same = before?.fingerprint === own.fingerprint;
    const next: StoredShareImages = {
      fingerprint: own.fingerprint,
      chat: same ? before.chat : null,
      moments: same ? before.moments : null,
      savedAt: ctx.now.toISOString(),
    };
    next[input.shape] = ref;
    await setCardShareImages(tx, fresh._id, next);
    return { saved: next, dropped: before && !same ? [before.chat, before.moments] : [] };
  });
  // The images of the card's earlier content are no longer shown anywhere.
  await removeShareImages(deps, dropped);
  return { fingerprint: saved.fingerprint, chat: saved.chat, moments: saved.moments, reused: false };
});
