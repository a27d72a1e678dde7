import type { BringOutcome, LeadParticipantView } from '../../domain/api/lead-participant.contracts';
import { DomainError } from '../../domain/common/result';
import type { Carrier } from '../../domain/carrier/carrier.schema';
import type { Lead } from '../../domain/lead/lead.schema';
import type { LeadEvent } from '../../domain/lead/lead-event.schema';
import { addParticipant, participantsOf, type ParticipantFields } from '../../domain/lead/lead-participant.rules';
import type { Staff } from '../../domain/org/staff.schema';
import type { ActionContext } from '../_lib/define-action';
import type { Deps } from '../_lib/deps';
import { participantAddedEvent, participantMessage } from '../_lib/lead-participant-events';
import { canActOnLead } from '../_lib/lead-access';
import { notifyStaff } from '../_lib/notifications';
import { getCarriersByIds } from '../_lib/repositories/carrier.repository';
import { changeLeadParticipants } from '../_lib/repositories/lead-participant.repository';
import { getStaffByIds } from '../_lib/repositories/staff.repository';
import type { NameCache } from './lead-views';


/** The manager of a carrier of the lead's district, if they are a working staff member of it. */
const managerOf = (lead: Lead, carrier: Carrier | undefined, people: Map<string, Staff>): Staff | 'not_found' | 'no_account' => {
  // Another district's carrier answers like a missing one: its ids cannot be probed from here.
  if (!carrier || carrier.districtId !== lead.districtId) return 'not_found';
  const manager = carrier.managerStaffId ? people.get(carrier.managerStaffId) : undefined;
  if (!manager || manager.districtId !== lead.districtId || manager.status !== 'active') return 'no_account';
  return manager;
};

/**
 * Brings the managers of `carrierIds` into the lead, once each, in one transaction, then tells each newly added
 * one. Per carrier it says what happened; nothing here throws for a carrier that cannot be brought in.
 */
export const bringManagersIn = async (deps: Deps, ctx: ActionContext, lead: Lead, by: Staff, carrierIds: readonly string[]): Promise<Array<{ carrierId: string; outcome: BringOutcome }>> => {
  const ids = [...new Set(carrierIds)];
  const carriers = await getCarriersByIds(deps.store, ids);
  const people = await getStaffByIds(
    deps.store,
    [...carriers.values()].map((c) => c.managerStaffId),
  );
  const resolved = ids.map((carrierId) => ({ carrierId, carrier: carriers.get(carrierId), manager: managerOf(lead, carriers.get(carrierId), people) }));
  const outcomes = new Map<string, BringOutcome>(resolved.map((r) => [r.carrierId, typeof r.manager === 'string' ? r.manager : 'already']));
  const candidates = resolved.filter((r): r is { carrierId: string; carrier: Carrier; manager: Staff } => typeof r.manager !== 'string' && r.carrier !== undefined);
  const at = ctx.now.toISOString();
  const added: Array<{ manager: Staff; carrier: Carrier }> = [];
  if (candidates.length > 0) {
    await changeLeadParticipants(deps.store, lead._id, (fresh) => {
      // A retried transaction decides afresh.
      added.length = 0;
      let fields: ParticipantFields | null = null;
      const events: LeadEvent[] = [];
      let current: Pick<Lead, 'participants'> = fresh;
      for (const { carrierId, carrier, manager } of candidates) {
        // Whoever may already act on the lead needs no invitation to it.
        if (canActOnLead(manager, fresh)) {
          outcomes.set(carrierId, 'already');
          continue;
        }
        const result = addParticipant(current, { staffId: manager._id, carrierId, addedAt: at, addedBy: by._id, contactSharedAt: null });
        if (result.kind !== 'added') {
          outcomes.set(carrierId, result.kind === 'full' ? 'full' : 'already');
          continue;
        }
        fields = result.fields;
        current = result.fields;
        events.push(participantAddedEvent(deps, ctx.now, fresh, manager, carrier, by));
        added.push({ manager, carrier });
        outcomes.set(carrierId, 'added');
      }
      return fields ? { fields, events } : null;
    });
  }
  for (const { manager, carrier } of added) await notifyStaff(deps, [manager], () => participantMessage(lead, carrier.name, at), lead._id);
  return ids.map((carrierId) => ({ carrierId, outcome: outcomes.get(carrierId) ?? 'not_found' }));
};

/** The lead's participants as the handler's section lists them (`only`: one person's own entry). */
export const toParticipantViews = async (lead: Pick<Lead, 'participants'>, names: NameCache, only?: string): Promise<LeadParticipantView[]> =>
  Promise.all(
    participantsOf(lead)
      .filter((p) => only === undefined || p.staffId === only)
      .map(async (p) => ({
        staffId: p.staffId,
        name: (await names.staffName(p.staffId)) ?? '（已离任）',
        carrierId: p.carrierId,
        carrierName: await names.carrierName(p.carrierId),
        addedAt: p.addedAt,
        addedByName: p.addedBy ? ((await names.staffName(p.addedBy)) ?? '（已离任）') : null,
        contactShared: p.contactSharedAt !== null,
      })),
  );

/** The refusal a single add answers with, for an outcome that is not a success. */
export const refusalOf = (outcome: BringOutcome): DomainError | null => {
  switch (outcome) {
    case 'not_found':
      return new DomainError('CARRIER.NOT_FOUND', ['carrierId']);
    case 'no_account':
      return new DomainError('PARTICIPANT.NO_ACCOUNT', ['carrierId']);
    case 'full':
      return new DomainError('PARTICIPANT.LIMIT_REACHED');
    default:
      return null;
  }
};
