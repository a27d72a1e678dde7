import { useState } from 'react';
import { vacancyConfirmContract, vacancyPeekContract } from '../../../domain/api/admin.contracts';
import type { ResponseOf } from '../../../domain/api/contract';
import { usePageParams } from '../../hooks/use-page-params';
import { useResource } from '../../hooks/use-resource';
import { call } from '../../services/api-client';
import { useAdminCall } from '../use-admin-call';

/** The one-tap page a manager opens from the reminder: the link's token is all it needs. */
export const useVacancyConfirm = () => {
  const token = usePageParams().t ?? '';
  const peek = useResource<typeof vacancyPeekContract.response>({ key: `vacancy:${token}`, fetch: () => call(vacancyPeekContract, { token }) });
  const [done, setDone] = useState<ResponseOf<typeof vacancyConfirmContract> | null>(null);
  const write = useAdminCall();
  return {
    peek,
    done,
    pending: write.pending,
    error: write.error,
    confirm: async (vacantArea?: number) => {
      const r = await write.run(() => call(vacancyConfirmContract, vacantArea === undefined ? { token } : { token, vacantArea }));
      if (r) setDone(r);
    },
  };
};
