import Taro from '@tarojs/taro';
import { useState } from 'react';
import { replyLeadContract } from '../../../domain/api/workspace.contracts';
import { useAction } from '../../hooks/use-action';
import { useDraft } from '../../hooks/use-draft';
import { call } from '../../services/api-client';

export interface LeadReply {
  text: string;
  setText: (s: string) => void;
  sending: boolean;
  error: string | null;
  send: () => Promise<void>;
  /** Fills the box with a recommendation naming these carriers: sending it brings their managers in too. */
  recommend: (text: string, carrierIds: readonly string[]) => void;
}

/** What sending a recommendation did about the recommended carriers' managers, in one line for a toast. */
export const managersNote = (managers: ReadonlyArray<{ outcome: string }> | undefined): string | null => {
  if (!managers?.length) return null;
  const added = managers.filter((m) => m.outcome === 'added').length;
  const external = managers.filter((m) => m.outcome === 'no_account').length;
  const parts = [added ? `已请 ${added} 位载体管理员参与` : '', external ? `${external} 个载体的管理员是外部联系人，无法加入` : ''].filter(Boolean);
  return parts.length ? parts.join('；') : null;
};

const REPLY_DRAFT_MAX = 2000;
const replyDraft = {
  parse: (raw: unknown): string | null => (typeof raw === 'string' ? raw.slice(0, REPLY_DRAFT_MAX) : null),
  isEmpty: (text: string): boolean => !text.trim(),
};

/** The reply box: what is typed is kept on the device per lead until the reply is sent. */
export const useLeadReply = (leadId: string | null, canSend: boolean, reload: () => Promise<void>): LeadReply => {
  const [text, setText, draft] = useDraft(leadId ? `lead-reply:${leadId}` : null, () => '', replyDraft);
  // The carriers the box's recommendation names (cleared when the box is emptied or sent).
  const [carrierIds, setCarrierIds] = useState<readonly string[]>([]);
  const sending = useAction(
    async (id: string, reply: string, recommended: readonly string[]) => {
      const sent = await call(replyLeadContract, { leadId: id, text: reply, ...(recommended.length ? { carrierIds: [...recommended] } : {}) });
      setText('');
      setCarrierIds([]);
      draft.clear();
      const note = managersNote(sent.managers);
      Taro.showToast({ title: note ? `已回复投资者；${note}` : '已回复投资者', icon: 'none' }).catch(() => undefined);
      await reload();
    },
    async (error) => {
      if (error.code === 'AUTH.FORBIDDEN') await reload();
    },
  );

  const send = async (): Promise<void> => {
    const reply = text.trim();
    if (!leadId || !canSend || sending.pending) return;
    if (!reply) {
      sending.setError('请填写回复内容');
      return;
    }
    await sending.run(leadId, reply, carrierIds);
  };

  return {
    text,
    setText: (s) => {
      setText(s);
      if (!s.trim()) setCarrierIds([]);
      sending.setError(null);
    },
    recommend: (s, ids) => {
      setText(s);
      setCarrierIds(ids);
      sending.setError(null);
    },
    sending: sending.pending,
    error: sending.error,
    send,
  };
};
