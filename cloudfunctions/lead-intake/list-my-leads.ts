import { listMyLeadsContract } from '../../domain/api/lead.contracts';
import { contentPicker } from '../../domain/common/content-language';
import { DomainError } from '../../domain/common/result';
import { defineAction } from '../_lib/define-action';
import { getCarriersByIds } from '../_lib/repositories/carrier.repository';
import { findLeads, listEventsOfLeads } from '../_lib/repositories/lead.repository';
import { getDistrictsByIds } from '../_lib/repositories/org.repository';
import type { Staff } from '../../domain/org/staff.schema';
import { getStaffByIds } from '../_lib/repositories/staff.repository';

/**
 * 我的咨询: the caller's own leads only (by the trusted openid), with replies and whether the promise held.
 * Five requests in two waves however many leads: the leads, then their replies, districts, carriers and
 * handlers each in one read.
 */
export const listMyLeadsAction = defineAction(listMyLeadsContract, async (deps, ctx, input) => {
  // A WeChat user's own (submitted or claimed); a web visitor's, of this browser.
  const where: Record<string, string> | null = ctx.openid ? { 'submitter.openid': ctx.openid } : ctx.visitor ? { 'submitter.visitor': ctx.visitor } : null;
  if (!where) throw new DomainError('AUTH.SIGN_IN_REQUIRED');
  const leads = await findLeads(deps.store, {
    where,
    // One direction throughout, so the (openid, createdAt, _id) index serves the sort by itself.
    orderBy: [{ field: 'createdAt', direction: 'desc' }, { field: '_id', direction: 'desc' }],
    limit: 50,
  });
  const [replies, districts, carriers, handlers] = await Promise.all([
    listEventsOfLeads(
      deps.store,
      leads.map((l) => l._id),
      { type: 'reply' },
    ),
    getDistrictsByIds(deps.store, leads.map((l) => l.districtId)),
    getCarriersByIds(deps.store, leads.map((l) => l.source.carrierId)),
    getStaffByIds(deps.store, leads.map((l) => l.handling.staffId)),
  ]);
  // On an English read, reply authors other than the handlers are read too (one more batch, only when needed).
  const authorIds = input.lang === 'en' ? [...new Set([...replies.values()].flat().map((e) => e.actor.staffId).filter((id): id is string => !!id && !handlers.has(id)))] : [];
  const authors = authorIds.length ? await getStaffByIds(deps.store, authorIds) : new Map<string, Staff>();
  const staffOf = (id: string | null | undefined) => (id ? (handlers.get(id) ?? authors.get(id)) : undefined);
  const items = leads.map((lead) => {
    const responded = lead.sla.firstRespondedAt;
    const due = lead.sla.firstResponseDueAt;
    const promiseKept = responded ? responded <= due : ctx.now.toISOString() > due ? false : null;
    const carrier = lead.source.carrierId ? carriers.get(lead.source.carrierId) : undefined;
    const pick = contentPicker(input.lang);
    const carrierName = carrier ? pick.text('carrierName', carrier.name, carrier.nameEn) : null;
    // Staff names in the office's English where it exists; replies as written (Chinese ones are named as such).
    const handler = lead.handling.staffId ? handlers.get(lead.handling.staffId) : undefined;
    const handlerName = handler ? pick.text('handlerName', handler.name, handler.nameEn) : null;
    const leadReplies = (replies.get(lead._id) ?? []).map((e, i) => ({
      at: e.at,
      staffName: pick.text(`replies.${i}.staffName`, e.actor.name, staffOf(e.actor.staffId)?.nameEn),
      text: pick.text(`replies.${i}.text`, e.text ?? '', undefined),
    }));
    const fallbackZh = pick.fallbackZh();
    return {
      id: lead._id,
      status: lead.status,
      createdAt: lead.createdAt,
      industry: lead.need.industry,
      carrierName,
      message: lead.message,
      promiseHours: districts.get(lead.districtId)?.sla.firstResponseHours ?? 8,
      firstResponseDueAt: due,
      firstRespondedAt: responded,
      promiseKept,
      handlerName,
      replies: leadReplies,
      consentWithdrawn: !!lead.privacy?.consentWithdrawnAt,
      ...(fallbackZh ? { fallbackZh } : {}),
    };
  });
  return { items };
});
