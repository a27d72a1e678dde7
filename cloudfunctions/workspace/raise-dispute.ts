import { raiseDisputeContract } from '../../domain/api/lead-facts.contracts';
import { DomainError } from '../../domain/common/result';
import type { FirstReportDispute } from '../../domain/ranking/first-report-dispute.schema';
import { defineAction } from '../_lib/define-action';
import { newId } from '../_lib/ids';
import { recordLeadChange } from '../_lib/repositories/lead.repository';
import { getUnitsByIds } from '../_lib/repositories/org.repository';
import { disputeRefusal, firstReportStanding, reportingUnitOf, toDisputeView } from './first-report';
import { loadLeadFor } from './load-lead';

/**
 * 首报申诉: a later report of a company another unit holds says the credit is theirs. Written on the disputing
 * lead with its thread entry and audit line; the holding lead's thread says a dispute was raised.
 */
export const raiseDisputeAction = defineAction(raiseDisputeContract, async (deps, ctx, input) => {
  const { lead, staff } = await loadLeadFor(deps, ctx, input.leadId, 'view');
  const standing = await firstReportStanding(deps, lead);
  const refusal = disputeRefusal(staff, standing);
  if (refusal) throw new DomainError(refusal);
  const holder = standing.holder as NonNullable<typeof standing.holder>;
  if (lead._rev !== input.rev) throw new DomainError('LEAD.CONCURRENT_UPDATE');
  const at = ctx.now.toISOString();
  const holderUnitId = reportingUnitOf(holder);
  const dispute: FirstReportDispute = { status: 'open', holderLeadId: holder._id, holderUnitId, reason: input.reason, raisedBy: { staffId: staff._id, name: staff.name }, raisedAt: at };
  const units = await getUnitsByIds(deps.store, [holderUnitId, reportingUnitOf(lead)]);
  const holderUnitName = holderUnitId ? (units.get(holderUnitId)?.name ?? null) : null;
  const ownUnit = reportingUnitOf(lead);
  const ownUnitName = (ownUnit ? units.get(ownUnit)?.name : null) ?? '另一单位';
  const actor = { kind: 'staff' as const, staffId: staff._id, name: staff.name };
  const saved = await recordLeadChange(
    deps.store,
    lead,
    { firstReportDispute: dispute, updatedAt: at },
    [
      { _id: newId('ev', ctx.now, deps.randomBytes), leadId: lead._id, districtId: lead.districtId, type: 'first_report_disputed', actor, text: `对首报（${holderUnitName ?? '未记入单位'}）提出申诉：${input.reason}`, at },
      { _id: newId('ev', ctx.now, deps.randomBytes), leadId: holder._id, districtId: holder.districtId, type: 'first_report_disputed', actor, text: `${ownUnitName}对本企业的首报提出申诉，待区管理员裁定`, at },
    ],
    input.rev,
    [{ _id: newId('aud', ctx.now, deps.randomBytes), action: 'first_report_disputed', leadId: lead._id, districtId: lead.districtId, staffId: staff._id, at, holderLeadId: holder._id }],
  );
  if (!saved) throw new DomainError('LEAD.CONCURRENT_UPDATE');
  return { rev: input.rev + 1, dispute: toDisputeView(dispute, holderUnitName) };
});
