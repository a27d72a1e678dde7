import { cardStatsContract } from '../../domain/api/sharing.contracts';
import { DomainError } from '../../domain/common/result';
import { defineAction, requireStaff } from '../_lib/define-action';
import { findCardByStaff, getCard } from '../_lib/repositories/card.repository';
import { readCardViewCounts } from '../_lib/repositories/view-count.repository';
import { findAnsweredLeadsOf } from '../_lib/repositories/lead.repository';
import { viewsPerWeek } from '../../domain/share/view-stats.rules';
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
  const answered = await findAnsweredLeadsOf(deps.store, staffId, 500);
  const hours = answered.map((l) => workingHoursBetween(new Date(l.createdAt), new Date(l.sla.firstRespondedAt as string)));
  const median = medianHours(hours);
  return { medianFirstResponseHours: median === null ? null : Math.round(median * 10) / 10, answeredLeads: hours.length };
};

/**
 * 我的名片数据: counts only — views, unique visitors (visitor-days: once per visitor and day), shares and reshare
 * depth, leads — by channel and week. Everything comes from the card's counter rows (kept in the transactions
 * that store each view, share and lead), so the figures cost the same few reads whatever the traffic.
 */
export const cardStatsAction = defineAction(cardStatsContract, async (deps, ctx, input) => {
  const me = requireStaff(ctx);
  const card = input.cardId ? await getCard(deps.store, input.cardId) : await findCardByStaff(deps.store, me._id);
  if (!card || card.districtId !== me.districtId) throw new DomainError('CARD.NOT_FOUND');
  if (card.staffId !== me._id && !me.roles.includes('admin')) throw new DomainError('CARD.NOT_FOUND');

  const thisWeek = weekStart(ctx.now);
  const weekStarts = Array.from({ length: WEEKS }, (_, i) => new Date(thisWeek.getTime() - (WEEKS - 1 - i) * 7 * DAY));
  const weekDays = weekStarts.map((start) => new Date(start.getTime() + 8 * 3600_000).toISOString().slice(0, 10));
  const [counts, responsiveness] = await Promise.all([readCardViewCounts(deps.store, card._id, weekDays[0], WEEKS * 7), firstResponseOf(deps, card.staffId)]);
  const weeklyViews = viewsPerWeek(counts.days, weekDays);
  const weeklyLeads = viewsPerWeek(
    counts.days.map((d) => ({ day: d.day, views: d.leads ?? 0 })),
    weekDays,
  );
  const weeks = weekDays.map((day, i) => ({ weekStart: day, views: weeklyViews[i], leads: weeklyLeads[i] }));
  const positive = (byChannel: Record<string, number> | undefined) => Object.fromEntries(Object.entries(byChannel ?? {}).filter(([, n]) => n > 0));
  const allTime = counts.allTime;
  return {
    cardId: card._id,
    views: allTime?.views ?? 0,
    uniqueVisitors: allTime?.visitors ?? 0,
    shares: allTime?.shares ?? 0,
    maxReshareDepth: allTime?.maxShareDepth ?? 0,
    leads: allTime?.leads ?? 0,
    viewsByChannel: positive(allTime?.viewsByChannel),
    leadsByChannel: positive(allTime?.leadsByChannel),
    weeks,
    ...responsiveness,
  };
});
