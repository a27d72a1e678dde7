import { firstReportContract } from '../../domain/api/lead-facts.contracts';
import type { Lead } from '../../domain/lead/lead.schema';
import type { Staff } from '../../domain/org/staff.schema';
import type { FirstReportDispute } from '../../domain/ranking/first-report-dispute.schema';
import { holderOf, isProjectKnown } from '../../domain/ranking/first-report.rules';
import { defineAction } from '../_lib/define-action';
import type { Deps } from '../_lib/deps';
import { canActOnLead, canViewLead, leadViewLevel } from '../_lib/lead-access';
import { DomainError } from '../../domain/common/result';
import { listProjectLeads } from '../_lib/repositories/first-report.repository';
import { getUnitsByIds } from '../_lib/repositories/org.repository';
import { getStaffByIds } from '../_lib/repositories/staff.repository';
import { loadLeadFor } from './load-lead';

/** The unit a report is credited to: who brought it, else (no referrer) who handles it. */
export const reportingUnitOf = (lead: Pick<Lead, 'credit' | 'handling'>): string | null => lead.credit.unitId ?? lead.handling.unitId;

export const toDisputeView = (d: FirstReportDispute, holderUnitName: string | null) => ({
  status: d.status,
  reason: d.reason,
  raisedByName: d.raisedBy.name,
  raisedAt: d.raisedAt,
  holderUnitName,
  decision: d.decision ? { name: d.decision.name, reason: d.decision.reason, at: d.decision.at } : null,
});

/** Who may dispute for a report: the person it is credited to, or whoever may act on the lead. */
export const mayDisputeFor = (staff: Staff, lead: Lead): boolean => lead.credit.staffId === staff._id || canActOnLead(staff, lead);

export type FirstReportStanding =
  | { known: false; reports: 0; holder: null; lead: Lead }
  | { known: true; reports: number; holder: Lead; lead: Lead };

/**
 * Where a lead stands among the district's reports of its company (`asOf`: ignoring awards decided later).
 * `asOfReports` turns the reports read now into the reports as they stood at `asOf` (a locked board: those that
 * had arrived, with the status of that moment); `lead` itself must already be as of then.
 */
export const firstReportStanding = async (
  deps: Deps,
  lead: Lead,
  asOf?: string,
  asOfReports?: (reports: Lead[]) => Promise<Lead[]>,
): Promise<FirstReportStanding> => {
  if (!isProjectKnown(lead)) return { known: false, reports: 0, holder: null, lead };
  const read = await listProjectLeads(deps.store, lead);
  const same = asOfReports ? (await asOfReports(read.filter((l) => l._id !== lead._id))).concat(lead) : read;
  // The read may be capped: the lead itself always takes part.
  const all = same.some((l) => l._id === lead._id) ? same : [...same, lead];
  return { known: true, reports: all.length, holder: holderOf(all, asOf) as Lead, lead };
};

/** Why this caller may not dispute this lead's standing now, or null when they may. */
export const disputeRefusal = (staff: Staff, s: FirstReportStanding) => {
  if (!mayDisputeFor(staff, s.lead)) return 'AUTH.FORBIDDEN' as const;
  if (!s.known) return 'FIRST_REPORT.UNKNOWN_PROJECT' as const;
  if (s.holder._id === s.lead._id) return 'FIRST_REPORT.NOT_DUPLICATE' as const;
  if (s.lead.firstReportDispute) return 'FIRST_REPORT.DISPUTE_EXISTS' as const;
  if (reportingUnitOf(s.holder) === reportingUnitOf(s.lead)) return 'FIRST_REPORT.SAME_UNIT' as const;
  return null;
};

/**
 * 首报 on the lead page: which unit holds the company's first report, this lead's dispute, whether one may be
 * raised. Not for a participant (a carrier manager brought in for the need): other units' reports are not theirs
 * to see, so the lead page has no 首报 section for them and this answers AUTH.FORBIDDEN.
 */
export const firstReportAction = defineAction(firstReportContract, async (deps, ctx, input) => {
  const { lead, staff } = await loadLeadFor(deps, ctx, input.leadId, 'view');
  if (leadViewLevel(staff, lead) === 'participant') throw new DomainError('AUTH.FORBIDDEN');
  const standing = await firstReportStanding(deps, lead);
  const holder = standing.holder;
  const heldBy = holder ?? lead;
  const [units, people] = await Promise.all([
    getUnitsByIds(deps.store, [reportingUnitOf(heldBy), lead.firstReportDispute?.holderUnitId]),
    getStaffByIds(deps.store, [heldBy.credit.staffId]),
  ]);
  const unitName = (id: string | null | undefined) => (id ? (units.get(id)?.name ?? null) : null);
  return {
    known: standing.known,
    reports: standing.reports,
    holder: holder
      ? {
          isThisLead: holder._id === lead._id,
          leadId: canViewLead(staff, holder) ? holder._id : null,
          unitName: unitName(reportingUnitOf(holder)),
          staffName: holder.credit.staffId ? (people.get(holder.credit.staffId)?.name ?? null) : null,
          reportedAt: holder.createdAt,
          awarded: holder.firstReportDispute?.status === 'upheld',
        }
      : null,
    dispute: lead.firstReportDispute ? toDisputeView(lead.firstReportDispute, unitName(lead.firstReportDispute.holderUnitId)) : null,
    canDispute: disputeRefusal(staff, standing) === null,
  };
});
