import type { Lead } from '../../domain/lead/lead.schema';
import type { Staff } from '../../domain/org/staff.schema';

/**
 * Who may see and who may work a lead. Always scoped by district first: an admin of another district is a
 * stranger here. Referrers (credit) may follow the outcome but not act on it or see the contact.
 */
export const canViewLead = (staff: Staff, lead: Lead): boolean => {
  if (staff.districtId !== lead.districtId) return false;
  if (staff.roles.includes('admin')) return true;
  return (
    lead.handling.staffId === staff._id ||
    lead.handling.unitId === staff.unitId ||
    lead.credit.staffId === staff._id ||
    lead.credit.unitId === staff.unitId
  );
};

export const canActOnLead = (staff: Staff, lead: Lead): boolean => {
  if (staff.districtId !== lead.districtId) return false;
  if (staff.roles.includes('admin')) return true;
  if (lead.handling.staffId === staff._id) return true;
  if (lead.handling.unitId !== staff.unitId) return false;
  // Anyone in the handling unit may pick up an unassigned lead; an assigned one is its handler's or the leader's.
  return lead.handling.staffId === null || staff.roles.includes('unit_leader');
};
