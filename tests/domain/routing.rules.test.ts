import type { Card } from '../../domain/card/card.schema';
import { routeLead } from '../../domain/lead/routing.rules';
import type { District } from '../../domain/org/district.schema';
import type { Staff } from '../../domain/org/staff.schema';
import type { Unit } from '../../domain/org/unit.schema';
import { buildDemoDistrict } from '../../tools/seed/demo-district';

const seed = buildDemoDistrict(new Date('2026-11-30T02:00:00.000Z'));
const byId = <T>(collection: string, id: string): T => {
  const doc = seed[collection].find((d) => d._id === id);
  if (!doc) throw new Error(`seed has no ${collection}/${id}`);
  return doc as unknown as T;
};
const district = byId<District>('districts', 'demo-linjiang');
const staff = (id: string) => byId<Staff>('staff', id);
const unit = (id: string) => byId<Unit>('units', id);
const card = (id: string) => byId<Card>('cards', id);
const revoked = (s: Staff): Staff => ({ ...s, status: 'revoked' });

describe('lead routing and credit', () => {
  const techCard = {
    district,
    card: card('card-staff-tech'),
    creditedStaff: staff('staff-tech'),
    creditedUnit: unit('unit-tech'),
    cardOwner: staff('staff-tech'),
    cardOwnerUnit: unit('unit-tech'),
    onDutyOfCard: null,
  };

  it('an economic unit’s card sends its leads to its owner, who keeps the credit', () => {
    expect(routeLead(techCard)).toEqual({ credit: { staffId: 'staff-tech', unitId: 'unit-tech' }, handling: { unitId: 'unit-tech', staffId: 'staff-tech' } });
  });

  it('an on-duty commissioner takes the card’s leads while active; credit stays with who brought it', () => {
    const onDuty = staff('staff-commissioner');
    expect(routeLead({ ...techCard, onDutyOfCard: onDuty }).handling).toEqual({ unitId: 'unit-invest', staffId: 'staff-commissioner' });
    expect(routeLead({ ...techCard, onDutyOfCard: onDuty }).credit).toEqual({ staffId: 'staff-tech', unitId: 'unit-tech' });
    // A revoked (or not yet bound) on-duty colleague gets nothing: the owner works it.
    expect(routeLead({ ...techCard, onDutyOfCard: revoked(onDuty) }).handling).toEqual({ unitId: 'unit-tech', staffId: 'staff-tech' });
    expect(routeLead({ ...techCard, onDutyOfCard: { ...onDuty, status: 'invited' } }).handling).toEqual({ unitId: 'unit-tech', staffId: 'staff-tech' });
  });

  it('a revoked owner, a non-economic unit or a missing unit send the lead to the investment bureau’s pool', () => {
    const pool = { unitId: 'unit-invest', staffId: null };
    expect(routeLead({ ...techCard, cardOwner: revoked(staff('staff-tech')) }).handling).toEqual(pool);
    expect(routeLead({ ...techCard, cardOwner: staff('staff-edu-head'), cardOwnerUnit: unit('unit-edu') }).handling).toEqual(pool);
    expect(routeLead({ ...techCard, cardOwnerUnit: null }).handling).toEqual(pool);
  });

  it('a card-less inquiry credits nobody and goes to the pool', () => {
    expect(routeLead({ district, card: null, creditedStaff: null, creditedUnit: null, cardOwner: null, cardOwnerUnit: null, onDutyOfCard: staff('staff-commissioner') })).toEqual({
      credit: { staffId: null, unitId: null },
      handling: { unitId: 'unit-invest', staffId: null },
    });
  });

  it('credit falls back to the credited person’s unit when their unit record is missing', () => {
    expect(routeLead({ ...techCard, creditedUnit: null }).credit).toEqual({ staffId: 'staff-tech', unitId: 'unit-tech' });
  });
});
