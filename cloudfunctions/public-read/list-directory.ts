import { listDirectoryContract } from '../../domain/api/public-read.contracts';
import { DomainError } from '../../domain/common/result';
import { defineAction } from '../_lib/define-action';
import { toPerson } from '../_lib/read-models';
import { listDistrictCards } from '../_lib/repositories/card.repository';
import { getDistrict, listUnits } from '../_lib/repositories/org.repository';
import { listDistrictStaff } from '../_lib/repositories/staff.repository';

/** Who an investor can call: every active staff member with a card, by unit and industry focus. */
export const listDirectoryAction = defineAction(listDirectoryContract, async (deps, _ctx, input) => {
  const district = await getDistrict(deps.store, input.districtId);
  if (!district) throw new DomainError('DISTRICT.NOT_FOUND');
  const [units, staff, cards] = await Promise.all([
    listUnits(deps.store, district._id),
    listDistrictStaff(deps.store, district._id, input.unitId),
    listDistrictCards(deps.store, district._id),
  ]);
  const unitName = new Map(units.map((u) => [u._id, u.name]));
  const cardOf = new Map(cards.map((c) => [c.staffId, c]));
  const people = staff
    .filter((s) => cardOf.has(s._id))
    .filter((s) => !input.industry || s.industryFocus.includes(input.industry))
    .map((s) => toPerson(s, unitName.get(s.unitId) ?? '', cardOf.get(s._id) ?? null));
  return { units: units.map((u) => ({ id: u._id, name: u.name })), people };
});
