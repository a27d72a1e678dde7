import { getCarrierContract } from '../../domain/api/public-read.contracts';
import { carrierImagesFor, carrierShareImageContent } from '../../domain/carrier/carrier-share-image.rules';
import { DomainError } from '../../domain/common/result';
import { defineAction } from '../_lib/define-action';
import { toCarrierDetail } from '../_lib/read-models';
import { getCarrier } from '../_lib/repositories/carrier.repository';
import { getDistrict } from '../_lib/repositories/org.repository';
import { getStaff } from '../_lib/repositories/staff.repository';
import { carrierShareImageFingerprint } from '../_lib/share-image-fingerprint';

export const getCarrierAction = defineAction(getCarrierContract, async (deps, _ctx, input) => {
  const carrier = await getCarrier(deps.store, input.carrierId);
  if (!carrier) throw new DomainError('CARRIER.NOT_FOUND');
  // An English read of a carrier managed by a colleague without its own English manager name borrows theirs (same wave).
  const managerId = input.lang === 'en' && !carrier.managerNameEn?.trim() ? (carrier.managerStaffId ?? null) : null;
  const [district, manager] = await Promise.all([getDistrict(deps.store, carrier.districtId), managerId ? getStaff(deps.store, managerId) : null]);
  if (!district) throw new DomainError('DISTRICT.NOT_FOUND');
  const detail = toCarrierDetail(carrier, district, input.lang, manager && manager.districtId === carrier.districtId ? manager : null);
  // The images drawn from exactly what this read shows, in its language; none after a change until redrawn.
  const lang = input.lang ?? 'zh';
  const stored = carrierImagesFor(carrier.shareImages, lang, carrierShareImageFingerprint(carrierShareImageContent(detail, lang)));
  return stored && (stored.chat || stored.moments) ? { ...detail, shareImages: { chat: stored.chat, moments: stored.moments } } : detail;
});
