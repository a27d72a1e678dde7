import { useState } from 'react';
import type { ResponseOf } from '../../../domain/api/contract';
import { bindInviteContract } from '../../../domain/api/workspace.contracts';
import { ApiError, call, isApiError } from '../../services/api-client';

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
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [bound, setBound] = useState<BoundStaff | null>(null);

  const submit = async (): Promise<void> => {
    if (submitting) return;
    if (code.length !== INVITE_CODE_LENGTH) {
      setError('邀请码为 8 位字母或数字，请核对后输入');
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      setBound(await call(bindInviteContract, { inviteCode: code }));
    } catch (e) {
      setError((isApiError(e) ? e : new ApiError('INTERNAL.UNEXPECTED')).message);
    } finally {
      setSubmitting(false);
    }
  };

  return {
    code,
    setCode: (raw) => {
      setCodeState(cleanInviteCode(raw));
      setError(null);
    },
    submitting,
    error,
    bound,
    submit,
  };
};
