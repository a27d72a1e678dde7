import Taro from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ResponseOf } from '../../../domain/api/contract';
import { listDirectoryContract, whoAmIContract } from '../../../domain/api/public-read.contracts';
import {
  addNoteContract,
  assignLeadContract,
  leadDetailContract,
  replyLeadContract,
  revealContactContract,
  transitionLeadContract,
} from '../../../domain/api/workspace.contracts';
import type { LeadStatus } from '../../../domain/lead/lead-status.rules';
import { ApiError, call, toApiError } from '../../services/api-client';
import { closePage, ROUTES } from '../../routes';

export type LeadDetail = ResponseOf<typeof leadDetailContract>;
export type RevealedContact = ResponseOf<typeof revealContactContract>;
export type NoteKind = 'note' | 'call_logged';

interface DirectoryUnit {
  id: string;
  name: string;
}
interface DirectoryPerson {
  staffId: string;
  name: string;
  title: string;
}

export interface AssignState {
  open: boolean;
  units: DirectoryUnit[];
  people: DirectoryPerson[] | null;
  unitId: string | null;
  staffId: string | null;
  note: string;
  submitting: boolean;
  error: string | null;
}

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

  reply: { text: string; setText: (s: string) => void; sending: boolean; error: string | null; send: () => Promise<void> };
  note: { text: string; setText: (s: string) => void; kind: NoteKind; setKind: (k: NoteKind) => void; sending: boolean; error: string | null; save: () => Promise<void> };

  assign: AssignState & {
    openSheet: () => Promise<void>;
    close: () => void;
    pickUnit: (unitId: string) => Promise<void>;
    pickStaff: (staffId: string | null) => void;
    setNote: (note: string) => void;
    confirm: () => Promise<void>;
  };
}

const toast = (title: string): void => {
  Taro.showToast({ title, icon: 'none' }).catch(() => undefined);
};

const closedAssign = (): AssignState => ({ open: false, units: [], people: null, unitId: null, staffId: null, note: '', submitting: false, error: null });

