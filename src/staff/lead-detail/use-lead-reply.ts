import Taro from '@tarojs/taro';
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
}

const REPLY_DRAFT_MAX = 2000;
const replyDraft = {
  parse: (raw: unknown): string | null => (typeof raw === 'string' ? raw.slice(0, REPLY_DRAFT_MAX) : null),
  isEmpty: (text: string): boolean => !text.trim(),
};

/** The reply box: what is typed is kept on the device per lead until the reply is sent. */
export const useLeadReply = (leadId: string | null, canSend: boolean, reload: () => Promise<void>): LeadReply => {
  const [text, setText, draft] = useDraft(leadId ? `lead-reply:${leadId}` : null, () => '', replyDraft);
  const sending = useAction(
    async (id: string, reply: string) => {
      await call(replyLeadContract, { leadId: id, text: reply });
      setText('');
      draft.clear();
      Taro.showToast({ title: '已回复投资者', icon: 'none' }).catch(() => undefined);
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
    await sending.run(leadId, reply);
  };

  return {
    text,
    setText: (s) => {
      setText(s);
      sending.setError(null);
    },
    sending: sending.pending,
    error: sending.error,
    send,
  };
};
