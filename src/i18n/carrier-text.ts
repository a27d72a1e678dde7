import type { CarrierType } from '../../domain/carrier/carrier.schema';
import type { Dictionary } from './dictionary';

/** A carrier type's name in the page's language (the office keeps `CARRIER_TYPE_LABELS`, Chinese). */
export const carrierTypeText = (t: Dictionary, type: CarrierType): string =>
  ({
    building: t.typeBuilding,
    industrial_park: t.typeIndustrialPark,
    factory: t.typeFactory,
    industrial_land: t.typeIndustrialLand,
    heritage: t.typeHeritage,
    incubator: t.typeIncubator,
  })[type];

/** How long ago a vacancy was verified (domain `freshness().days`), in words. */
export const verifiedText = (t: Dictionary, days: number): string => (days === 0 ? t.verifiedToday : t.verifiedDaysAgo(days));
