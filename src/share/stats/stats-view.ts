import type { ResponseOf } from '../../../domain/api/contract';
import type { cardStatsContract } from '../../../domain/api/sharing.contracts';
import { SHARE_CHANNELS, type ShareChannel } from '../../../domain/lead/lead.schema';
import type { WeekBar } from '../../components/week-bar-chart';
import { formatMonthDay } from '../../format/date-time';

export type CardStats = ResponseOf<typeof cardStatsContract>;

/** How people reached the card, as the owner reads it. */
export const CHANNEL_LABELS: Record<ShareChannel, string> = {
  chat: '微信聊天',
  moments: '朋友圈',
  poster: '海报',
  qr: '二维码',
  web_link: '网页链接',
  direct: '直接打开',
};

export const channelLabel = (channel: string): string => (channel in CHANNEL_LABELS ? CHANNEL_LABELS[channel as ShareChannel] : '其他');

export interface ChannelRow {
  channel: string;
  label: string;
  views: number;
  leads: number;
  /** Share of all views, 0–100, rounded. */
  percent: number;
}

/** One row per channel with any view or lead, most viewed first (ties in the channels' usual order). */
export const channelRows = (stats: Pick<CardStats, 'viewsByChannel' | 'leadsByChannel'>): ChannelRow[] => {
  const channels = new Set([...Object.keys(stats.viewsByChannel), ...Object.keys(stats.leadsByChannel)]);
  const order = (c: string) => {
    const i = (SHARE_CHANNELS as readonly string[]).indexOf(c);
    return i < 0 ? SHARE_CHANNELS.length : i;
  };
  const total = Object.values(stats.viewsByChannel).reduce((a, b) => a + b, 0);
  return [...channels]
    .map((channel) => {
      const views = stats.viewsByChannel[channel] ?? 0;
      return { channel, label: channelLabel(channel), views, leads: stats.leadsByChannel[channel] ?? 0, percent: total ? Math.round((views / total) * 100) : 0 };
    })
    .filter((row) => row.views > 0 || row.leads > 0)
    .sort((a, b) => b.views - a.views || b.leads - a.leads || order(a.channel) - order(b.channel));
};

/** "2026-11-02" → "11/2". */
export const weekLabel = (weekStart: string): string => formatMonthDay(weekStart);

/** Column heights relative to the busiest week; a week with any view stays visible (at least 4 %). The last week is this week. */
export const weekBars = (weeks: CardStats['weeks']): WeekBar[] => {
  const max = weeks.reduce((m, w) => Math.max(m, w.views), 0);
  return weeks.map((w, i) => ({
    key: w.weekStart,
    label: i === weeks.length - 1 ? '本周' : weekLabel(w.weekStart),
    value: w.views,
    heightPercent: max ? Math.max(w.views > 0 ? 4 : 0, Math.round((w.views / max) * 100)) : 0,
    ...(w.leads > 0 ? { note: `咨询 ${w.leads}` } : {}),
    highlight: i === weeks.length - 1,
  }));
};

/** Leads per hundred unique visitors, one decimal: "3.5%"; "—" before anyone visited. */
export const conversionRate = (leads: number, uniqueVisitors: number): string =>
  uniqueVisitors > 0 ? `${String(Math.round((leads / uniqueVisitors) * 1000) / 10)}%` : '—';

/** 0 → "仅本人分享", n → "n 层转发". Depth 0 is the owner's own share; each reshare adds one. */
export const depthText = (maxDepth: number): string => (maxDepth > 0 ? `${maxDepth} 层` : '—');
