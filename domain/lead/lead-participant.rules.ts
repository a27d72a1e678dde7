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

/**
 * A carrier handed to a successor manager takes its place on the lead with it: the leaving person's entry for that
 * carrier names the successor (added when and by whom stays; the investor's contact, shared with a person, is not
 * passed on: the handler shares it again if needed), or, when the successor is already on the lead, the entry goes.
 * null when the leaving person is not on the lead for that carrier.
 */
export const handParticipationOver = (
  lead: WithParticipants,
  fromStaffId: string,
  carrierId: string,
  toStaffId: string,
): { kind: 'replaced' | 'merged'; fields: ParticipantFields } | null => {
  const list = participantsOf(lead);
  if (!list.some((p) => p.staffId === fromStaffId && p.carrierId === carrierId)) return null;
  if (list.some((p) => p.staffId === toStaffId)) return { kind: 'merged', fields: fieldsOf(list.filter((p) => p.staffId !== fromStaffId)) };
  return { kind: 'replaced', fields: fieldsOf(list.map((p) => (p.staffId === fromStaffId ? { ...p, staffId: toStaffId, contactSharedAt: null } : p))) };
};
