import type { StaffLeadSummary } from '../../domain/api/workspace.contracts';
import { INVESTMENT_SCALE_LABELS, type Lead } from '../../domain/lead/lead.schema';
import { maskPhone } from '../../domain/lead/phone.rules';
import type { Deps } from '../_lib/deps';
import { getCarrier } from '../_lib/repositories/carrier.repository';
import { getUnit } from '../_lib/repositories/org.repository';
import { getStaff } from '../_lib/repositories/staff.repository';

/** Names looked up once per request, however many leads mention them. */
export const createNameCache = (deps: Deps) => {
  const staff = new Map<string, Promise<string | null>>();
  const units = new Map<string, Promise<string>>();
  const carriers = new Map<string, Promise<string | null>>();
  const memo = <T>(m: Map<string, Promise<T>>, key: string, load: () => Promise<T>) => {
    if (!m.has(key)) m.set(key, load());
    return m.get(key) as Promise<T>;
  };
  return {
    staffName: (id: string | null) => (id ? memo(staff, id, async () => (await getStaff(deps.store, id))?.name ?? null) : Promise.resolve(null)),
    unitName: (id: string) => memo(units, id, async () => (await getUnit(deps.store, id))?.name ?? ''),
    carrierName: (id: string | undefined) => (id ? memo(carriers, id, async () => (await getCarrier(deps.store, id))?.name ?? null) : Promise.resolve(null)),
  };
};
export type NameCache = ReturnType<typeof createNameCache>;

export const isOverdue = (lead: Lead, now: Date): boolean => lead.sla.firstRespondedAt === null && lead.sla.firstResponseDueAt < now.toISOString();

export const toStaffLeadSummary = async (lead: Lead, names: NameCache, now: Date): Promise<StaffLeadSummary> => ({
  id: lead._id,
  status: lead.status,
  createdAt: lead.createdAt,
  contactName: lead.contact.name,
  company: lead.contact.company,
  phoneMasked: maskPhone(lead.contact.phone),
  industry: lead.need.industry,
  scale: INVESTMENT_SCALE_LABELS[lead.need.scale],
  carrierName: await names.carrierName(lead.source.carrierId),
  handlerUnitName: await names.unitName(lead.handling.unitId),
  handlerName: await names.staffName(lead.handling.staffId),
  creditName: await names.staffName(lead.credit.staffId),
  firstResponseDueAt: lead.sla.firstResponseDueAt,
  firstRespondedAt: lead.sla.firstRespondedAt,
  overdue: isOverdue(lead, now),
});
