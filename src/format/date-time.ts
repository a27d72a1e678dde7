import dayjs from 'dayjs';
import type { Language } from '../i18n/dictionary';
import { coreDictionaryFor } from '../i18n/core-dictionaries';

/**
 * Times as the app shows them, in the device's local time. The SLA clock's working-hours arithmetic stays in
 * domain/lead/sla.rules.ts; these only say a moment in words.
 */

const valid = (iso: string | null | undefined): dayjs.Dayjs | null => {
  if (!iso) return null;
  const d = dayjs(iso);
  return d.isValid() ? d : null;
};

/**
 * "今天 14:20", "昨天 09:05", "11月3日 14:20", with the year only when it is not this year; in English "Today 14:20",
 * "3 Nov 14:20", "3 Nov 2025 14:20" (dayjs's built-in English month names).
 */
export const formatDateTime = (iso: string, now: Date = new Date(), lang: Language = 'zh'): string => {
  const d = valid(iso);
  if (!d) return '';
  const t = coreDictionaryFor(lang);
  const today = dayjs(now);
  const time = d.format('HH:mm');
  if (d.isSame(today, 'day')) return t.today(time);
  if (d.isSame(today.subtract(1, 'day'), 'day')) return t.yesterday(time);
  if (lang === 'en') return d.isSame(today, 'year') ? d.locale('en').format(`D MMM ${time}`) : d.locale('en').format(`D MMM YYYY ${time}`);
  return d.isSame(today, 'year') ? d.format(`M月D日 ${time}`) : d.format(`YYYY年M月D日 ${time}`);
};

/** "刚刚", "12 分钟前", "3 小时前" (today), then the date: how long a lead has waited reads at a glance. */
export const formatRelative = (iso: string, now: Date = new Date(), lang: Language = 'zh'): string => {
  const d = valid(iso);
  if (!d) return '';
  const t = coreDictionaryFor(lang);
  const today = dayjs(now);
  const minutes = today.diff(d, 'minute');
  if (minutes < 1) return t.justNow;
  if (minutes < 60) return t.minutesAgo(minutes);
  if (minutes < 24 * 60 && d.isSame(today, 'day')) return t.hoursAgo(today.diff(d, 'hour'));
  return formatDateTime(iso, now, lang);
};

// "11-03 14:20" lives without dayjs, for the main package (see stamp.ts).
export { formatStamp } from './stamp';

/** A calendar day ("2026-11-02", as the backend names weeks) as "11/2"; anything else as it came. */
export const formatMonthDay = (day: string): string => {
  const d = /^\d{4}-\d{2}-\d{2}/.test(day) ? dayjs(day.slice(0, 10)) : null;
  return d?.isValid() ? d.format('M/D') : day;
};
