import { decideDisputeContract } from '../../domain/api/report.contracts';
import { DomainError } from '../../domain/common/result';
import type { FirstReportDispute } from '../../domain/ranking/first-report-dispute.schema';
import { defineAction, requireStaff } from '../_lib/define-action';
import { newId } from '../_lib/ids';
import { getLead, recordLeadChange } from '../_lib/repositories/lead.repository';
import { getUnitsByIds } from '../_lib/repositories/org.repository';
import { toDisputeView } from '../workspace/first-report';

/**
 * 首报裁定: the district admin upholds a dispute (the disputing lead holds the company's credit from now on, and
 * the 擂台赛 follows) or rejects it, always with a reason; both leads' threads and the audit log say so.
 */
export const decideDisputeAction = defineAction(decideDisputeContract, async (deps, ctx, input) => {
  const me = requireStaff(ctx);
  const lead = await getLead(deps.store, input.leadId);
  // Another district's lead answers like a missing one.
  if (!lead || lead.districtId !== me.districtId) throw new DomainError('LEAD.NOT_FOUND');
  if (!me.roles.includes('admin')) throw new DomainError('AUTH.FORBIDDEN');
  const open = lead.firstReportDispute;
  if (!open || open.status !== 'open') throw new DomainError('FIRST_REPORT.NO_OPEN_DISPUTE');
  if (lead._rev !== input.rev) throw new DomainError('LEAD.CONCURRENT_UPDATE');
  const at = ctx.now.toISOString();
  const decided: FirstReportDispute = { ...open, status: input.decision, decision: { staffId: me._id, name: me.name, reason: input.reason, at } };
  const verdict = input.decision === 'upheld' ? '支持申诉，首报改记本线索' : '驳回申诉，首报不变';
  const holderVerdict = input.decision === 'upheld' ? '支持申诉，本企业首报改记申诉方' : '驳回申诉，首报仍为本线索';
  const actor = { kind: 'staff' as const, staffId: me._id, name: me.name };
  const saved = await recordLeadChange(
    deps.store,
    lead,
    { firstReportDispute: decided, updatedAt: at },
    [
      { _id: newId('ev', ctx.now, deps.randomBytes), leadId: lead._id, districtId: lead.districtId, type: 'first_report_decided', actor, text: `区管理员裁定：${verdict}。理由：${input.reason}`, data: { decision: input.decision }, at },
      { _id: newId('ev', ctx.now, deps.randomBytes), leadId: open.holderLeadId, districtId: lead.districtId, type: 'first_report_decided', actor, text: `区管理员裁定：${holderVerdict}。理由：${input.reason}`, data: { decision: input.decision }, at },
    ],
    input.rev,
    [{ _id: newId('aud', ctx.now, deps.randomBytes), action: 'first_report_decided', leadId: lead._id, districtId: lead.districtId, staffId: me._id, at, decision: input.decision, holderLeadId: open.holderLeadId }],
  );
  if (!saved) throw new DomainError('LEAD.CONCURRENT_UPDATE');
  const units = await getUnitsByIds(deps.store, [open.holderUnitId]);
  return { rev: input.rev + 1, dispute: toDisputeView(decided, open.holderUnitId ? (units.get(open.holderUnitId)?.name ?? null) : null) };
});
