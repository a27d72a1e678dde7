import Taro from '@tarojs/taro';
import { useState } from 'react';
import { addParticipantContract, removeParticipantContract, shareParticipantContactContract } from '../../../domain/api/lead-participant.contracts';
import { useAction } from '../../hooks/use-action';
import { call } from '../../services/api-client';

export interface LeadParticipants {
  /** The carrier or person whose button is running (one at a time). */
  busy: string | null;
  /** The last refusal, fit to show (e.g. an external manager who has no account), and where it belongs. */
  error: string | null;
  errorFrom: 'invite' | 'manage' | null;
  invite: (carrierId: string) => Promise<void>;
  share: (staffId: string, shared: boolean) => Promise<void>;
  remove: (staffId: string) => Promise<void>;
}

const toast = (title: string): void => {
  Taro.showToast({ title, icon: 'none' }).catch(() => undefined);
};

/** 载体管理员 on a lead: bring one in from a match, share or take back the contact, remove; the page reloads after. */
export const useLeadParticipants = (leadId: string | null, reload: () => Promise<void>): LeadParticipants => {
  const [busy, setBusy] = useState<string | null>(null);
  const [from, setFrom] = useState<'invite' | 'manage' | null>(null);
  const action = useAction(
    async (key: string, run: () => Promise<string>) => {
      setBusy(key);
      try {
        toast(await run());
        await reload();
      } finally {
        setBusy(null);
      }
    },
    async (error) => {
      if (error.code === 'AUTH.FORBIDDEN' || error.code === 'LEAD.NOT_FOUND') await reload();
    },
  );
  return {
    busy,
    error: action.error,
    errorFrom: action.error ? from : null,
    invite: async (carrierId) => {
      if (!leadId) return;
      setFrom('invite');
      await action.run(carrierId, async () => ((await call(addParticipantContract, { leadId, carrierId })).added ? '已请载体管理员参与' : '该载体管理员已在本线索中'));
    },
    share: async (staffId, shared) => {
      if (!leadId) return;
      setFrom('manage');
      await action.run(staffId, async () => {
        await call(shareParticipantContactContract, { leadId, staffId, shared });
        return shared ? '已共享联系方式' : '已取消共享';
      });
    },
    remove: async (staffId) => {
      if (!leadId) return;
      setFrom('manage');
      await action.run(staffId, async () => {
        await call(removeParticipantContract, { leadId, staffId });
        return '已移出';
      });
    },
  };
};
