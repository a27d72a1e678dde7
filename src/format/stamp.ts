/**
 * "11-03 14:20": when the copy on screen was fetched, in the device's local time. Kept apart from date-time.ts
 * (dayjs) because the main package's offline note needs only this: dayjs would add ~7 KB to every first open.
 */
const pad = (n: number): string => String(n).padStart(2, '0');

/** A moment from the backend (ISO); a bare calendar day is local midnight, as dayjs reads it. */
const parse = (iso: string): Date => {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return day ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])) : new Date(iso);
};

export const formatStamp = (iso: string | null): string => {
  if (!iso) return '';
  const d = parse(iso);
  return Number.isNaN(d.getTime()) ? '' : `${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
};
