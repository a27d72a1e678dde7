import { getCarrierContract } from '../../domain/api/public-read.contracts';
import { DomainError } from '../../domain/common/result';
import { defineAction } from '../_lib/define-action';
import { toCarrierDetail } from '../_lib/read-models';
import { getCarrier } from '../_lib/repositories/carrier.repository';
import { getDistrict } from '../_lib/repositories/org.repository';

export const getCarrierAction = defineAction(getCarrierContract, async (deps, _ctx, input) => {
  const carrier = await getCarrier(deps.store, input.carrierId);
  if (!carrier) throw new DomainError('CARRIER.NOT_FOUND');
  const district = await getDistrict(deps.store, carrier.districtId);
  if (!district) throw new DomainError('DISTRICT.NOT_FOUND');
  return toCarrierDetail(carrier, district, input.lang);
});