/** One lead for staff: detail, audited reveal, status moves with `rev`, notes, replies and hand-offs. */
export const useLeadDetail = (leadId: string | null): LeadDetailState => {
  const [state, setState] = useState<{ status: LeadDetailState['status']; data: LeadDetail | null; error: ApiError | null }>({
    status: 'loading',
    data: null,
    error: null,
  });
  const [revealed, setRevealed] = useState<RevealedContact | null>(null);
  const [revealing, setRevealing] = useState(false);
  const [moving, setMoving] = useState<LeadStatus | null>(null);
  const [invalidOpen, setInvalidOpen] = useState(false);
  const [invalidReason, setInvalidReason] = useState('');
  const [invalidError, setInvalidError] = useState<string | null>(null);
  const [replyText, setReplyText] = useState('');
  const [replySending, setReplySending] = useState(false);
  const [replyError, setReplyError] = useState<string | null>(null);
  const [noteText, setNoteText] = useState('');
  const [noteKind, setNoteKind] = useState<NoteKind>('note');
  const [noteSending, setNoteSending] = useState(false);
  const [noteError, setNoteError] = useState<string | null>(null);
  const [assign, setAssign] = useState<AssignState>(closedAssign);
  const districtId = useRef<string | null>(null);
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

  const reveal = async (): Promise<void> => {
    if (!data || revealing) return;
    setRevealing(true);
    try {
      setRevealed(await call(revealContactContract, { leadId: data.lead.id }));
      void load();
    } catch (e) {
      await handleWriteError(toApiError(e));
    } finally {
      setRevealing(false);
    }
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

  const sendReply = async (): Promise<void> => {
    const text = replyText.trim();
    if (!data || replySending) return;
    if (!text) {
      setReplyError('请填写回复内容');
      return;
    }
    setReplySending(true);
    setReplyError(null);
    try {
      await call(replyLeadContract, { leadId: data.lead.id, text });
      setReplyText('');
      toast('已回复投资者');
      await load();
    } catch (e) {
      const error = toApiError(e);
      setReplyError(error.message);
      if (error.code === 'AUTH.FORBIDDEN') await load();
    } finally {
      setReplySending(false);
    }
  };

  const saveNote = async (): Promise<void> => {
    const text = noteText.trim();
    if (!data || noteSending) return;
    if (!text) {
      setNoteError(noteKind === 'call_logged' ? '请简要记录通话内容' : '请填写跟进内容');
      return;
    }
    setNoteSending(true);
    setNoteError(null);
    try {
      await call(addNoteContract, { leadId: data.lead.id, text, kind: noteKind });
      setNoteText('');
      toast(noteKind === 'call_logged' ? '已记录通话' : '已添加跟进记录');
      await load();
    } catch (e) {
      const error = toApiError(e);
      setNoteError(error.message);
      if (error.code === 'AUTH.FORBIDDEN') await load();
    } finally {
      setNoteSending(false);
    }
  };

  const ensureDistrict = async (): Promise<string> => {
    if (districtId.current) return districtId.current;
    const who = await call(whoAmIContract, {});
    if (!who.staff) throw new ApiError('AUTH.FORBIDDEN');
    districtId.current = who.staff.districtId;
    return who.staff.districtId;
  };

  const openAssign = async (): Promise<void> => {
    setAssign({ ...closedAssign(), open: true });
    try {
      const district = await ensureDistrict();
      const directory = await call(listDirectoryContract, { districtId: district });
      setAssign((a) => ({ ...a, units: directory.units }));
    } catch (e) {
      setAssign((a) => ({ ...a, error: toApiError(e).message }));
    }
  };

  const pickUnit = async (unitId: string): Promise<void> => {
    setAssign((a) => ({ ...a, unitId, staffId: null, people: null, error: null }));
    try {
      const district = await ensureDistrict();
      const directory = await call(listDirectoryContract, { districtId: district, unitId });
      const people = directory.people.map((p) => ({ staffId: p.staffId, name: p.name, title: p.title }));
      // Only the answer for the unit still chosen is kept.
      setAssign((a) => (a.unitId === unitId ? { ...a, people } : a));
    } catch (e) {
      setAssign((a) => (a.unitId === unitId ? { ...a, people: [], error: toApiError(e).message } : a));
    }
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

  const confirmAssign = async (): Promise<void> => {
    if (!data || assign.submitting) return;
    if (!assign.unitId) {
      setAssign((a) => ({ ...a, error: '请选择要转交的单位' }));
      return;
    }
    const note = assign.note.trim();
    if (note.length > 100) {
      setAssign((a) => ({ ...a, error: '转交说明不能超过 100 个字' }));
      return;
    }
    setAssign((a) => ({ ...a, submitting: true, error: null }));
    try {
      await call(assignLeadContract, { leadId: data.lead.id, toUnitId: assign.unitId, ...(assign.staffId ? { toStaffId: assign.staffId } : {}), note, rev: data.rev });
      setAssign(closedAssign());
      toast('已转交，对方会收到通知');
      await afterHandOff(data.lead.id);
    } catch (e) {
      const error = toApiError(e);
      setAssign((a) => ({ ...a, submitting: false, error: error.message }));
      if (error.code === 'LEAD.CONCURRENT_UPDATE') {
        toast(error.message);
        await load();
      }
    }
  };

  return {
    ...state,
    reload: load,
    revealed,
    revealing,
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
    reply: {
      text: replyText,
      setText: (s) => {
        setReplyText(s);
        setReplyError(null);
      },
      sending: replySending,
      error: replyError,
      send: sendReply,
    },
    note: {
      text: noteText,
      setText: (s) => {
        setNoteText(s);
        setNoteError(null);
      },
      kind: noteKind,
      setKind: setNoteKind,
      sending: noteSending,
      error: noteError,
      save: saveNote,
    },
    assign: {
      ...assign,
      openSheet: openAssign,
      close: () => setAssign(closedAssign()),
      pickUnit,
      pickStaff: (staffId) => setAssign((a) => ({ ...a, staffId, error: null })),
      setNote: (note) => setAssign((a) => ({ ...a, note })),
      confirm: confirmAssign,
    },
  };
};
