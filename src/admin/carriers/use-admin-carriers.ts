import { adminCarrierListContract, adminCarrierRemindContract, adminCarrierSetListedContract } from '../../../domain/api/admin.contracts';
import type { ResponseOf } from '../../../domain/api/contract';
import { usePageParams } from '../../hooks/use-page-params';
import { useResource } from '../../hooks/use-resource';
import { call } from '../../services/api-client';
import { useAdminCall } from '../use-admin-call';

export type AdminCarrierRow = ResponseOf<typeof adminCarrierListContract>['items'][number];

/** The district's carriers (stalest first), each manager's due count, and the list's actions. */
export const useAdminCarriers = () => {
  const districtId = usePageParams().districtId || undefined;
  const list = useResource<typeof adminCarrierListContract.response>({ key: `admin.carriers:${districtId ?? ''}`, fetch: () => call(adminCarrierListContract, { ...(districtId ? { districtId } : {}), limit: 100 }) });
  const write = useAdminCall();
  return {
    list,
    pending: write.pending,
    error: write.error,
    setListed: async (carrierId: string, listed: boolean) => {
      if (await write.run(() => call(adminCarrierSetListedContract, { carrierId, listed }))) await list.reload();
    },
    remind: (carrierId: string) => write.run(() => call(adminCarrierRemindContract, { carrierId })),
  };
};
