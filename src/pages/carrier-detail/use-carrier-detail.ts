import { getCarrierContract } from '../../../domain/api/public-read.contracts';
import { CarrierDetailSchema, type CarrierDetail } from '../../../domain/api/views.schema';
import { useResource, type ResourceState } from '../../hooks/use-resource';
import type { Language } from '../../i18n/dictionary';
import { ApiError, call, toApiError } from '../../services/api-client';

const mapCarrierError = (e: unknown): ApiError => {
  const error = toApiError(e);
  return error.code === 'VALIDATION.INVALID_INPUT' ? new ApiError('CARRIER.NOT_FOUND') : error;
};

/** One carrier (`carrier.get`) in the page's language, from the device copy (one per language) first when there is one. */
export const useCarrierDetail = (carrierId: string | null, lang: Language = 'zh'): ResourceState<CarrierDetail> =>
  useResource({
    key: `carrier:${carrierId ?? '-'}${lang === 'en' ? ':en' : ''}`,
    fetch: () => (carrierId ? call(getCarrierContract, lang === 'en' ? { carrierId, lang } : { carrierId }) : Promise.reject(new ApiError('CARRIER.NOT_FOUND'))),
    cacheSchema: CarrierDetailSchema,
    mapError: mapCarrierError,
  });
