import { useEffect, useState } from 'react';
import { adminCalendarGetContract, adminCalendarImportContract, adminCalendarSaveContract } from '../../../domain/api/admin.contracts';
import { calendarYearProblems } from '../../../domain/calendar/working-calendar.rules';
import { clearDraft, readDraft, writeDraft } from '../../hooks/use-draft';
import { usePageParams } from '../../hooks/use-page-params';
import { useResource } from '../../hooks/use-resource';
import { call } from '../../services/api-client';
import { useAdminCall } from '../use-admin-call';

export type DayKind = 'holidays' | 'makeUpWorkdays';
export interface YearDays {
  holidays: string[];
  makeUpWorkdays: string[];
}

const draftKey = (year: number) => `admin-calendar:${year}`;
const isDays = (raw: unknown): YearDays | null => {
  const r = raw as Partial<YearDays> | null;
  return r && Array.isArray(r.holidays) && Array.isArray(r.makeUpWorkdays) && [...r.holidays, ...r.makeUpWorkdays].every((d) => typeof d === 'string') ? { holidays: r.holidays, makeUpWorkdays: r.makeUpWorkdays } : null;
};

/** The current China-time year (the editor opens on it unless a missing year was asked for). */
const chinaYear = () => new Date(Date.now() + 8 * 3600_000).getUTCFullYear();

/**
 * One year of the working calendar: loads it, keeps the admin's edit (and its draft on the device until saved),
 * checks it with the domain's rule, saves it or imports the national one.
 */
export const useWorkingCalendar = () => {
  const params = usePageParams();
  const districtId = params.districtId || undefined;
  const [year, setYear] = useState(() => (/^\d{4}$/.test(params.year ?? '') ? Number(params.year) : chinaYear()));
  const resource = useResource<typeof adminCalendarGetContract.response>({
    key: `admin.calendar:${districtId ?? ''}:${year}`,
    fetch: () => call(adminCalendarGetContract, { year, ...(districtId ? { districtId } : {}) }),
  });
  const [days, setDays] = useState<YearDays | null>(null);
  const [restored, setRestored] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const write = useAdminCall();

  const loaded = resource.data && resource.data.year === year ? resource.data : null;
  useEffect(() => {
    if (!loaded || days) return;
    const kept = loaded.canEdit ? readDraft(draftKey(year), isDays) : null;
    setDays(kept ?? { holidays: loaded.holidays, makeUpWorkdays: loaded.makeUpWorkdays });
    setRestored(!!kept);
  }, [loaded, days, year]);

  const change = (next: YearDays) => {
    setDays(next);
    setSaved(null);
    writeDraft(draftKey(year), next);
  };
  const done = async (result: YearDays | null, message: string) => {
    if (!result) return;
    clearDraft(draftKey(year));
    setDays({ holidays: result.holidays, makeUpWorkdays: result.makeUpWorkdays });
    setRestored(false);
    setSaved(message);
    await resource.reload();
  };
  const problems = days ? calendarYearProblems(year, days.holidays, days.makeUpWorkdays) : [];

  return {
    year,
    resource,
    data: loaded,
    days,
    restored,
    saved,
    problems,
    pending: write.pending,
    error: write.error,
    goToYear: (next: number) => {
      setYear(next);
      setDays(null);
      setSaved(null);
      setRestored(false);
      write.clearError();
    },
    add: (kind: DayKind, date: string) => {
      if (!days || days[kind].includes(date)) return;
      change({ ...days, [kind]: [...days[kind], date].sort() });
    },
    remove: (kind: DayKind, date: string) => days && change({ ...days, [kind]: days[kind].filter((d) => d !== date) }),
    save: async () => {
      if (!days || problems.length) return;
      await done(await write.run(() => call(adminCalendarSaveContract, { year, ...days })), `${year} 年日历已保存，响应时限按新日历计时`);
    },
    /** Weekends only, on purpose: the year is known, with no holidays, until the State Council publishes it. */
    saveWeekendsOnly: async () => {
      await done(await write.run(() => call(adminCalendarSaveContract, { year, holidays: [], makeUpWorkdays: [] })), `${year} 年已按仅周末休息保存，节假日安排发布后请回来补录`);
    },
    importNational: async () => {
      await done(await write.run(() => call(adminCalendarImportContract, { year })), `已从国家日历导入 ${year} 年节假日与调休`);
    },
    discardDraft: () => {
      clearDraft(draftKey(year));
      if (loaded) setDays({ holidays: loaded.holidays, makeUpWorkdays: loaded.makeUpWorkdays });
      setRestored(false);
    },
  };
};
