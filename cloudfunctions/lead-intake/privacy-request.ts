import type { InvestorPrivacyRequest } from '../../domain/api/privacy.contracts';
import { privacyMineContract, privacyRequestContract } from '../../domain/api/privacy.contracts';
import { DomainError } from '../../domain/common/result';
import type { Lead } from '../../domain/lead/lead.schema';
import { isAnonymised } from '../../domain/privacy/anonymisation.rules';
import { isPrivacyRequestOverdue, type PrivacyRequest } from '../../domain/privacy/privacy-request.schema';
import { privacyAnswerDueAt, privacySettingsOf } from '../../domain/privacy/privacy-settings';
import { defineAction } from '../_lib/define-action';
import { newId } from '../_lib/ids';
import { privacyRequesterOf, privacyRequestIdFor } from '../_lib/privacy-requester';
import { findLeads, getLead } from '../_lib/repositories/lead.repository';
import { getDistrictsByIds } from '../_lib/repositories/org.repository';
import { listRequesterPrivacyRequests, recordPrivacyRequest } from '../_lib/repositories/privacy.repository';

/** The most inquiries 我的咨询 lists, and so the most one «all» request covers. */
const MY_LEADS_MAX = 50;

export const toInvestorPrivacyRequest = (r: PrivacyRequest, now: Date): InvestorPrivacyRequest => ({
  id: r._id,
  kind: r.kind,
  scope: r.scope,
  leadCount: r.leadIds.length,
  status: r.status,
  requestedAt: r.requestedAt,
  dueAt: r.dueAt,
  answeredAt: r.answeredAt,
  answerNote: r.answerNote,
  overdue: isPrivacyRequestOverdue(r, now),
});

/**
 * 撤回同意 / 删除我的信息. Only the caller's own inquiries (by the trusted identity): someone else's lead id answers
 * like a missing one. Inquiries already anonymised are not asked about again. Each district concerned gets its
 * own request, due after that district's answer period; a withdrawal takes effect at once.
 */
export const privacyRequestAction = defineAction(privacyRequestContract, async (deps, ctx, input) => {
  const requester = privacyRequesterOf(ctx);
  let leads: Lead[];
  if (input.leadId) {
    const lead = await getLead(deps.store, input.leadId);
    if (!lead || !requester.owns(lead) || isAnonymised(lead)) throw new DomainError('LEAD.NOT_FOUND');
    leads = [lead];
  } else {
    const mine = await findLeads(deps.store, {
      where: requester.leadsWhere,
      orderBy: [{ field: 'createdAt', direction: 'desc' }, { field: '_id', direction: 'desc' }],
      limit: MY_LEADS_MAX,
    });
    // Already-withdrawn inquiries stay in the set: asking again must find the same request, not a new one.
    leads = mine.filter((l) => !isAnonymised(l));
  }
  if (leads.length === 0) throw new DomainError('PRIVACY.NOTHING_TO_REQUEST');
  const byDistrict = new Map<string, string[]>();
  for (const lead of leads) byDistrict.set(lead.districtId, [...(byDistrict.get(lead.districtId) ?? []), lead._id]);
  const districts = await getDistrictsByIds(deps.store, [...byDistrict.keys()]);
  const at = ctx.now.toISOString();
  const results: InvestorPrivacyRequest[] = [];
  let created = false;
  for (const [districtId, leadIds] of byDistrict) {
    const district = districts.get(districtId);
    if (!district) throw new DomainError('DISTRICT.NOT_FOUND');
    const request: PrivacyRequest = {
      _id: privacyRequestIdFor(input.kind, requester.key, districtId, leadIds),
      districtId,
      kind: input.kind,
      scope: input.leadId ? 'lead' : 'all',
      leadIds,
      requesterKey: requester.key,
      status: 'pending',
      requestedAt: at,
      dueAt: privacyAnswerDueAt(ctx.now, privacySettingsOf(district)),
      answeredAt: null,
      answeredBy: null,
      answerNote: null,
    };
    const recorded = await recordPrivacyRequest(deps.store, request, {
      _id: newId('adm', ctx.now, deps.randomBytes),
      districtId,
      action: input.kind === 'erase' ? 'privacy.erase_requested' : 'privacy.consent_withdrawn',
      target: { kind: 'privacy_request', id: request._id },
      staffId: null,
      actorName: '投资者',
      at,
      before: null,
      after: { kind: request.kind, scope: request.scope, leadIds, dueAt: request.dueAt },
    });
    created ||= recorded.created;
    results.push(toInvestorPrivacyRequest(recorded.request, ctx.now));
  }
  return { requests: results, created };
});

/** The caller's requests and where each stands. */
export const privacyMineAction = defineAction(privacyMineContract, async (deps, ctx) => {
  const requester = privacyRequesterOf(ctx);
  const items = await listRequesterPrivacyRequests(deps.store, requester.key, 50);
  return { items: items.map((r) => toInvestorPrivacyRequest(r, ctx.now)) };
});
