import { useCallback, useEffect, useState } from 'react';
import type { ResponseOf } from '../../../domain/api/contract';
import { privacyNoticeContract } from '../../../domain/api/lead.contracts';
import { call, toApiError, type ApiError } from '../../services/api-client';

export type PrivacyNotice = ResponseOf<typeof privacyNoticeContract>;

export interface PrivacyNoticeState {
  status: 'loading' | 'ready' | 'error';
  data: PrivacyNotice | null;
  error: ApiError | null;
  reload: () => Promise<void>;
}

/** The district's privacy notice the investor agrees to (its version travels with the inquiry). */
export const usePrivacyNotice = (districtId: string | null | undefined): PrivacyNoticeState => {
  const [notice, setNotice] = useState<Omit<PrivacyNoticeState, 'reload'>>({ status: 'loading', data: null, error: null });

  const reload = useCallback(async (): Promise<void> => {
    if (districtId === undefined) return;
    setNotice((n) => ({ ...n, status: n.data ? 'ready' : 'loading', error: null }));
    try {
      const data = await call(privacyNoticeContract, districtId ? { districtId } : {});
      setNotice({ status: 'ready', data, error: null });
    } catch (e) {
      setNotice({ status: 'error', data: null, error: toApiError(e) });
    }
  }, [districtId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { ...notice, reload };
};
