import type { Carrier } from '../carrier/carrier.schema';
import type { Lead } from '../lead/lead.schema';
import type { Unit } from '../org/unit.schema';

export type LeadPlace = NonNullable<Lead['place']>;

/** The lead field's limit (line(1, 20)): a longer street or unit name is cut, never refused. */
const STREET_MAX = 20;
const street = (name: string) => Array.from(name.trim()).slice(0, STREET_MAX).join('');

/** The unit a lead came in through: who brought it (fixed at intake), else who handles it. */
export const receivingUnitIdOf = (lead: Pick<Lead, 'credit' | 'handling'>): string => lead.credit.unitId ?? lead.handling.unitId;

/**
 * The street of a lead made before intake recorded one (the roll-up key's street, else «未指定街道»): the
 * asked-about carrier's street and type, else the receiving unit's name when that unit is a street (街道). Null:
 * nothing to derive it from, or the lead has its place already.
 */
export const backfilledPlace = (lead: Pick<Lead, 'place'>, carrier: Pick<Carrier, 'street' | 'type'> | null, unit: Pick<Unit, 'kind' | 'name'> | null): LeadPlace | null => {
  if (lead.place) return null;
  if (carrier && street(carrier.street)) return { street: street(carrier.street), carrierType: carrier.type, from: 'carrier' };
  if (unit?.kind === 'street' && street(unit.name)) return { street: street(unit.name), from: 'unit' };
  return null;
};
