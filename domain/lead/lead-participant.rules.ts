import type { LeadParticipant } from './lead-participant.schema';
import { MAX_LEAD_PARTICIPANTS } from './lead-participant.schema';

interface WithParticipants {
  participants?: readonly LeadParticipant[];
}

/** The lead's fields a change of participants sets: the list, and the ids the «我参与的» inbox queries by. */
export interface ParticipantFields {
  participants: LeadParticipant[];
  participantStaffIds: string[];
}

export const participantsOf = (lead: WithParticipants): readonly LeadParticipant[] => lead.participants ?? [];

export const participantOf = (lead: WithParticipants, staffId: string): LeadParticipant | undefined => participantsOf(lead).find((p) => p.staffId === staffId);

export const hasSharedContact = (lead: WithParticipants, staffId: string): boolean => participantOf(lead, staffId)?.contactSharedAt != null;

const fieldsOf = (list: LeadParticipant[]): ParticipantFields => ({ participants: list, participantStaffIds: list.map((p) => p.staffId) });

/**
 * Adds a person once: a second add (the same manager, from the same or another of their carriers) changes
 * nothing (`unchanged`); past the cap it is `full`.
 */
export const addParticipant = (lead: WithParticipants, p: LeadParticipant): { kind: 'added'; fields: ParticipantFields } | { kind: 'unchanged' } | { kind: 'full' } => {
  const list = participantsOf(lead);
  if (list.some((x) => x.staffId === p.staffId)) return { kind: 'unchanged' };
  if (list.length >= MAX_LEAD_PARTICIPANTS) return { kind: 'full' };
  return { kind: 'added', fields: fieldsOf([...list, p]) };
};

/** Shares (a time) or withdraws (null) the contact; null when the person is not a participant. */
export const setContactShared = (lead: WithParticipants, staffId: string, sharedAt: string | null): ParticipantFields | null => {
  const list = participantsOf(lead);
  if (!list.some((p) => p.staffId === staffId)) return null;
  return fieldsOf(list.map((p) => (p.staffId === staffId ? { ...p, contactSharedAt: sharedAt } : p)));
};

/** Removes a person; null when they are not a participant. */
export const removeParticipant = (lead: WithParticipants, staffId: string): ParticipantFields | null => {
  const list = participantsOf(lead);
  if (!list.some((p) => p.staffId === staffId)) return null;
  return fieldsOf(list.filter((p) => p.staffId !== staffId));
};
