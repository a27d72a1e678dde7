import { useState } from 'react';
import { adminPrivacyAnswerContract, adminPrivacyListContract, adminPrivacySettingsContract } from '../../../domain/api/privacy.contracts';
import { useResource } from '../../hooks/use-resource';
import { call } from '../../services/api-client';
import { useAdminCall } from '../use-admin-call';

/** 个人信息请求: the district's requests (newest first, overdue marked) and the admin's answer to one. */
export const usePrivacyRequests = () => {
  const list = useResource<typeof adminPrivacyListContract.response>({ key: 'admin.privacy', fetch: () => call(adminPrivacyListContract, {}) });
  const write = useAdminCall();
  const [notes, setNotes] = useState<Record<string, string>>({});
  return {
    list,
    pending: write.pending,
    error: write.error,
    note: (id: string) => notes[id] ?? '',
    setNote: (id: string, text: string) => setNotes((n) => ({ ...n, [id]: text })),
    answer: async (requestId: string, decision: 'done' | 'refused') => {
      const r = await write.run(() => call(adminPrivacyAnswerContract, { requestId, decision, note: notes[requestId] ?? '' }));
      if (r) await list.reload();
    },
    /** The district's periods (whole days); the notice gets a new version when they change. */
    saveSettings: async (answerDays: number, retentionDays: number) => {
      const r = await write.run(() => call(adminPrivacySettingsContract, { answerDays, retentionDays }));
      if (r) await list.reload();
      return r !== null;
    },
  };
};
