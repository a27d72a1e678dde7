import { cardStatsContract } from '../../domain/api/sharing.contracts';
import { DomainError } from '../../domain/common/result';
import { SHARE_CHANNELS } from '../../domain/lead/lead.schema';
import { defineAction, requireStaff } from '../_lib/define-action';
import { findCardByStaff, getCard } from '../_lib/repositories/card.repository';
import { readCardViewCounts } from '../_lib/repositories/view-count.repository';
import { COLLECTIONS } from '../_lib/store/collections';
import { viewsPerWeek } from '../../domain/share/view-stats.rules';
import type { Share } from '../../domain/share/share.schema';
import type { Lead } from '../../domain/lead/lead.schema';
import { medianHours, workingHoursBetween } from '../../domain/lead/sla.rules';
import type { Deps } from '../_lib/deps';

const WEEKS = 8;
const DAY = 86_400_000;

/** Monday (UTC+8) of the week containing `d`, as YYYY-MM-DD. */
const weekStart = (d: Date): Date => {
  const local = new Date(d.getTime() + 8 * 3600_000);
  const dow = (local.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - dow) - 8 * 3600_000);
};

/**
 * Median first-response time (working hours) of the leads a person handled, newest 500: the figure a card can
 * later show as 「通常 N 小时内回复」 and the quarterly comparison can use.
 */
const firstResponseOf = async (deps: Deps, staffId: string) => {
  const answered = await deps.store.find<Lead>(COLLECTIONS.leads.name, {
    where: { 'handling.staffId': staffId, 'sla.firstRespondedAt': { ne: null } },
    orderBy: [{ field: 'createdAt', direction: 'desc' }],
    limit: 500,
  });
  const hours = answered.map((l) => workingHoursBetween(new Date(l.createdAt), new Date(l.sla.firstRespondedAt as string)));
  const median = medianHours(hours);
  return { medianFirstResponseHours: median === null ? null : Math.round(median * 10) / 10, answeredLeads: hours.length };
};

/**
 * 我的名片数据: counts only — views, unique visitors (visitor-days: once per visitor and day), shares and reshare
 * depth, leads — by channel and week.
 */
export const cardStatsAction = defineAction(cardStatsContract, async (deps, ctx, input) => {
  const me = requireStaff(ctx);
  const card = input.cardId ? await getCard(deps.store, input.cardId) : await findCardByStaff(deps.store, me._id);
  if (!card || card.districtId !== me.districtId) throw new DomainError('CARD.NOT_FOUND');
  if (card.staffId !== me._id && !me.roles.includes('admin')) throw new DomainError('CARD.NOT_FOUND');

  const count = (where: Record<string, string | { gte: string; lt: string }>) => deps.store.count(COLLECTIONS.leads.name, where);
  const thisWeek = weekStart(ctx.now);
  const weekStarts = Array.from({ length: WEEKS }, (_, i) => new Date(thisWeek.getTime() - (WEEKS - 1 - i) * 7 * DAY));
  const weekDays = weekStarts.map((start) => new Date(start.getTime() + 8 * 3600_000).toISOString().slice(0, 10));
  // Views come from counters (two reads); leads are still counted from the leads themselves.
  const [viewCounts, weeklyLeads, shares, deepest, leads, leadsByChannel] = await Promise.all([
    readCardViewCounts(deps.store, card._id, weekDays[0], WEEKS * 7),
    Promise.all(weekStarts.map((start) => count({ 'source.cardId': card._id, createdAt: { gte: start.toISOString(), lt: new Date(start.getTime() + 7 * DAY).toISOString() } }))),
    deps.store.count(COLLECTIONS.shares.name, { cardId: card._id }),
    deps.store.find<Share>(COLLECTIONS.shares.name, { where: { cardId: card._id }, orderBy: [{ field: 'depth', direction: 'desc' }], limit: 1 }),
    count({ 'source.cardId': card._id }),
    Promise.all(SHARE_CHANNELS.map(async (ch) => [ch, await count({ 'source.cardId': card._id, 'source.channel': ch })] as const)),
  ]);
  const weeklyViews = viewsPerWeek(viewCounts.days, weekDays);
  const weeks = weekDays.map((day, i) => ({ weekStart: day, views: weeklyViews[i], leads: weeklyLeads[i] }));
  const responsiveness = await firstResponseOf(deps, card.staffId);
  return {
    cardId: card._id,
    views: viewCounts.allTime?.views ?? 0,
    uniqueVisitors: viewCounts.allTime?.visitors ?? 0,
    shares,
    maxReshareDepth: deepest[0]?.depth ?? 0,
    leads,
    viewsByChannel: Object.fromEntries(Object.entries(viewCounts.allTime?.viewsByChannel ?? {}).filter(([, n]) => n > 0)),
    leadsByChannel: Object.fromEntries(leadsByChannel.filter(([, n]) => n > 0)),
    weeks,
    ...responsiveness,
  };
});
