import { disputesContract } from '../../domain/api/report.contracts';
import { DomainError } from '../../domain/common/result';
import { defineAction, requireStaff } from '../_lib/define-action';
import { listDisputedLeads } from '../_lib/repositories/first-report.repository';
import { getLead } from '../_lib/repositories/lead.repository';
import { getUnitsByIds } from '../_lib/repositories/org.repository';
import { reportingUnitOf, toDisputeView } from '../workspace/first-report';

/** 首报争议: the district admin's disputes in one status, each with both reports' units and dates. */
export const disputesAction = defineAction(disputesContract, async (deps, ctx, input) => {
  const me = requireStaff(ctx);
  if (!me.roles.includes('admin')) throw new DomainError('AUTH.FORBIDDEN');
  const leads = await listDisputedLeads(deps.store, me.districtId, input.status);
  const holders = await Promise.all(leads.map((l) => (l.firstReportDispute ? getLead(deps.store, l.firstReportDispute.holderLeadId) : null)));
  const units = await getUnitsByIds(deps.store, leads.flatMap((l) => [reportingUnitOf(l), l.firstReportDispute?.holderUnitId]));
  const unitName = (id: string | null | undefined) => (id ? (units.get(id)?.name ?? null) : null);
  return {
    items: leads.flatMap((l, i) =>
      l.firstReportDispute
        ? [
            {
              leadId: l._id,
              rev: l._rev,
              company: l.facts?.companyName ?? l.contact.company,
              unitName: unitName(reportingUnitOf(l)),
              holderLeadId: l.firstReportDispute.holderLeadId,
              holderUnitName: unitName(l.firstReportDispute.holderUnitId),
              reportedAt: l.createdAt,
              holderReportedAt: holders[i]?.createdAt ?? null,
              dispute: toDisputeView(l.firstReportDispute, unitName(l.firstReportDispute.holderUnitId)),
            },
          ]
        : [],
    ),
  };
});
