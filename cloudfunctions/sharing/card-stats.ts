import { cardStatsContract } from '../../domain/api/sharing.contracts';
import { DomainError } from '../../domain/common/result';
import { SHARE_CHANNELS } from '../../domain/lead/lead.schema';
import { defineAction, requireStaff } from '../_lib/define-action';
import { findCardByStaff, getCard } from '../_lib/repositories/card.repository';
import { COLLECTIONS } from '../_lib/store/collections';
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

/** 我的名片数据: counts only — views, unique visitors, shares and reshare depth, leads — by channel and week. */
export const cardStatsAction = defineAction(cardStatsContract, async (deps, ctx, input) => {
  const me = requireStaff(ctx);
  const card = input.cardId ? await getCard(deps.store, input.cardId) : await findCardByStaff(deps.store, me._id);
  if (!card || card.districtId !== me.districtId) throw new DomainError('CARD.NOT_FOUND');
  if (card.staffId !== me._id && !me.roles.includes('admin')) throw new DomainError('CARD.NOT_FOUND');

  const count = (collection: string, where: Record<string, string | number | boolean | null | { gte?: string; lt?: string }>) => deps.store.count(collection, where);
  const byChannel = async (collection: string, field: string) => {
    const entries = await Promise.all(SHARE_CHANNELS.map(async (ch) => [ch, await count(collection, { [field]: card._id, [collection === COLLECTIONS.leads.name ? 'source.channel' : 'channel']: ch })] as const));
    return Object.fromEntries(entries.filter(([, n]) => n > 0));
  };
  const thisWeek = weekStart(ctx.now);
  const weeks = await Promise.all(
    Array.from({ length: WEEKS }, async (_, i) => {
      const start = new Date(thisWeek.getTime() - (WEEKS - 1 - i) * 7 * DAY);
      const end = new Date(start.getTime() + 7 * DAY);
      const range = { gte: start.toISOString(), lt: end.toISOString() };
      const [views, leads] = await Promise.all([count(COLLECTIONS.views.name, { cardId: card._id, at: range }), count(COLLECTIONS.leads.name, { 'source.cardId': card._id, createdAt: range })]);
      return { weekStart: new Date(start.getTime() + 8 * 3600_000).toISOString().slice(0, 10), views, leads };
    }),
  );
  const [views, uniqueVisitors, shares, deepest, leads, viewsByChannel, leadsByChannel] = await Promise.all([
    count(COLLECTIONS.views.name, { cardId: card._id }),
    count(COLLECTIONS.cardVisitors.name, { cardId: card._id }),
    count(COLLECTIONS.shares.name, { cardId: card._id }),
    deps.store.find<Share>(COLLECTIONS.shares.name, { where: { cardId: card._id }, orderBy: [{ field: 'depth', direction: 'desc' }], limit: 1 }),
    count(COLLECTIONS.leads.name, { 'source.cardId': card._id }),
    byChannel(COLLECTIONS.views.name, 'cardId'),
    byChannel(COLLECTIONS.leads.name, 'source.cardId'),
  ]);
  const responsiveness = await firstResponseOf(deps, card.staffId);
  return { cardId: card._id, views, uniqueVisitors, shares, maxReshareDepth: deepest[0]?.depth ?? 0, leads, viewsByChannel, leadsByChannel, weeks, ...responsiveness };
});
