import dayjs from 'dayjs';

/** Clock port: every rule takes `now` explicitly so tests control time. */
export type Clock = () => Date;

export const toIso = (d: Date): string => d.toISOString();

export const daysBetween = (fromIso: string, to: Date): number =>
  Math.max(0, dayjs(to).diff(dayjs(fromIso), 'day'));

export const addHours = (iso: string, hours: number): string => dayjs(iso).add(hours, 'hour').toISOString();
