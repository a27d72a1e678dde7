import { leadDetailContract } from '../../domain/api/workspace.contracts';
import { allowedNextStatuses } from '../../domain/lead/lead-status.rules';
import { canActOnLead } from '../_lib/lead-access';
import { defineAction } from '../_lib/define-action';
import { listLeadEvents } from '../_lib/repositories/lead.repository';
import { createNameCache, toStaffLeadSummary } from './lead-views';
import { loadLeadFor } from './load-lead';

export const leadDetailAction = defineAction(leadDetailContract, async (deps, ctx, input) => {
  const { lead, staff } = await loadLeadFor(deps, ctx, input.leadId, 'view');
  const names = createNameCache(deps);
  const canAct = canActOnLead(staff, lead);
  const [summary, events, chain] = await Promise.all([
    toStaffLeadSummary(lead, names, ctx.now),
    listLeadEvents(deps.store, lead._id),
    Promise.all(lead.credit.shareChain.map(async (id) => (await names.staffName(id)) ?? '（已离任）')),
  ]);
  return {
    lead: summary,
    rev: lead._rev,
    message: lead.message,
    need: { carrierType: lead.need.carrierType ?? null, areaMin: lead.need.areaMin ?? null, areaMax: lead.need.areaMax ?? null, timing: lead.need.timing ?? null },
    sourceChannel: lead.source.channel,
    districtId: lead.districtId,
    shareChain: chain,
    shareHops: lead.credit.hops,
    // Referrers see the outcome, not the working notes or the audit of who looked at the contact.
    events: events
      .filter((e) => canAct || e.type === 'status_changed' || e.type === 'created' || e.type === 'assigned')
      .map((e) => ({ id: e._id, type: e.type, actorName: e.actor.name, text: e.text ?? null, at: e.at })),
    allowedNext: canAct ? [...allowedNextStatuses(lead.status)] : [],
    canAct,
  };
});
