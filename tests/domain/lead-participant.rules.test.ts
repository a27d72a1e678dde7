import * as v from 'valibot';
import { addParticipant, handParticipationOver, hasSharedContact, participantOf, removeParticipant, setContactShared } from '../../domain/lead/lead-participant.rules';
import { LeadParticipantsSchema, MAX_LEAD_PARTICIPANTS, type LeadParticipant } from '../../domain/lead/lead-participant.schema';

const AT = '2026-11-30T02:00:00.000Z';
const person = (n: number): LeadParticipant => ({ staffId: `staff-${n}`, carrierId: `factory-00${n % 10}`, addedAt: AT, addedBy: 'staff-head', contactSharedAt: null });

describe('lead participants (rules)', () => {
  it('adds a person once, keeping the ids the inbox queries by beside the list', () => {
    const first = addParticipant({}, person(1));
    expect(first).toEqual({ kind: 'added', fields: { participants: [person(1)], participantStaffIds: ['staff-1'] } });
    if (first.kind !== 'added') throw new Error('not added');
    // The same manager again, even from another of their carriers: nothing changes.
    expect(addParticipant(first.fields, { ...person(1), carrierId: 'building-009' })).toEqual({ kind: 'unchanged' });
  });

  it('is bounded: past the cap an add is refused, and the schema refuses a longer list', () => {
    let lead: { participants?: LeadParticipant[] } = {};
    for (let i = 0; i < MAX_LEAD_PARTICIPANTS; i += 1) {
      const r = addParticipant(lead, person(i));
      if (r.kind !== 'added') throw new Error(`add ${i}: ${r.kind}`);
      lead = r.fields;
    }
    expect(addParticipant(lead, person(99))).toEqual({ kind: 'full' });
    expect(v.safeParse(LeadParticipantsSchema, [...(lead.participants ?? []), person(99)]).success).toBe(false);
  });

  it('shares and withdraws the contact per person; unknown people are reported, not invented', () => {
    const added = addParticipant({}, person(1));
    if (added.kind !== 'added') throw new Error('not added');
    const shared = setContactShared(added.fields, 'staff-1', AT);
    expect(shared && hasSharedContact(shared, 'staff-1')).toBe(true);
    const back = shared && setContactShared(shared, 'staff-1', null);
    expect(back && hasSharedContact(back, 'staff-1')).toBe(false);
    expect(setContactShared(added.fields, 'staff-2', AT)).toBeNull();
    expect(hasSharedContact({}, 'staff-1')).toBe(false);
  });

  it('removes a person (and only one who is there)', () => {
    const added = addParticipant({}, person(1));
    if (added.kind !== 'added') throw new Error('not added');
    expect(removeParticipant(added.fields, 'staff-1')).toEqual({ participants: [], participantStaffIds: [] });
    expect(removeParticipant(added.fields, 'staff-2')).toBeNull();
    expect(participantOf(added.fields, 'staff-1')?.carrierId).toBe('factory-001');
  });

  it('hands a carrier’s place over to its successor manager: the entry for that carrier only, contact not passed on', () => {
    const shared = { ...person(1), contactSharedAt: AT };
    const lead = { participants: [shared, person(2)] };
    expect(handParticipationOver(lead, 'staff-1', 'factory-001', 'staff-9')).toEqual({
      kind: 'replaced',
      fields: { participants: [{ ...shared, staffId: 'staff-9', contactSharedAt: null }, person(2)], participantStaffIds: ['staff-9', 'staff-2'] },
    });
    // The successor is already on the lead (for another carrier): the leaving person's entry goes.
    expect(handParticipationOver(lead, 'staff-1', 'factory-001', 'staff-2')).toEqual({ kind: 'merged', fields: { participants: [person(2)], participantStaffIds: ['staff-2'] } });
    // Not on the lead for that carrier: nothing to do.
    expect(handParticipationOver(lead, 'staff-1', 'factory-009', 'staff-9')).toBeNull();
    expect(handParticipationOver({}, 'staff-1', 'factory-001', 'staff-9')).toBeNull();
  });
});
