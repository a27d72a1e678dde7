import type { Carrier } from './carrier.schema';
import { isId } from '../common/text';

export type CarrierSort = 'vacancy' | 'price' | 'verified';

/** Field and direction each sort pages by; `_id` in the same direction breaks ties so pages never overlap or skip. */
export const SORT_KEYS: Record<CarrierSort, { field: 'vacantArea' | 'priceMin' | 'lastVerifiedAt'; direction: 'asc' | 'desc' }> = {
  vacancy: { field: 'vacantArea', direction: 'desc' },
  price: { field: 'priceMin', direction: 'asc' },
  verified: { field: 'lastVerifiedAt', direction: 'desc' },
};

export interface CarrierCursor {
  sort: CarrierSort;
  value: number | string;
  id: string;
}

/** Opaque to clients; plain enough to debug. Bound to its sort so a cursor cannot be replayed on another. */
export const encodeCursor = (sort: CarrierSort, last: Carrier): string => {
  const value = last[SORT_KEYS[sort].field];
  return encodeURIComponent(JSON.stringify([sort, value, last._id]));
};

export const decodeCursor = (raw: string, sort: CarrierSort): CarrierCursor | null => {
  try {
    const parsed: unknown = JSON.parse(decodeURIComponent(raw));
    if (!Array.isArray(parsed) || parsed.length !== 3) return null;
    const [s, value, id] = parsed as unknown[];
    if (s !== sort || !isId(id)) return null;
    const expectsString = SORT_KEYS[sort].field === 'lastVerifiedAt';
    if (expectsString ? typeof value !== 'string' || value.length > 40 : typeof value !== 'number' || !Number.isFinite(value)) return null;
    return { sort, value: value as string | number, id };
  } catch {
    return null;
  }
};

/** Normalises a search keyword the same way `carrierSearchText` normalises the haystack. */
export const normaliseKeyword = (keyword: string): string => keyword.normalize('NFKC').trim().toLowerCase();
