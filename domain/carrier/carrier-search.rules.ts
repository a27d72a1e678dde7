import { PRICE_UNITS, type Carrier, type PriceUnit } from './carrier.schema';
import { isId } from '../common/text';

export type CarrierSort = 'vacancy' | 'price' | 'verified';

/**
 * Field and direction each sort pages by; `_id` in the same direction breaks ties so pages never overlap or skip.
 * Prices in different units do not compare (a day's rent per ㎡, a month's, a land price per 亩), so the price
 * sort groups by unit first (`group`, in the unit ids' order: 万元/亩, 元/㎡·天, 元/㎡·月) and orders within it.
 */
export const SORT_KEYS: Record<CarrierSort, { field: 'vacantArea' | 'priceMin' | 'lastVerifiedAt'; direction: 'asc' | 'desc'; group?: 'priceUnit' }> = {
  vacancy: { field: 'vacantArea', direction: 'desc' },
  price: { field: 'priceMin', direction: 'asc', group: 'priceUnit' },
  verified: { field: 'lastVerifiedAt', direction: 'desc' },
};

/** The order the price sort shows the units in (the store orders the unit ids as strings). */
export const PRICE_SORT_UNIT_ORDER: readonly PriceUnit[] = [...PRICE_UNITS].sort();

export interface CarrierCursor {
  sort: CarrierSort;
  value: number | string;
  id: string;
  /** The group (price unit) of the last row, for grouped sorts. */
  group?: PriceUnit;
}

/** Opaque to clients; plain enough to debug. Bound to its sort so a cursor cannot be replayed on another. */
export const encodeCursor = (sort: CarrierSort, last: Carrier): string => {
  const key = SORT_KEYS[sort];
  const value = last[key.field];
  return encodeURIComponent(JSON.stringify(key.group ? [sort, value, last._id, last[key.group]] : [sort, value, last._id]));
};

export const decodeCursor = (raw: string, sort: CarrierSort): CarrierCursor | null => {
  try {
    const parsed: unknown = JSON.parse(decodeURIComponent(raw));
    const grouped = SORT_KEYS[sort].group !== undefined;
    if (!Array.isArray(parsed) || parsed.length !== (grouped ? 4 : 3)) return null;
    const [s, value, id, group] = parsed as unknown[];
    if (s !== sort || !isId(id)) return null;
    const expectsString = SORT_KEYS[sort].field === 'lastVerifiedAt';
    if (expectsString ? typeof value !== 'string' || value.length > 40 : typeof value !== 'number' || !Number.isFinite(value)) return null;
    if (!grouped) return { sort, value: value as string | number, id };
    if (!PRICE_UNITS.includes(group as PriceUnit)) return null;
    return { sort, value: value as number, id, group: group as PriceUnit };
  } catch {
    return null;
  }
};

/** Normalises a search keyword the same way `carrierSearchText` normalises the haystack. */
export const normaliseKeyword = (keyword: string): string => keyword.normalize('NFKC').trim().toLowerCase();
