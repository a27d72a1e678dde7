import { reportLeadsContract } from '../../domain/api/report.contracts';
import { DomainError } from '../../domain/common/result';
import type { Lead } from '../../domain/lead/lead.schema';
import { progressStage, LEAD_STATUSES, type LeadStatus } from '../../domain/lead/lead-status.rules';
import { NONE, originOf, placeOf } from '../../domain/report/lead-rollup.rules';
import { defineAction, requireStaff } from '../_lib/define-action';
import { leadViewLevel } from '../_lib/lead-access';
import { findLeads } from '../_lib/repositories/lead.repository';
import { createNameCache, toStaffLeadSummary } from '../workspace/lead-views';
import { resolvePeriod, resolveScope, type ResolvedScope } from './report-scope';

const PAGE_SCAN = 200;
const PAGE_SHOW = 20;

export const inScope = (lead: Lead, scope: ResolvedScope): boolean => {
  if (scope.scope === 'unit') return lead.credit.unitId === scope.unitId;
  if (scope.scope === 'person') return lead.credit.staffId === scope.staffId;
  // A team's leads are its current members' credited ones, as its roll-up sum (teamRows).
  if (scope.scope === 'team') return !!lead.credit.staffId && scope.memberStaffIds.includes(lead.credit.staffId);
  return scope.scope === 'district' && lead.districtId === scope.districtId;
};

/** The same derivation as the roll-ups (leadContribution), so a bar's leads are exactly the ones it counted. */
export const matches = (lead: Lead, filter: string, value: string | undefined): boolean => {
  switch (filter) {
    case 'unit':
      return (lead.credit.unitId ?? NONE) === value;
    case 'channel':
      return lead.source.channel === value;
    case 'industry':
      return lead.need.industry === value;
    case 'origin':
      return originOf(lead) === value;
    case 'street':
      return placeOf(lead).street === value;
    case 'carrierType':
      return placeOf(lead).carrierType === value;
    case 'confirmed':
      // The heat map's signings / landings: the bureau's confirmation, as the roll-ups' cohort counters.
      return (value === 'signed' || value === 'landed') && !!lead.confirmations?.[value];
    case 'stage':
      return LEAD_STATUSES.includes(value as LeadStatus) && lead.status !== 'invalid' && progressStage(lead.status) >= progressStage(value as LeadStatus);
    default:
      return true;
  }
};

export type CellConditions = ReadonlyArray<{ filter: string; values: readonly string[]; except?: boolean }>;

/** A heat-map cell's conditions (report.leads' and report.export's `where`): each met — one of its values, or with `except` none. */
export const matchesAll = (lead: Lead, where: CellConditions | undefined): boolean =>
  (where ?? []).every((w) => w.values.some((value) => matches(lead, w.filter, value)) !== (w.except === true));

const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\|([A-Za-z0-9_-]{1,64})$/;

/**
 * 点开看线索: the inquiries of a period behind one figure, scanned in arrival order a page at a time; the caller
 * sees those they may open (their own, their unit's, all of the district for an admin) and a count of the rest.
 */
export const reportLeadsAction = defineAction(reportLeadsContract, async (deps, ctx, input) => {
  const me = requireStaff(ctx);
  const period = resolvePeriod(input.period, ctx.now);
  const scope = await resolveScope(deps, me, input);
  // A city admin reads figures, never leads (no contact data leaves a district for the city).
  if (!scope.leadsOpen) throw new DomainError('AUTH.FORBIDDEN');
  if (input.filter !== 'all' && !input.value) throw new DomainError('VALIDATION.INVALID_INPUT', ['value']);
  const cursor = input.cursor ? CURSOR.exec(input.cursor) : null;
  if (input.cursor && !cursor) throw new DomainError('VALIDATION.INVALID_INPUT', ['cursor']);
  const page = await findLeads(deps.store, {
    where: { districtId: scope.districtId, createdAt: { gte: period.start.toISOString(), lt: period.end.toISOString() } },
    ...(cursor ? { anyOf: [{ createdAt: { gt: cursor[1] } }, { createdAt: cursor[1], _id: { gt: cursor[2] } }] } : {}),
    orderBy: [{ field: 'createdAt', direction: 'asc' }, { field: '_id', direction: 'asc' }],
    limit: PAGE_SCAN,
  });
  const names = createNameCache(deps);
  const items = [];
  let hidden = 0;
  let last: Lead | null = null;
  for (const lead of page) {
    if (items.length >= PAGE_SHOW) break;
    last = lead;
    if (!inScope(lead, scope) || !matches(lead, input.filter, input.value) || !matchesAll(lead, input.where)) continue;
    const view = leadViewLevel(me, lead);
    if (view) items.push(await toStaffLeadSummary(lead, names, ctx.now, view));
    else hidden += 1;
  }
  const more = page.length === PAGE_SCAN || (last !== null && last !== page[page.length - 1]);
  return { items, nextCursor: more && last ? `${last.createdAt}|${last._id}` : null, hidden };
});
