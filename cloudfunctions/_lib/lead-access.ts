import type { Lead } from '../../domain/lead/lead.schema';
import type { Staff } from '../../domain/org/staff.schema';
import type { LeadViewLevel } from '../../domain/api/workspace.contracts';
import { hasSharedContact, participantOf } from '../../domain/lead/lead-participant.rules';

/**
 * Who may work a lead: its handler, the handling unit's leader, an admin of its district, and — while nobody
 * has it — anyone in the handling unit (to pick it up). A colleague may not act on a lead assigned to someone
 * else: the leader reassigns it if it must move.
 */
export const canActOnLead = (staff: Staff, lead: Lead): boolean => {
  if (staff.districtId !== lead.districtId) return false;
  if (staff.roles.includes('admin')) return true;
  if (lead.handling.staffId === staff._id) return true;
  if (lead.handling.unitId !== staff.unitId) return false;
  return lead.handling.staffId === null || staff.roles.includes('unit_leader');
};

/**
 * How much of a lead a staff member sees, always scoped by district first (an admin of another district is a
 * stranger here); null: nothing, and the lead answers like a missing one.
 * - `handler`: whoever may act (above) — everything, the contact behind an audited reveal.
 * - `colleague`: the handling unit's other members (本单位) — the case read-only, contact masked, no reveal.
 * - `participant`: a carrier manager brought into the lead — the need, the investor's message, the stage, the
 *   replies and the participants' own notes; the name masked and no contact until the handler shares it.
 * - `referrer`: who brought it (credit: the person or their unit) — the company, the need and the outcome;
 *   not the person's name, phone, email, message or the working notes (their own entries excepted).
 */
export const leadViewLevel = (staff: Staff, lead: Lead): LeadViewLevel | null => {
  if (staff.districtId !== lead.districtId) return null;
  if (canActOnLead(staff, lead)) return 'handler';
  if (lead.handling.unitId === staff.unitId) return 'colleague';
  if (participantOf(lead, staff._id)) return 'participant';
  if (lead.credit.staffId === staff._id || lead.credit.unitId === staff.unitId) return 'referrer';
  return null;
};

export const canViewLead = (staff: Staff, lead: Lead): boolean => leadViewLevel(staff, lead) !== null;

/** 查看联系方式: whoever may act, and a participant while the handler shares the contact with them. */
export const canRevealContact = (staff: Staff, lead: Lead): boolean =>
  staff.districtId === lead.districtId && (canActOnLead(staff, lead) || hasSharedContact(lead, staff._id));

/** A participant whose contact is shared sees the investor's name and masked contact, as a colleague does. */
export const seesContact = (staff: Staff, lead: Lead, view: LeadViewLevel): boolean =>
  view === 'handler' || view === 'colleague' || (view === 'participant' && hasSharedContact(lead, staff._id));
