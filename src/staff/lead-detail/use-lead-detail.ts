import Taro from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ResponseOf } from '../../../domain/api/contract';
import { leadDetailContract, revealContactContract, transitionLeadContract } from '../../../domain/api/workspace.contracts';
import type { LeadStatus } from '../../../domain/lead/lead-status.rules';
import { useAction } from '../../hooks/use-action';
import { closePage, ROUTES } from '../../routes';
import { ApiError, call, toApiError } from '../../services/api-client';
import { useLeadAssign, type LeadAssign } from './use-lead-assign';
import { useLeadNote, type LeadNote } from './use-lead-note';
import { useLeadReply, type LeadReply } from './use-lead-reply';

export type { AssignState } from './use-lead-assign';
export type { NoteKind } from './use-lead-note';
export type LeadDetail = ResponseOf<typeof leadDetailContract>;
export type RevealedContact = ResponseOf<typeof revealContactContract>;

export interface LeadDetailState {
  status: 'loading' | 'ready' | 'error';
  data: LeadDetail | null;
  error: ApiError | null;
  reload: () => Promise<void>;

  revealed: RevealedContact | null;
  revealing: boolean;
  reveal: () => Promise<void>;

  /** The status being saved. */
  moving: LeadStatus | null;
  /** Moves the lead on; 无效 first asks for a reason (see `invalid`). */
  move: (to: LeadStatus) => Promise<void>;
  invalid: { open: boolean; reason: string; error: string | null; setReason: (s: string) => void; confirm: () => Promise<void>; close: () => void };

  reply: LeadReply;
  note: LeadNote;
  assign: LeadAssign;
}

const toast = (title: string): void => {
  Taro.showToast({ title, icon: 'none' }).catch(() => undefined);
};

/** One lead for staff: detail, audited reveal, status moves with `rev`; replies, notes and hand-offs in their own hooks. */
export const useLeadDetail = (leadId: string | null): LeadDetailState => {
  const [state, setState] = useState<{ status: LeadDetailState['status']; data: LeadDetail | null; error: ApiError | null }>({
    status: 'loading',
    data: null,
    error: null,
  });
  const [revealed, setRevealed] = useState<RevealedContact | null>(null);
  const [moving, setMoving] = useState<LeadStatus | null>(null);
  const [invalidOpen, setInvalidOpen] = useState(false);
  const [invalidReason, setInvalidReason] = useState('');
  const [invalidError, setInvalidError] = useState<string | null>(null);
  const latest = useRef(0);

  const load = useCallback(async (): Promise<void> => {
    if (!leadId) {
      setState({ status: 'error', data: null, error: new ApiError('LEAD.NOT_FOUND') });
      return;
    }
    const ticket = ++latest.current;
    try {
      const data = await call(leadDetailContract, { leadId });
      if (ticket === latest.current) setState({ status: 'ready', data, error: null });
    } catch (e) {
      if (ticket !== latest.current) return;
      const error = toApiError(e);
      setState((s) => (s.data && error.code !== 'LEAD.NOT_FOUND' ? { ...s, error } : { status: 'error', data: null, error }));
    }
  }, [leadId]);

  useEffect(() => {
    void load();
    return () => {
      latest.current += 1;
    };
  }, [load]);

  const data = state.data;

  /** Someone else changed the lead first: show theirs, say so, let the user decide again. */
  const handleWriteError = async (error: ApiError): Promise<void> => {
    toast(error.message);
    if (error.code === 'LEAD.CONCURRENT_UPDATE' || error.code === 'LEAD.INVALID_TRANSITION' || error.code === 'AUTH.FORBIDDEN') await load();
  };

  // Audited on the backend: who revealed which lead's contact, and when.
  const revealing = useAction(async (id: string) => {
    setRevealed(await call(revealContactContract, { leadId: id }));
    void load();
  }, handleWriteError);
  const reveal = async (): Promise<void> => {
    if (!data || revealing.pending) return;
    await revealing.run(data.lead.id);
  };

  const transition = async (to: LeadStatus, reason?: string): Promise<boolean> => {
    if (!data || moving) return false;
    setMoving(to);
    try {
      await call(transitionLeadContract, { leadId: data.lead.id, to, rev: data.rev, ...(reason ? { reason } : {}) });
      await load();
      return true;
    } catch (e) {
      await handleWriteError(toApiError(e));
      return false;
    } finally {
      setMoving(null);
    }
  };

  const move = async (to: LeadStatus): Promise<void> => {
    if (to === 'invalid') {
      setInvalidError(null);
      setInvalidOpen(true);
      return;
    }
    await transition(to);
  };

  const confirmInvalid = async (): Promise<void> => {
    const reason = invalidReason.trim();
    if (!reason) {
      setInvalidError('请填写无效原因，例如：联系方式无效、重复咨询、非投资需求');
      return;
    }
    if (reason.length > 100) {
      setInvalidError('原因不能超过 100 个字');
      return;
    }
    setInvalidOpen(false);
    if (await transition('invalid', reason)) setInvalidReason('');
  };

  /** After a hand-off the caller may no longer see the lead at all: then the inbox is where they belong. */
  const afterHandOff = async (id: string): Promise<void> => {
    const ticket = ++latest.current;
    try {
      const fresh = await call(leadDetailContract, { leadId: id });
      if (ticket === latest.current) setState({ status: 'ready', data: fresh, error: null });
    } catch (e) {
      const error = toApiError(e);
      if (error.code === 'LEAD.NOT_FOUND' || error.code === 'AUTH.FORBIDDEN') {
        closePage(ROUTES.staffInbox);
      } else if (ticket === latest.current) {
        setState((s) => ({ ...s, error }));
      }
    }
  };

  const reply = useLeadReply(leadId, state.data !== null, load);
  const note = useLeadNote(state.data?.lead.id ?? null, state.data !== null, load);
  const assign = useLeadAssign(state.data ? { id: state.data.lead.id, rev: state.data.rev } : null, load, afterHandOff);

  return {
    ...state,
    reload: load,
    revealed,
    revealing: revealing.pending,
    reveal,
    moving,
    move,
    invalid: {
      open: invalidOpen,
      reason: invalidReason,
      error: invalidError,
      setReason: (s) => {
        setInvalidReason(s);
        setInvalidError(null);
      },
      confirm: confirmInvalid,
      close: () => setInvalidOpen(false),
    },
    reply,
    note,
    assign,
  };
};
