import { leadDetailContract } from '../../domain/api/workspace.contracts';
import { allowedNextStatuses } from '../../domain/lead/lead-status.rules';
import { canRevealContact, leadViewLevel } from '../_lib/lead-access';
import { toParticipantViews } from './lead-participants';
import { defineAction } from '../_lib/define-action';
import { listLeadEvents } from '../_lib/repositories/lead.repository';
import { createNameCache, toLeadEventViews, toStaffLeadSummary } from './lead-views';
import { loadLeadFor } from './load-lead';
import { canConfirmAny } from './confirm-stage';
import { getDistrict } from '../_lib/repositories/org.repository';

/**
 * 线索详情, shaped by who asks (`leadViewLevel`): the handler sees everything and may act; a colleague of the
 * handling unit sees the case read-only; a referrer sees the company, the need and the outcome, without the
 * investor's name, phone, message or the working notes; a participant (carrier manager) the need, the message,
 * the stage and the replies, the contact only once the handler shared it.
 */
export const leadDetailAction = defineAction(leadDetailContract, async (deps, ctx, input) => {
  const { lead, staff } = await loadLeadFor(deps, ctx, input.leadId, 'view');
  // loadLeadFor has refused anyone without a level; the fallback only keeps the type honest.
  const view = leadViewLevel(staff, lead) ?? 'referrer';
  const canAct = view === 'handler';
  const names = createNameCache(deps);
  const participant = view === 'participant';
  const [summary, events, chain, district, participants] = await Promise.all([
    toStaffLeadSummary(lead, names, ctx.now, view, staff),
    listLeadEvents(deps.store, lead._id),
    Promise.all(lead.credit.shareChain.map(async (id) => (await names.staffName(id)) ?? '（已离任）')),
    getDistrict(deps.store, lead.districtId),
    // The handling side sees every participant; a participant only their own entry; a referrer none.
    view === 'referrer' ? [] : toParticipantViews(lead, names, participant ? staff._id : undefined),
  ]);
  return {
    lead: summary,
    rev: lead._rev,
    message: view === 'referrer' ? null : lead.message,
    need: { carrierType: lead.need.carrierType ?? null, areaMin: lead.need.areaMin ?? null, areaMax: lead.need.areaMax ?? null, timing: lead.need.timing ?? null },
    sourceChannel: lead.source.channel,
    investorLang: lead.investorLang ?? ('zh' as const),
    districtId: lead.districtId,
    shareChain: chain,
    shareHops: lead.credit.hops,
    events: await toLeadEventViews(events, view, staff, names),
    allowedNext: canAct ? [...allowedNextStatuses(lead.status)] : [],
    canAct,
    view,
    // A participant is there for the need, not the company's registration facts.
    facts: participant ? null : (lead.facts ?? null),
    confirmations: lead.confirmations ?? {},
    canConfirm: !participant && canConfirmAny(staff, district, lead, events),
    participants,
    canReveal: canRevealContact(staff, lead),
    canNote: canAct || participant,
  };
});
