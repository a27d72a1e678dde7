import Taro from '@tarojs/taro';
import { useState } from 'react';
import { poolClaimContract } from '../../../domain/api/workspace.contracts';
import { useAction } from '../../hooks/use-action';
import { call } from '../../services/api-client';

/**
 * 认领 from the 待认领 tab (and on lead detail): one claim at a time; on success the inbox reloads (the lead moves to 我的), on a refusal
 * (someone was quicker, or the person's limit is reached) the message stays by the row and the list reloads too.
 */
export const usePoolClaim = (refresh: () => Promise<void>) => {
  const [leadId, setLeadId] = useState<string | null>(null);
  const claim = useAction(
    async (id: string, rev?: number) => {
      const done = await call(poolClaimContract, { leadId: id, ...(rev === undefined ? {} : { rev }) });
      Taro.showToast({ title: `已认领（${done.held}/${done.limit}）`, icon: 'none' });
      await refresh();
    },
    async (error) => {
      if (error.code === 'LEAD.ALREADY_CLAIMED' || error.code === 'LEAD.NOT_IN_POOL' || error.code === 'LEAD.CONCURRENT_UPDATE') await refresh();
    },
  );
  return {
    /** The lead whose claim is running or failed last. */
    leadId,
    pending: claim.pending,
    error: claim.error,
    /** `rev`: the lead as the page shows it (lead detail), so a claim on a lead that changed meanwhile is refused. */
    claim: (id: string, rev?: number) => {
      setLeadId(id);
      void claim.run(id, rev);
    },
  };
};
