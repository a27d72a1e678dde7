import { adminHomeContract } from '../../../domain/api/admin.contracts';
import { useResource } from '../../hooks/use-resource';
import { call } from '../../services/api-client';

/** 管理 home: the caller's scope and the district's numbers (a city admin may switch districts). */
export const useAdminHome = (districtId?: string) =>
  useResource<typeof adminHomeContract.response>({ key: `admin.home:${districtId ?? ''}`, fetch: () => call(adminHomeContract, districtId ? { districtId } : {}) });
