import { getCardContract } from '../../domain/api/public-read.contracts';
import type { Carrier } from '../../domain/carrier/carrier.schema';
import { DomainError } from '../../domain/common/result';
import type { Staff } from '../../domain/org/staff.schema';
import { defineAction } from '../_lib/define-action';
import type { Deps } from '../_lib/deps';
import { toCarrierSummary, toDistrictView, toPerson } from '../_lib/read-models';
import { findCardByStaff, getCard } from '../_lib/repositories/card.repository';
import { findCarriers, getCarrier } from '../_lib/repositories/carrier.repository';
import { firstDistrict, getDistrict, getUnit } from '../_lib/repositories/org.repository';
import { getShare } from '../_lib/repositories/share.repository';
import { getStaff } from '../_lib/repositories/staff.repository';

const HIGHLIGHTS = 3;

const personOf = async (deps: Deps, staff: Staff) => {
  const [unit, card] = await Promise.all([getUnit(deps.store, staff.unitId), findCardByStaff(deps.store, staff._id)]);
  return toPerson(staff, unit?.name ?? '', card);
};

/** The whole card page in one round trip: district, owner, who answers, highlighted carriers. */
export const getCardAction = defineAction(getCardContract, async (deps, _ctx, input) => {
  const share = input.shareCode ? await getShare(deps.store, input.shareCode) : null;
  let cardId = input.cardId ?? share?.cardId;
  if (!cardId) cardId = (await firstDistrict(deps.store))?.defaultCardId ?? undefined;
  if (!cardId) throw new DomainError('CARD.NOT_FOUND');

  const card = await getCard(deps.store, cardId);
  if (!card) throw new DomainError('CARD.NOT_FOUND');
  const [district, owner] = await Promise.all([getDistrict(deps.store, card.districtId), getStaff(deps.store, card.staffId)]);
  if (!district) throw new DomainError('DISTRICT.NOT_FOUND');
  if (!owner || owner.status === 'revoked') throw new DomainError('CARD.NOT_FOUND');

  const onDuty = card.onDutyStaffId ? await getStaff(deps.store, card.onDutyStaffId) : null;
  const featured = (await Promise.all(card.featuredCarrierIds.map((id) => getCarrier(deps.store, id)))).filter(
    (c): c is Carrier => c !== null && c.districtId === district._id,
  );
  const carriers =
    featured.length > 0
      ? featured.slice(0, HIGHLIGHTS)
      : await findCarriers(deps.store, {
          where: { districtId: district._id, hasVacancy: true },
          orderBy: [{ field: 'vacantArea', direction: 'desc' }, { field: '_id', direction: 'desc' }],
          limit: HIGHLIGHTS,
        });

  return {
    cardId: card._id,
    greeting: card.greeting,
    district: toDistrictView(district),
    owner: await personOf(deps, owner),
    contact: onDuty && onDuty.status === 'active' ? await personOf(deps, onDuty) : null,
    featuredIndustries: card.featuredIndustries.length ? card.featuredIndustries : district.keyIndustries.slice(0, 4),
    highlightedCarriers: carriers.map(toCarrierSummary),
    shareCode: share && share.cardId === card._id ? share._id : null,
  };
});
