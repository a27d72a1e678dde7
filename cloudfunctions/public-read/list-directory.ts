import { listDirectoryContract } from '../../domain/api/public-read.contracts';
import { contentPicker } from '../../domain/common/content-language';
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
  const unitNameEn = new Map(units.map((u) => [u._id, u.nameEn]));
  const { lang } = input;
  const cardOf = new Map(cards.map((c) => [c.staffId, c]));
  const people = staff
    .filter((s) => cardOf.has(s._id))
    .filter((s) => !input.industry || s.industryFocus.includes(input.industry))
    .map((s) => toPerson(s, unitName.get(s.unitId) ?? '', cardOf.get(s._id) ?? null, { lang, unitNameEn: unitNameEn.get(s.unitId), district }));
  return {
    units: units.map((u) => {
      const pick = contentPicker(lang);
      const name = pick.text('name', u.name, u.nameEn);
      const fallbackZh = pick.fallbackZh();
      return fallbackZh ? { id: u._id, name, fallbackZh } : { id: u._id, name };
    }),
    people,
  };
});
