import { adminPrivacyAnswerContract, adminPrivacyListContract } from '../../domain/api/privacy.contracts';
import { DomainError } from '../../domain/common/result';
import { isAnonymised } from '../../domain/privacy/anonymisation.rules';
import { isPrivacyRequestOverdue } from '../../domain/privacy/privacy-request.schema';
import { privacySettingsOf } from '../../domain/privacy/privacy-settings';
import { defineAction } from '../_lib/define-action';
import { anonymiseLead, getLeadsByIds, getPrivacyRequest, listDistrictPrivacyRequests, recordPrivacyAnswer } from '../_lib/repositories/privacy.repository';
import { actorOf, auditEntry, openOffice, openOfficeForWrite, requireDistrictAdmin } from './office-context';

const LIST_LIMIT = 100;

/** 个人信息请求: the district admin's list, newest first, with what each concerns (no personal data) and overdue marked. */
export const adminPrivacyListAction = defineAction(adminPrivacyListContract, async (deps, ctx) => {
  const office = await openOffice(deps, ctx);
  requireDistrictAdmin(office);
  const requests = await listDistrictPrivacyRequests(deps.store, office.home._id, LIST_LIMIT);
  const leads = await getLeadsByIds(deps.store, requests.flatMap((r) => r.leadIds));
  const settings = privacySettingsOf(office.home);
  const items = requests.map((r) => ({
    id: r._id,
    kind: r.kind,
    scope: r.scope,
    status: r.status,
    requestedAt: r.requestedAt,
    dueAt: r.dueAt,
    answeredAt: r.answeredAt,
    answeredByName: r.answeredBy?.name ?? null,
    answerNote: r.answerNote,
    overdue: isPrivacyRequestOverdue(r, ctx.now),
    leads: r.leadIds.flatMap((id) => {
      const lead = leads.get(id);
      return lead ? [{ id, status: lead.status, industry: lead.need.industry, createdAt: lead.createdAt, anonymised: isAnonymised(lead) }] : [];
    }),
  }));
  return {
    items,
    pending: items.filter((i) => i.status === 'pending').length,
    overdue: items.filter((i) => i.overdue).length,
    answerDays: settings.answerDays,
    retentionDays: settings.retentionDays,
  };
});

/**
 * Answers a request of the admin's own district. `done` on an erasure anonymises each inquiry first (each in its
 * own transaction, idempotent), then marks the request: an answer interrupted half-way is simply given again.
 * A withdrawal already took effect when it was asked; `done` confirms it to the investor.
 */
export const adminPrivacyAnswerAction = defineAction(adminPrivacyAnswerContract, async (deps, ctx, input) => {
  const office = await openOfficeForWrite(deps, ctx);
  requireDistrictAdmin(office);
  const request = await getPrivacyRequest(deps.store, input.requestId);
  if (!request || request.districtId !== office.home._id) throw new DomainError('PRIVACY.REQUEST_NOT_FOUND');
  if (request.status !== 'pending') throw new DomainError('PRIVACY.ALREADY_ANSWERED');
  const note = input.note.trim();
  if (input.decision === 'refused' && note.length === 0) throw new DomainError('ADMIN.INVALID_VALUE', ['note']);
  const at = ctx.now.toISOString();
  const actor = actorOf(office);
  let anonymised = 0;
  if (request.kind === 'erase' && input.decision === 'done') {
    for (const leadId of request.leadIds) {
      const entry = auditEntry(deps, ctx, actor, 'lead.anonymise', { kind: 'lead', id: leadId }, null, { reason: 'request', requestId: request._id });
      if (await anonymiseLead(deps.store, leadId, at, 'request', entry)) anonymised += 1;
    }
  }
  const answer = { status: input.decision, answeredAt: at, answeredBy: { staffId: office.staff._id, name: office.staff.name }, answerNote: note || null };
  const entry = auditEntry(deps, ctx, actor, 'privacy.answer', { kind: 'privacy_request', id: request._id }, { status: 'pending' }, { status: input.decision, note: answer.answerNote, anonymised });
  if (!(await recordPrivacyAnswer(deps.store, request._id, answer, entry))) throw new DomainError('PRIVACY.ALREADY_ANSWERED');
  return { requestId: request._id, status: input.decision, anonymised };
});
