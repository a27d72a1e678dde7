import { adminHomeContract } from '../../domain/api/admin.contracts';
import { confirmCycleDays } from '../../domain/carrier/vacancy.rules';
import { canWriteDistrict } from '../../domain/org/admin-access.rules';
import { defineAction } from '../_lib/define-action';
import { listCarriersVerifiedBefore } from '../_lib/repositories/carrier-admin.repository';
import { listCityDistricts, listAllDistrictStaff } from '../_lib/repositories/org-admin.repository';
import { listUnits } from '../_lib/repositories/org.repository';
import { countCarriers } from '../_lib/repositories/carrier.repository';
import { openOffice } from './office-context';
import { missingCalendarYears } from '../../domain/calendar/working-calendar.rules';
import { WEEKENDS_ONLY } from '../../domain/calendar/working-calendar.schema';

/** 管理 home: what the caller may do here and the few numbers that say what needs attention. */
export const adminHomeAction = defineAction(adminHomeContract, async (deps, ctx, input) => {
  const office = await openOffice(deps, ctx, input.districtId);
  const { district } = office;
  const dueBefore = new Date(ctx.now.getTime() - confirmCycleDays(district) * 86_400_000).toISOString();
  const [units, staff, carriers, due, cityDistricts] = await Promise.all([
    listUnits(deps.store, district._id),
    listAllDistrictStaff(deps.store, district._id),
    countCarriers(deps.store, district._id),
    listCarriersVerifiedBefore(deps.store, district._id, dueBefore, 1000),
    office.scope.kind === 'city' && office.home.cityId ? listCityDistricts(deps.store, office.home.cityId) : Promise.resolve([office.home]),
  ]);
  return {
    scope: office.scope.kind,
    canWriteDistrict: canWriteDistrict(office.staff, district._id),
    district: { id: district._id, name: district.name },
    districts: cityDistricts.map((d) => ({ id: d._id, name: d.name })),
    counts: {
      units: units.length,
      staff: staff.filter((s) => s.status === 'active').length,
      invited: staff.filter((s) => s.status === 'invited').length,
      carriers,
      vacancyDue: due.length,
    },
    calendarMissingYears: missingCalendarYears(district.workingCalendar ?? WEEKENDS_ONLY, ctx.now),
  };
});
