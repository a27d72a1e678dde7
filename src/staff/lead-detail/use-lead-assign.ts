import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import { listDirectoryContract, whoAmIContract } from '../../../domain/api/public-read.contracts';
import { assignLeadContract } from '../../../domain/api/workspace.contracts';
import { ApiError, call, toApiError } from '../../services/api-client';

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

export interface LeadAssign extends AssignState {
  openSheet: () => Promise<void>;
  close: () => void;
  pickUnit: (unitId: string) => Promise<void>;
  pickStaff: (staffId: string | null) => void;
  setNote: (note: string) => void;
  confirm: () => Promise<void>;
}

const closedAssign = (): AssignState => ({ open: false, units: [], people: null, unitId: null, staffId: null, note: '', submitting: false, error: null });

const toast = (title: string): void => {
  Taro.showToast({ title, icon: 'none' }).catch(() => undefined);
};

/**
 * 转交: pick a unit of the district (and optionally a person), say why, hand the lead on under its `rev`.
 * `afterHandOff` reads the lead again (the caller may no longer see it); `reload` after a concurrent change.
 */
export const useLeadAssign = (
  lead: { id: string; rev: number } | null,
  reload: () => Promise<void>,
  afterHandOff: (leadId: string) => Promise<void>,
): LeadAssign => {
  const [assign, setAssign] = useState<AssignState>(closedAssign);
  const districtId = useRef<string | null>(null);

  const ensureDistrict = async (): Promise<string> => {
    if (districtId.current) return districtId.current;
    const who = await call(whoAmIContract, {});
    if (!who.staff) throw new ApiError('AUTH.FORBIDDEN');
    districtId.current = who.staff.districtId;
    return who.staff.districtId;
  };

  const openSheet = async (): Promise<void> => {
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

  const confirm = async (): Promise<void> => {
    if (!lead || assign.submitting) return;
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
      await call(assignLeadContract, { leadId: lead.id, toUnitId: assign.unitId, ...(assign.staffId ? { toStaffId: assign.staffId } : {}), note, rev: lead.rev });
      setAssign(closedAssign());
      toast('已转交，对方会收到通知');
      await afterHandOff(lead.id);
    } catch (e) {
      const error = toApiError(e);
      setAssign((a) => ({ ...a, submitting: false, error: error.message }));
      if (error.code === 'LEAD.CONCURRENT_UPDATE') {
        toast(error.message);
        await reload();
      }
    }
  };

  return {
    ...assign,
    openSheet,
    close: () => setAssign(closedAssign()),
    pickUnit,
    pickStaff: (staffId) => setAssign((a) => ({ ...a, staffId, error: null })),
    setNote: (note) => setAssign((a) => ({ ...a, note })),
    confirm,
  };
};
