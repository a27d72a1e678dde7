import { inboxContract } from '../../domain/api/workspace.contracts';
import { DomainError } from '../../domain/common/result';
import type { Lead } from '../../domain/lead/lead.schema';
import { defineAction, requireStaff } from '../_lib/define-action';
import { countLeads, findLeads } from '../_lib/repositories/lead.repository';
import type { Where } from '../_lib/store/store-port';
import type { Deps } from '../_lib/deps';
import { getCarriersByIds } from '../_lib/repositories/carrier.repository';
import { getUnitsByIds } from '../_lib/repositories/org.repository';
import { getStaffByIds } from '../_lib/repositories/staff.repository';
import { leadViewLevel } from '../_lib/lead-access';
import { toStaffLeadSummary, type NameCache } from './lead-views';

/** Every name a page of leads shows, in three reads (people, units, carriers) however long the page. */
const pageNames = async (deps: Deps, page: readonly Lead[]): Promise<NameCache> => {
  const [staff, units, carriers] = await Promise.all([
    getStaffByIds(deps.store, page.flatMap((l) => [l.handling.staffId, l.credit.staffId])),
    getUnitsByIds(deps.store, page.map((l) => l.handling.unitId)),
    getCarriersByIds(deps.store, page.map((l) => l.source.carrierId)),
  ]);
  return {
    staffName: async (id) => (id ? (staff.get(id)?.name ?? null) : null),
    unitName: async (id) => units.get(id)?.name ?? '',
    carrierName: async (id) => (id ? (carriers.get(id)?.name ?? null) : null),
  };
};

const encode = (l: Lead) => encodeURIComponent(JSON.stringify([l.sla.escalation, l.createdAt, l._id]));
const decode = (raw: string): [number, string, string] | null => {
  try {
    const v: unknown = JSON.parse(decodeURIComponent(raw));
    if (Array.isArray(v) && v.length === 3 && typeof v[0] === 'number' && typeof v[1] === 'string' && typeof v[2] === 'string' && v[1].length < 40 && /^[A-Za-z0-9_-]{1,64}$/.test(v[2])) {
      return [v[0], v[1], v[2]];
    }
  } catch {
    // fall through: a tampered cursor is a validation error below
  }
  return null;
};

/** 线索收件箱: mine / my unit / unassigned pool / referred by me / brought into (carrier managers), escalated (overdue) first, newest next, paged by key. */
export const inboxAction = defineAction(inboxContract, async (deps, ctx, input) => {
  const staff = requireStaff(ctx);
  const tabs: Record<(typeof input)['tab'], Where> = {
    mine: { 'handling.staffId': staff._id, districtId: staff.districtId },
    unit: { 'handling.unitId': staff.unitId, districtId: staff.districtId },
    pool: { 'handling.unitId': staff.unitId, 'handling.staffId': null, districtId: staff.districtId },
    referred: { 'credit.staffId': staff._id, districtId: staff.districtId },
    participating: { participantStaffIds: { has: staff._id }, districtId: staff.districtId },
  };
  let anyOf: Where[] | undefined;
  if (input.cursor) {
    const c = decode(input.cursor);
    if (!c) throw new DomainError('VALIDATION.INVALID_INPUT', ['cursor']);
    const [esc, createdAt, id] = c;
    anyOf = [
      { 'sla.escalation': { lt: esc } },
      { 'sla.escalation': esc, createdAt: { lt: createdAt } },
      { 'sla.escalation': esc, createdAt, _id: { lt: id } },
    ];
  }
  // The tab counts come with the first page only: paging on costs one read and the page's names, no counts.
  const countTabs = async () => {
    const [mine, unit, pool, referred, participating] = await Promise.all((['mine', 'unit', 'pool', 'referred', 'participating'] as const).map((t) => countLeads(deps.store, tabs[t])));
    return { mine, unit, pool, referred, participating };
  };
  const [rows, counts] = await Promise.all([
    findLeads(deps.store, {
      where: tabs[input.tab],
      anyOf,
      orderBy: [
        { field: 'sla.escalation', direction: 'desc' },
        { field: 'createdAt', direction: 'desc' },
        // Same direction throughout, so the (unit, escalation, createdAt, _id) index serves the sort by itself.
        { field: '_id', direction: 'desc' },
      ],
      limit: input.limit + 1,
    }),
    input.cursor ? null : countTabs(),
  ]);
  const page = rows.slice(0, input.limit);
  const names = await pageNames(deps, page);
  // Each row as this person may see it: under 我推荐的 a lead someone else handles shows no contact data.
  const items = await Promise.all(page.map((l) => toStaffLeadSummary(l, names, ctx.now, leadViewLevel(staff, l) ?? 'referrer', staff)));
  return { items, nextCursor: rows.length > input.limit && page.length ? encode(page[page.length - 1]) : null, counts };
});
