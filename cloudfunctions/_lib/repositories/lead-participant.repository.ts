import type { Lead } from '../../../domain/lead/lead.schema';
import type { LeadEvent } from '../../../domain/lead/lead-event.schema';
import type { ParticipantFields } from '../../../domain/lead/lead-participant.rules';
import type { AuditEntry } from './audit-entry';
import { getLead, recordLeadChangeIn } from './lead.repository';
import type { DocumentStore } from '../store/store-port';

/** What a participant change writes: the lead's participant fields, the events that explain it, its audit lines. */
export interface ParticipantChange {
  fields: ParticipantFields;
  events: readonly LeadEvent[];
  audit?: readonly AuditEntry[];
}

/**
 * Reads the lead and applies the participant change `decide` makes of it, in one transaction, through the lead's
 * change method (its events, audit lines). No `rev` check and no `rev` bump: bringing a manager in must never make
 * the handler's open page stale, and the read inside the transaction keeps two simultaneous adds from losing one.
 * `decide` answers null to write nothing (already so); it may throw a DomainError to refuse.
 */
export const changeLeadParticipants = (store: DocumentStore, leadId: string, decide: (lead: Lead) => ParticipantChange | null): Promise<{ lead: Lead | null; changed: boolean }> =>
  store.transaction(async (tx) => {
    const lead = await getLead(tx, leadId);
    if (!lead) return { lead: null, changed: false };
    const change = decide(lead);
    if (!change) return { lead, changed: false };
    await recordLeadChangeIn(tx, lead, { participants: change.fields.participants, participantStaffIds: change.fields.participantStaffIds }, change.events, null, change.audit ?? []);
    return { lead: { ...lead, ...change.fields }, changed: true };
  });
