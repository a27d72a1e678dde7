import Taro from '@tarojs/taro';
import { useState } from 'react';
import { addNoteContract } from '../../../domain/api/workspace.contracts';
import { useAction } from '../../hooks/use-action';
import { call } from '../../services/api-client';

export type NoteKind = 'note' | 'call_logged';

export interface LeadNote {
  text: string;
  setText: (s: string) => void;
  kind: NoteKind;
  setKind: (k: NoteKind) => void;
  sending: boolean;
  error: string | null;
  save: () => Promise<void>;
}

/** Working notes and logged calls (staff only; the investor never sees them). */
export const useLeadNote = (leadId: string | null, canSave: boolean, reload: () => Promise<void>): LeadNote => {
  const [text, setText] = useState('');
  const [kind, setKind] = useState<NoteKind>('note');
  const saving = useAction(
    async (id: string, note: string, noteKind: NoteKind) => {
      await call(addNoteContract, { leadId: id, text: note, kind: noteKind });
      setText('');
      Taro.showToast({ title: noteKind === 'call_logged' ? '已记录通话' : '已添加跟进记录', icon: 'none' }).catch(() => undefined);
      await reload();
    },
    async (error) => {
      if (error.code === 'AUTH.FORBIDDEN') await reload();
    },
  );

  const save = async (): Promise<void> => {
    const note = text.trim();
    if (!leadId || !canSave || saving.pending) return;
    if (!note) {
      saving.setError(kind === 'call_logged' ? '请简要记录通话内容' : '请填写跟进内容');
      return;
    }
    await saving.run(leadId, note, kind);
  };

  return {
    text,
    setText: (s) => {
      setText(s);
      saving.setError(null);
    },
    kind,
    setKind,
    sending: saving.pending,
    error: saving.error,
    save,
  };
};
