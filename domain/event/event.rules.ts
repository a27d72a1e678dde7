import type { Staff } from '../org/staff.schema';
import type { InvestEvent } from './event.schema';

/** Only active staff of the event's own district take inquiries at it (or list it). */
export const mayUseEvent = (staff: Pick<Staff, 'districtId' | 'status'>, event: Pick<InvestEvent, 'districtId'>): boolean =>
  staff.status === 'active' && staff.districtId === event.districtId;

/** Whoever created an event may change it, and the district's admins; other colleagues only use it. */
export const mayEditEvent = (staff: Pick<Staff, '_id' | 'districtId' | 'status' | 'roles'>, event: Pick<InvestEvent, 'districtId' | 'createdByStaffId'>): boolean =>
  mayUseEvent(staff, event) && (event.createdByStaffId === staff._id || staff.roles.includes('admin'));

/** Events still to come (or today) first, soonest first; past ones after, latest first. */
export const orderEvents = <E extends Pick<InvestEvent, 'date' | '_id'>>(events: readonly E[], today: string): E[] => {
  const upcoming = events.filter((e) => e.date >= today).sort((a, b) => a.date.localeCompare(b.date) || a._id.localeCompare(b._id));
  const past = events.filter((e) => e.date < today).sort((a, b) => b.date.localeCompare(a.date) || a._id.localeCompare(b._id));
  return [...upcoming, ...past];
};
