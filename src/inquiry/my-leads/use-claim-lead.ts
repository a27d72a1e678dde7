import { useState } from 'react';
import { zhInquiryText } from '../../i18n/use-inquiry-text';
import type { InquiryText } from '../../i18n/dictionary';
import { claimLeadContract } from '../../../domain/api/lead.contracts';
import { normalizeClaimCode } from '../../../domain/lead/web-challenge.rules';
import { call, toApiError } from '../../services/api-client';

export interface ClaimState {
  code: string;
  setCode: (code: string) => void;
  status: 'idle' | 'sending' | 'done';
  error: string | null;
  submit: () => Promise<void>;
}

/** 认领网页咨询: binds a web inquiry to this WeChat user by its claim code, then refreshes the list. */
export const useClaimLead = (initialCode: string, onClaimed: () => Promise<void>, t: InquiryText = zhInquiryText): ClaimState => {
  const [code, setCode] = useState(initialCode);
  const [status, setStatus] = useState<ClaimState['status']>('idle');
  const [error, setError] = useState<string | null>(null);

  const submit = async (): Promise<void> => {
    if (status === 'sending') return;
    if (!normalizeClaimCode(code)) {
      setError(t.claimMalformed);
      return;
    }
    setStatus('sending');
    setError(null);
    try {
      await call(claimLeadContract, { code: code.trim() });
      setStatus('done');
      setCode('');
      await onClaimed();
    } catch (e) {
      const error = toApiError(e);
      setError(t.errorMessage(error.code, error.message));
      setStatus('idle');
    }
  };

  return { code, setCode: (c) => (setCode(c), setError(null)), status, error, submit };
};
