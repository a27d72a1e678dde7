import { listEventsContract } from '../../domain/api/event.contracts';
import { chinaDay } from '../../domain/common/time';
import { mayEditEvent, orderEvents } from '../../domain/event/event.rules';
import { defineAction, requireStaff } from '../_lib/define-action';
import { listDistrictEvents } from '../_lib/repositories/event.repository';

/** The 活动 of the caller's own district: what event mode can take inquiries at. */
export const listEventsAction = defineAction(listEventsContract, async (deps, ctx) => {
  const staff = requireStaff(ctx);
  const events = orderEvents(await listDistrictEvents(deps.store, staff.districtId), chinaDay(ctx.now));
  return { districtId: staff.districtId, items: events.map((e) => ({ id: e._id, name: e.name, date: e.date, place: e.place, mayEdit: mayEditEvent(staff, e) })) };
});
