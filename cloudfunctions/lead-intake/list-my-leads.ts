import { listMyLeadsContract } from '../../domain/api/lead.contracts';
import { DomainError } from '../../domain/common/result';
import { defineAction } from '../_lib/define-action';
import { getCarrier } from '../_lib/repositories/carrier.repository';
import { findLeads, listLeadEvents } from '../_lib/repositories/lead.repository';
import { getDistrict } from '../_lib/repositories/org.repository';
import { getStaff } from '../_lib/repositories/staff.repository';

/** 我的咨询: the caller's own leads only (by the trusted openid), with replies and whether the promise held. */
export const listMyLeadsAction = defineAction(listMyLeadsContract, async (deps, ctx) => {
  if (!ctx.openid) throw new DomainError('AUTH.SIGN_IN_REQUIRED');
  const leads = await findLeads(deps.store, {
    where: { 'submitter.openid': ctx.openid },
    // One direction throughout, so the (openid, createdAt, _id) index serves the sort by itself.
    orderBy: [{ field: 'createdAt', direction: 'desc' }, { field: '_id', direction: 'desc' }],
    limit: 50,
  });
  const items = await Promise.all(
    leads.map(async (lead) => {
      const [events, district, carrier, handler] = await Promise.all([
        listLeadEvents(deps.store, lead._id),
        getDistrict(deps.store, lead.districtId),
        lead.source.carrierId ? getCarrier(deps.store, lead.source.carrierId) : null,
        lead.handling.staffId ? getStaff(deps.store, lead.handling.staffId) : null,
      ]);
      const responded = lead.sla.firstRespondedAt;
      const due = lead.sla.firstResponseDueAt;
      const promiseKept = responded ? responded <= due : ctx.now.toISOString() > due ? false : null;
      return {
        id: lead._id,
        status: lead.status,
        createdAt: lead.createdAt,
        industry: lead.need.industry,
        carrierName: carrier?.name ?? null,
        message: lead.message,
        promiseHours: district?.sla.firstResponseHours ?? 8,
        firstResponseDueAt: due,
        firstRespondedAt: responded,
        promiseKept,
        handlerName: handler?.name ?? null,
        replies: events.filter((e) => e.type === 'reply').map((e) => ({ at: e.at, staffName: e.actor.name, text: e.text ?? '' })),
      };
    }),
  );
  return { items };
});
