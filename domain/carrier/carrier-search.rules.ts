import { PRICE_UNITS, type Carrier, type CarrierType, type PriceUnit } from './carrier.schema';
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

/**
 * Words people type for a kind of carrier that its label does not contain («园区» for 产业园, «写字楼» for 楼宇), in
 * Chinese and in English («plant», «office building»; matched case-insensitively). The one table: a keyword that is
 * one of them (or a type's own label) searches that type instead of the text, whichever language the page speaks.
 * «site» is not here: the English pages call every carrier a site.
 */
export const CARRIER_TYPE_SYNONYMS: Record<CarrierType, readonly string[]> = {
  building: [
    ...['楼宇', '写字楼', '办公楼', '商务楼', '办公', '大厦', '总部楼宇'],
    ...['office', 'offices', 'office building', 'office buildings', 'office space', 'office tower', 'building', 'buildings', 'tower', 'commercial building', 'headquarters building'],
  ],
  industrial_park: [
    ...['产业园', '园区', '产业园区', '工业园', '工业园区', '科技园', '开发区'],
    ...['industrial park', 'industrial parks', 'park', 'parks', 'business park', 'science park', 'technology park', 'tech park', 'industrial zone', 'development zone'],
  ],
  factory: [
    ...['厂房', '标准厂房', '车间', '工厂', '仓库', '仓储'],
    ...['factory', 'factories', 'plant', 'plants', 'standard factory', 'manufacturing plant', 'workshop', 'warehouse', 'warehouses', 'storage'],
  ],
  industrial_land: [
    ...['工业用地', '用地', '土地', '地块', '工业地'],
    ...['land', 'industrial land', 'plot', 'plots', 'land plot', 'industrial plot'],
  ],
  heritage: [
    ...['历史文化载体', '历史建筑', '老建筑', '文创', '文创园', '老厂房'],
    ...['heritage', 'heritage site', 'heritage building', 'historic building', 'historic buildings', 'old building', 'old factory', 'cultural and creative park'],
  ],
  incubator: [
    ...['孵化器', '孵化', '众创空间', '加速器', '创业空间'],
    ...['incubator', 'incubators', 'accelerator', 'coworking', 'co-working', 'coworking space', 'makerspace', 'maker space', 'start-up space', 'startup space'],
  ],
};

const SYNONYM_TYPE = new Map<string, CarrierType>(
  (Object.entries(CARRIER_TYPE_SYNONYMS) as Array<[CarrierType, readonly string[]]>).flatMap(([type, words]) => words.map((w) => [normaliseKeyword(w), type] as const)),
);

/** The carrier type a keyword names («园区» → industrial_park), or null when it is an ordinary search term. */
export const carrierTypeForKeyword = (keyword: string): CarrierType | null => SYNONYM_TYPE.get(normaliseKeyword(keyword)) ?? null;
