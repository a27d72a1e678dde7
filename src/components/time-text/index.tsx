import { Text } from '@tarojs/components';

const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));

const sameDay = (a: Date, b: Date): boolean => a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();

/** "11月3日 14:20", with the year only when it is not this year; local time of the device. */
export const formatDateTime = (iso: string, now: Date = new Date()): string => {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  if (sameDay(d, now)) return `今天 ${time}`;
  const yesterday = new Date(now.getTime() - 24 * 3600_000);
  if (sameDay(d, yesterday)) return `昨天 ${time}`;
  const day = `${d.getMonth() + 1}月${d.getDate()}日`;
  return d.getFullYear() === now.getFullYear() ? `${day} ${time}` : `${d.getFullYear()}年${day} ${time}`;
};

/** "刚刚", "12 分钟前", "3 小时前", then the date: how long a lead has waited reads at a glance. */
export const formatRelative = (iso: string, now: Date = new Date()): string => {
  const d = new Date(iso);
  const diff = now.getTime() - d.getTime();
  if (Number.isNaN(diff)) return '';
  if (diff < 60_000) return '刚刚';
  if (diff < 3600_000) return `${Math.floor(diff / 60_000)} 分钟前`;
  if (diff < 24 * 3600_000 && sameDay(d, now)) return `${Math.floor(diff / 3600_000)} 小时前`;
  return formatDateTime(iso, now);
};

export interface TimeTextProps {
  iso: string;
  relative?: boolean;
  className?: string;
}

export function TimeText({ iso, relative = false, className }: TimeTextProps) {
  return <Text className={className}>{relative ? formatRelative(iso) : formatDateTime(iso)}</Text>;
}
