import type { Card } from '../card/card.schema';
import type { District } from '../org/district.schema';
import type { Staff } from '../org/staff.schema';
import type { Unit } from '../org/unit.schema';

export interface Routing {
  credit: { staffId: string | null; unitId: string | null };
  handling: { unitId: string; staffId: string | null };
}

/**
 * Where a new lead goes. Credit (who brought it) and handling (who works it) are separate on purpose:
 * a lead from the education bureau head's card is handled by the investment bureau, and the education
 * bureau keeps the credit in the quarterly 擂台赛.
 */
export const routeLead = (input: {
  district: District;
  card: Card | null;
  /** The credited person: nearest staff sharer in the share chain, else the card owner. */
  creditedStaff: Staff | null;
  creditedUnit: Unit | null;
  cardOwner: Staff | null;
  cardOwnerUnit: Unit | null;
  onDutyOfCard: Staff | null;
}): Routing => {
  const { district, card, creditedStaff, creditedUnit, cardOwner, cardOwnerUnit, onDutyOfCard } = input;
  const credit = { staffId: creditedStaff?._id ?? null, unitId: creditedUnit?._id ?? creditedStaff?.unitId ?? null };
  const active = (s: Staff | null): s is Staff => !!s && s.status === 'active';

  if (card && active(onDutyOfCard)) return { credit, handling: { unitId: onDutyOfCard.unitId, staffId: onDutyOfCard._id } };
  if (active(cardOwner) && cardOwnerUnit?.isEconomic) return { credit, handling: { unitId: cardOwnerUnit._id, staffId: cardOwner._id } };
  // Non-economic units, missing owners and card-less leads go to the investment bureau's pool.
  return { credit, handling: { unitId: district.investmentBureauUnitId, staffId: null } };
};
