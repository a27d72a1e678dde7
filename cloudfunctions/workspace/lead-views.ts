import { isOverdueNow } from '../../domain/lead/awaiting-response.rules';
import type { LeadViewLevel, StaffLeadSummary } from '../../domain/api/workspace.contracts';
import type { LeadEvent } from '../../domain/lead/lead-event.schema';
import { INVESTMENT_SCALE_LABELS, type Lead } from '../../domain/lead/lead.schema';
import { LEAD_STATUS_LABELS, LEAD_STATUSES, type LeadStatus } from '../../domain/lead/lead-status.rules';
import type { Staff } from '../../domain/org/staff.schema';
import { maskContact } from '../../domain/lead/contact.rules';
import { maskPhone } from '../../domain/lead/phone.rules';
import { hasWithdrawnConsent, isAnonymised } from '../../domain/privacy/anonymisation.rules';
import type { Deps } from '../_lib/deps';
import { getCarrier } from '../_lib/repositories/carrier.repository';
import { getUnit } from '../_lib/repositories/org.repository';
import { getStaff } from '../_lib/repositories/staff.repository';
import { seesContact } from '../_lib/lead-access';

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

/** A participant without the shared contact reads the investor's surname only: «王**». */
const maskedName = (name: string): string => `${Array.from(name)[0] ?? ''}**`;

/**
 * A lead as a list row or detail header; a referrer gets the company but not the person (name, phone); a
 * participant (`viewer`) the masked name and no contact until the handler shares it.
 */
export const toStaffLeadSummary = async (lead: Lead, names: NameCache, now: Date, view: LeadViewLevel, viewer?: Staff): Promise<StaffLeadSummary> => {
  const masked = maskContact(lead.contact, maskPhone);
  // Without a viewer a participant is shown as one without the shared contact: never more than that.
  const contact = view === 'participant' ? viewer !== undefined && seesContact(viewer, lead, view) : view !== 'referrer';
  return {
    id: lead._id,
    status: lead.status,
    createdAt: lead.createdAt,
    contactName: view === 'referrer' ? null : contact ? lead.contact.name : maskedName(lead.contact.name),
    company: lead.contact.company,
    phoneMasked: !contact || isAnonymised(lead) ? null : masked.masked,
    ...(contact && !isAnonymised(lead) && masked.way !== 'phone' ? { maskedWay: masked.way } : {}),
    industry: lead.need.industry,
    scale: INVESTMENT_SCALE_LABELS[lead.need.scale],
    carrierName: await names.carrierName(lead.source.carrierId),
    handlerUnitName: await names.unitName(lead.handling.unitId),
    handlerName: await names.staffName(lead.handling.staffId),
    creditName: await names.staffName(lead.credit.staffId),
    firstResponseDueAt: lead.sla.firstResponseDueAt,
    firstRespondedAt: lead.sla.firstRespondedAt,
    overdue: isOverdueNow(lead, now),
    ...(isAnonymised(lead) ? { privacyState: 'anonymised' as const } : hasWithdrawnConsent(lead) ? { privacyState: 'consent_withdrawn' as const } : {}),
  };
};

export interface LeadEventView {
  id: string;
  type: LeadEvent['type'];
  actorName: string;
  text: string | null;
  at: string;
}

const statusLabel = (value: unknown): string => (LEAD_STATUSES.includes(value as LeadStatus) ? LEAD_STATUS_LABELS[value as LeadStatus] : '');
const asId = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * A referrer's view of one event: the outcome (created, stage changes, hand-offs) rebuilt from the event's data,
 * so reasons and hand-off notes stay with the handlers; their own entries as written; nothing else.
 */
const forReferrer = async (event: LeadEvent, me: Staff, names: NameCache): Promise<LeadEventView | null> => {
  const base = { id: event._id, type: event.type, actorName: event.actor.name, at: event.at };
  if (event.actor.kind === 'staff' && event.actor.staffId === me._id) return { ...base, text: event.text ?? null };
  switch (event.type) {
    case 'created':
      // The actor of `created` is the investor, by name: contact data.
      return { ...base, actorName: '投资者', text: null };
    case 'status_changed':
      return { ...base, text: `${statusLabel(event.data?.from)} → ${statusLabel(event.data?.to)}` };
    case 'assigned': {
      const [unitName, staffName] = await Promise.all([names.unitName(asId(event.data?.toUnitId) ?? ''), names.staffName(asId(event.data?.toStaffId))]);
      return { ...base, text: `转交给 ${unitName}${staffName ? ` · ${staffName}` : '（待认领）'}` };
    }
    case 'sla_reassigned':
      return { ...base, text: event.text ?? null };
    default:
      return null;
  }
};

/**
 * A participant's view of one event: what the investor was told (replies), the stage, who was brought in or out,
 * and the participants' own notes; never the handlers' working notes, calls, reveals or hand-off notes.
 */
const PARTICIPANT_SEES: ReadonlySet<LeadEvent['type']> = new Set(['reply', 'participant_added', 'participant_removed', 'participant_note']);
const forParticipant = async (event: LeadEvent, me: Staff, names: NameCache): Promise<LeadEventView | null> => {
  const base = { id: event._id, type: event.type, actorName: event.actor.name, at: event.at };
  if (PARTICIPANT_SEES.has(event.type)) return { ...base, text: event.text ?? null };
  // Sharing concerns them only when it is theirs.
  if ((event.type === 'participant_contact_shared' || event.type === 'participant_contact_unshared') && event.data?.staffId === me._id) return { ...base, text: event.text ?? null };
  if (event.type === 'created' || event.type === 'status_changed') return forReferrer(event, me, names);
  return null;
};

/**
 * The lead's timeline as this person may see it: handlers and colleagues all of it, referrers the outcome,
 * participants the replies, the stage and the participants' notes.
 */
export const toLeadEventViews = async (events: readonly LeadEvent[], view: LeadViewLevel, me: Staff, names: NameCache): Promise<LeadEventView[]> => {
  if (view === 'handler' || view === 'colleague') return events.map((e) => ({ id: e._id, type: e.type, actorName: e.actor.name, text: e.text ?? null, at: e.at }));
  const shown = await Promise.all(events.map((e) => (view === 'participant' ? forParticipant(e, me, names) : forReferrer(e, me, names))));
  return shown.filter((e): e is LeadEventView => e !== null);
};
