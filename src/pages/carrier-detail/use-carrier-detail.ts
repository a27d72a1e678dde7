import { getCarrierContract } from '../../../domain/api/public-read.contracts';
import { CarrierDetailSchema, type CarrierDetail } from '../../../domain/api/views.schema';
import { useResource, type ResourceState } from '../../hooks/use-resource';
import { ApiError, call, toApiError } from '../../services/api-client';

const mapCarrierError = (e: unknown): ApiError => {
  const error = toApiError(e);
  return error.code === 'VALIDATION.INVALID_INPUT' ? new ApiError('CARRIER.NOT_FOUND') : error;
};

/** One carrier (`carrier.get`), from the device copy first when there is one. */
export const useCarrierDetail = (carrierId: string | null): ResourceState<CarrierDetail> =>
  useResource({
    key: `carrier:${carrierId ?? '-'}`,
    fetch: () => (carrierId ? call(getCarrierContract, { carrierId }) : Promise.reject(new ApiError('CARRIER.NOT_FOUND'))),
    cacheSchema: CarrierDetailSchema,
    mapError: mapCarrierError,
  });
