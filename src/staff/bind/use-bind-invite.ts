import { useState } from 'react';
import type { ResponseOf } from '../../../domain/api/contract';
import { bindInviteContract } from '../../../domain/api/workspace.contracts';
import { useAction } from '../../hooks/use-action';
import { call } from '../../services/api-client';

export type BoundStaff = ResponseOf<typeof bindInviteContract>;

export interface BindInviteState {
  code: string;
  /** Keeps what an invite code can hold: 8 upper-case letters or digits (typed in any case, spaces ignored). */
  setCode: (raw: string) => void;
  submitting: boolean;
  error: string | null;
  bound: BoundStaff | null;
  submit: () => Promise<void>;
}

export const INVITE_CODE_LENGTH = 8;

export const cleanInviteCode = (raw: string): string =>
  raw
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, INVITE_CODE_LENGTH);

/** Binds this WeChat identity to the staff account an admin created (`staff.bindInvite`), once. */
export const useBindInvite = (): BindInviteState => {
  const [code, setCodeState] = useState('');
  const [bound, setBound] = useState<BoundStaff | null>(null);
  const binding = useAction(async (inviteCode: string) => {
    setBound(await call(bindInviteContract, { inviteCode }));
  });

  const submit = async (): Promise<void> => {
    if (binding.pending) return;
    if (code.length !== INVITE_CODE_LENGTH) {
      binding.setError('邀请码为 8 位字母或数字，请核对后输入');
      return;
    }
    await binding.run(code);
  };

  return {
    code,
    setCode: (raw) => {
      setCodeState(cleanInviteCode(raw));
      binding.setError(null);
    },
    submitting: binding.pending,
    error: binding.error,
    bound,
    submit,
  };
};
