import type { Carrier } from '../../domain/carrier/carrier.schema';
import type { Lead } from '../../domain/lead/lead.schema';
import type { LeadEvent } from '../../domain/lead/lead-event.schema';
import type { Staff } from '../../domain/org/staff.schema';
import type { Deps } from './deps';
import { newId } from './ids';

/** The lead's timeline entry for a participant added by staff (`by`) or at intake (by the inquiry itself). */
export const participantAddedEvent = (deps: Deps, now: Date, lead: Pick<Lead, '_id' | 'districtId'>, manager: Staff, carrier: Pick<Carrier, '_id' | 'name'>, by: Staff | null): LeadEvent => ({
  _id: newId('ev', now, deps.randomBytes),
  leadId: lead._id,
  districtId: lead.districtId,
  type: 'participant_added',
  actor: by ? { kind: 'staff', staffId: by._id, name: by.name } : { kind: 'system', staffId: null, name: '系统' },
  text: `${manager.name}（${carrier.name} 载体管理员）参与本线索`,
  data: { staffId: manager._id, carrierId: carrier._id },
  at: now.toISOString(),
});

/** The message a manager gets when brought in: the same channel and page as every lead notification. */
export const participantMessage = (lead: Pick<Lead, '_id' | 'need'>, carrierName: string, at: string) => ({
  kind: 'lead_new' as const,
  page: `staff/lead-detail/index?id=${lead._id}`,
  fields: { thing1: `请参与：${lead.need.industry}投资咨询`.slice(0, 20), thing2: carrierName.slice(0, 20), time3: at },
});
