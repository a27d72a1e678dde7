import { getCarrierContract } from '../../domain/api/public-read.contracts';
import { DomainError } from '../../domain/common/result';
import { defineAction } from '../_lib/define-action';
import { toCarrierDetail } from '../_lib/read-models';
import { getCarrier } from '../_lib/repositories/carrier.repository';
import { getDistrict } from '../_lib/repositories/org.repository';
import { getStaff } from '../_lib/repositories/staff.repository';

export const getCarrierAction = defineAction(getCarrierContract, async (deps, _ctx, input) => {
  const carrier = await getCarrier(deps.store, input.carrierId);
  if (!carrier) throw new DomainError('CARRIER.NOT_FOUND');
  // An English read of a carrier managed by a colleague without its own English manager name borrows theirs (same wave).
  const managerId = input.lang === 'en' && !carrier.managerNameEn?.trim() ? (carrier.managerStaffId ?? null) : null;
  const [district, manager] = await Promise.all([getDistrict(deps.store, carrier.districtId), managerId ? getStaff(deps.store, managerId) : null]);
  if (!district) throw new DomainError('DISTRICT.NOT_FOUND');
  return toCarrierDetail(carrier, district, input.lang, manager && manager.districtId === carrier.districtId ? manager : null);
});
