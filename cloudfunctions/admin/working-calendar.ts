import { adminCalendarGetContract, adminCalendarImportContract, adminCalendarSaveContract } from '../../domain/api/admin.contracts';
import { calendarYearOf, calendarYearProblems, missingCalendarYears, withCalendarYear } from '../../domain/calendar/working-calendar.rules';
import { WEEKENDS_ONLY } from '../../domain/calendar/working-calendar.schema';
import { DomainError } from '../../domain/common/result';
import { canWriteDistrict } from '../../domain/org/admin-access.rules';
import type { Deps } from '../_lib/deps';
import type { ActionContext } from '../_lib/define-action';
import { defineAction } from '../_lib/define-action';
import { recordAudit } from '../_lib/repositories/audit.repository';
import { getDistrictTx, updateDistrictFields } from '../_lib/repositories/org-admin.repository';
import { unscheduleDistrictLadder } from '../_lib/repositories/sla-ladder.repository';
import { nationalYear } from './national-calendar';
import { actorOf, auditEntry, openOffice, openOfficeForWrite, requireDistrictAdmin, type Office } from './office-context';

/** One year of the district's working calendar, as the editor shows it. */
export const adminCalendarGetAction = defineAction(adminCalendarGetContract, async (deps, ctx, input) => {
  const office = await openOffice(deps, ctx, input.districtId);
  const calendar = office.district.workingCalendar ?? WEEKENDS_ONLY;
  return {
    districtId: office.district._id,
    year: input.year,
    ...calendarYearOf(calendar, input.year),
    nationalAvailable: nationalYear(input.year) !== null,
    missingYears: missingCalendarYears(calendar, ctx.now),
    canEdit: canWriteDistrict(office.staff, office.district._id) && office.scope.kind !== 'city',
  };
});

/**
 * Replaces one year of the calendar, audited with the year before and after. Waiting leads are taken off the
 * ladder's schedule so the next tick places them on the edited calendar (their due times were counted on the old).
 */
const saveYear = async (deps: Deps, ctx: ActionContext, office: Office, year: number, holidays: string[], makeUpWorkdays: string[], how: string) => {
  const districtId = office.home._id;
  await deps.store.transaction(async (tx) => {
    const district = await getDistrictTx(tx, districtId);
    if (!district) throw new DomainError('DISTRICT.NOT_FOUND');
    const calendar = district.workingCalendar ?? WEEKENDS_ONLY;
    const before = calendarYearOf(calendar, year);
    await updateDistrictFields(tx, districtId, { workingCalendar: withCalendarYear(calendar, year, holidays, makeUpWorkdays), updatedAt: ctx.now.toISOString() });
    await recordAudit(tx, auditEntry(deps, ctx, actorOf(office), `district.calendar.${how}`, { kind: 'district', id: districtId }, { year, ...before }, { year, known: true, holidays, makeUpWorkdays }));
  });
  await unscheduleDistrictLadder(deps.store, districtId);
  return { districtId, year, holidays, makeUpWorkdays };
};

export const adminCalendarSaveAction = defineAction(adminCalendarSaveContract, async (deps, ctx, input) => {
  const office = await openOfficeForWrite(deps, ctx);
  requireDistrictAdmin(office);
  const problems = calendarYearProblems(input.year, input.holidays, input.makeUpWorkdays);
  if (problems.length) throw new DomainError('CALENDAR.INVALID_DAYS', problems);
  return saveYear(deps, ctx, office, input.year, [...input.holidays].sort(), [...input.makeUpWorkdays].sort(), 'save');
});

export const adminCalendarImportAction = defineAction(adminCalendarImportContract, async (deps, ctx, input) => {
  const office = await openOfficeForWrite(deps, ctx);
  requireDistrictAdmin(office);
  const national = nationalYear(input.year);
  if (!national) throw new DomainError('CALENDAR.YEAR_UNAVAILABLE', ['year']);
  return saveYear(deps, ctx, office, input.year, national.holidays, national.makeUpWorkdays, 'import');
});
