import { carrierImageSaveContract, carrierImageStateContract } from '../../domain/api/share-image.contracts';
import { CARRIER_SHARE_IMAGE_LANGUAGES, carrierImagesFor } from '../../domain/carrier/carrier-share-image.rules';
import type { Carrier } from '../../domain/carrier/carrier.schema';
import { DomainError } from '../../domain/common/result';
import { canManageCarrier } from '../../domain/org/admin-access.rules';
import type { District } from '../../domain/org/district.schema';
import type { Staff } from '../../domain/org/staff.schema';
import type { StoredShareImages } from '../../domain/share/share-image.schema';
import type { Deps } from '../_lib/deps';
import { defineAction, requireStaff } from '../_lib/define-action';
import { getAnyCarrier } from '../_lib/repositories/carrier-admin.repository';
import { getCarrier, setCarrierShareImages } from '../_lib/repositories/carrier.repository';
import { getDistrict } from '../_lib/repositories/org.repository';
import { carrierImageContent } from '../_lib/carrier-share-image-content';
import { removeShareImages } from '../_lib/share-image-files';
import { storeShareImage } from './share-image';

/**
 * The carrier as the caller may draw it: whoever manages it (the district admin, the leader of its unit, its
 * carrier manager, as in the district office — `canManageCarrier`). Everyone else, and an unknown id, meet
 * CARRIER.NOT_FOUND. Null: withdrawn (never shared, so there is nothing to draw).
 */
const drawableCarrier = async (deps: Deps, staff: Staff, carrierId: string): Promise<{ carrier: Carrier; district: District } | null> => {
  const found = await getAnyCarrier(deps.store, carrierId);
  if (!found || staff.status !== 'active' || !canManageCarrier(staff, found.carrier)) throw new DomainError('CARRIER.NOT_FOUND', ['carrierId']);
  if (!found.listed) return null;
  const district = await getDistrict(deps.store, found.carrier.districtId);
  if (!district) throw new DomainError('DISTRICT.NOT_FOUND');
  return { carrier: found.carrier, district };
};

export const carrierImageStateAction = defineAction(carrierImageStateContract, async (deps, ctx, input) => {
  const drawable = await drawableCarrier(deps, requireStaff(ctx), input.carrierId);
  if (!drawable) return null;
  const { carrier, district } = drawable;
  return {
    carrierId: carrier._id,
    variants: CARRIER_SHARE_IMAGE_LANGUAGES.map((lang) => {
      const { content, fingerprint } = carrierImageContent(carrier, district, lang);
      const stored = carrierImagesFor(carrier.shareImages, lang, fingerprint);
      return { lang, fingerprint, content, chat: stored?.chat ?? null, moments: stored?.moments ?? null };
    }),
  };
});

/**
 * Keeps one drawn image of a carrier under `share-images/carriers/<carrier>/<lang>-<fingerprint>-<shape>`, on
 * the card's rules: the fingerprint is recomputed from the carrier as it is now (older content is refused as
 * stale), an image already kept for it is reused, and the language's images of earlier content are deleted.
 */
export const carrierImageSaveAction = defineAction(carrierImageSaveContract, async (deps, ctx, input) => {
  const drawable = await drawableCarrier(deps, requireStaff(ctx), input.carrierId);
  if (!drawable) throw new DomainError('CARRIER.NOT_FOUND', ['carrierId']);
  const { carrier, district } = drawable;
  const { fingerprint } = carrierImageContent(carrier, district, input.lang);
  if (input.fingerprint !== fingerprint) throw new DomainError('SHARE.CARRIER_IMAGE_STALE', ['fingerprint']);
  const existing = carrierImagesFor(carrier.shareImages, input.lang, fingerprint);
  if (existing?.[input.shape]) return { fingerprint, chat: existing.chat, moments: existing.moments, reused: true };

  const ref = await storeShareImage(deps, `share-images/carriers/${carrier._id}/${input.lang}-${fingerprint}-${input.shape}`, input.shape, input.image);
  const { saved, dropped } = await deps.store.transaction(async (tx) => {
    const fresh = await getCarrier(tx, carrier._id);
    if (!fresh) throw new DomainError('CARRIER.NOT_FOUND', ['carrierId']);
    // Content that changed while drawing is caught by the next state read; this write keeps only the other language's pair.
    const before = fresh.shareImages?.[input.lang];
    const same = before?.fingerprint === fingerprint;
    const next: StoredShareImages = { fingerprint, chat: same ? before.chat : null, moments: same ? before.moments : null, savedAt: ctx.now.toISOString() };
    next[input.shape] = ref;
    await setCarrierShareImages(tx, fresh._id, { ...(fresh.shareImages ?? {}), [input.lang]: next });
    return { saved: next, dropped: before && !same ? [before.chat, before.moments] : [] };
  });
  await removeShareImages(deps, dropped);
  return { fingerprint: saved.fingerprint, chat: saved.chat, moments: saved.moments, reused: false };
});
