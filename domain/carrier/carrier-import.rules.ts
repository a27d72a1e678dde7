import * as v from 'valibot';
import { CarrierEditSchema, type CarrierEdit } from '../api/admin.contracts';
import { cellOf, listCell, mapColumns, type RowProblem as GenericRowProblem } from '../import/import-file.rules';
import { CARRIER_TYPE_LABELS, CARRIER_TYPES, PRICE_UNIT_LABELS, PRICE_UNITS } from './carrier.schema';

/**
 * Carrier import (Excel or CSV): the template's columns, and one validation used by the dry run and the apply
 * step alike, so a dry run that says "OK" is exactly what apply writes.
 */
export const IMPORT_COLUMNS = [
  { key: 'externalKey', header: '外部编号', required: true },
  { key: 'type', header: '类型', required: true },
  { key: 'name', header: '名称', required: true },
  { key: 'street', header: '街道', required: true },
  { key: 'address', header: '地址', required: true },
  { key: 'totalArea', header: '总面积', required: true },
  { key: 'vacantArea', header: '空置面积', required: true },
  { key: 'priceMin', header: '价格下限', required: false },
  { key: 'priceMax', header: '价格上限', required: false },
  { key: 'priceUnit', header: '价格单位', required: true },
  { key: 'managerName', header: '管理人', required: true },
  { key: 'managerPhone', header: '管理人电话', required: true },
  { key: 'lat', header: '纬度', required: true },
  { key: 'lng', header: '经度', required: true },
  { key: 'facilities', header: '配套设施', required: false },
  { key: 'suitedIndustries', header: '适合产业', required: false },
] as const;
export type ImportColumnKey = (typeof IMPORT_COLUMNS)[number]['key'];

export { IMPORT_ERRORS_SHOWN, IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, IMPORT_MAX_UNPACKED_BYTES } from '../import/import-file.rules';

/** Stable reason codes of a row report (programs branch on them; people read the message). */
export const ROW_REASONS = {
  'ROW.REQUIRED': '必填项为空',
  'ROW.BAD_NUMBER': '数字格式不正确',
  'ROW.BAD_TYPE': '类型不在可选范围内',
  'ROW.BAD_PRICE_UNIT': '价格单位不在可选范围内',
  'ROW.VACANCY_EXCEEDS_TOTAL': '空置面积大于总面积',
  'ROW.PRICE_RANGE': '价格下限高于上限',
  'ROW.DUPLICATE_KEY': '外部编号在文件中重复',
  'ROW.BAD_KEY': '外部编号只能包含字母、数字、- 和 _（1–40 位）',
  'ROW.INVALID': '内容不符合要求',
} as const;
export type RowReason = keyof typeof ROW_REASONS;

export { FILE_REASONS, type FileReason } from '../import/import-file.rules';
export type RowProblem = GenericRowProblem<RowReason>;

const KEY = /^[A-Za-z0-9_-]{1,40}$/;
const byLabel = <K extends string>(labels: Record<K, string>, keys: readonly K[]) => (s: string): K | null =>
  keys.find((k) => labels[k] === s || k === s) ?? null;
const typeOf = byLabel(CARRIER_TYPE_LABELS, CARRIER_TYPES);
const unitOf = byLabel(PRICE_UNIT_LABELS, PRICE_UNITS);
const list = listCell;

/** Which column index holds each key, from the header row; `missing` lists the missing required headers. */
export const mapHeader = (header: readonly string[]) => mapColumns(IMPORT_COLUMNS, header);

export type RowOutcome = { ok: true; externalKey: string; carrier: CarrierEdit } | { ok: false; problem: Omit<RowProblem, 'row'> };

const fail = (code: RowReason, column: string | null): RowOutcome => ({ ok: false, problem: { code, column, message: ROW_REASONS[code] } });

/** One data row (cells as text) → a carrier edit the contract accepts, or the first problem found. */
export const validateImportRow = (cells: readonly string[], index: Partial<Record<ImportColumnKey, number>>): RowOutcome => {
  const get = (k: ImportColumnKey) => cellOf(cells, index, k);
  for (const c of IMPORT_COLUMNS) if (c.required && !get(c.key)) return fail('ROW.REQUIRED', c.header);
  const externalKey = get('externalKey');
  if (!KEY.test(externalKey)) return fail('ROW.BAD_KEY', '外部编号');
  const type = typeOf(get('type'));
  if (!type) return fail('ROW.BAD_TYPE', '类型');
  const priceUnit = unitOf(get('priceUnit'));
  if (!priceUnit) return fail('ROW.BAD_PRICE_UNIT', '价格单位');
  const numbers: Partial<Record<ImportColumnKey, number>> = {};
  for (const k of ['totalArea', 'vacantArea', 'priceMin', 'priceMax', 'lat', 'lng'] as const) {
    const raw = get(k).replace(/,/g, '');
    const n = raw === '' ? 0 : Number(raw);
    // Number('0x10') and Number(' ') are numbers to JavaScript; only plain decimals count here.
    if (!/^-?\d+(\.\d+)?$/.test(raw || '0') || !Number.isFinite(n)) return fail('ROW.BAD_NUMBER', IMPORT_COLUMNS.find((c) => c.key === k)!.header);
    numbers[k] = n;
  }
  if ((numbers.vacantArea ?? 0) > (numbers.totalArea ?? 0)) return fail('ROW.VACANCY_EXCEEDS_TOTAL', '空置面积');
  if ((numbers.priceMin ?? 0) > (numbers.priceMax ?? 0)) return fail('ROW.PRICE_RANGE', '价格下限');
  const candidate = {
    type,
    name: get('name'),
    street: get('street'),
    address: get('address'),
    totalArea: numbers.totalArea,
    vacantArea: numbers.vacantArea,
    floors: null,
    priceMin: numbers.priceMin,
    priceMax: numbers.priceMax,
    priceUnit,
    facilities: list(get('facilities')),
    suitedIndustries: list(get('suitedIndustries')),
    policies: [],
    managerName: get('managerName'),
    managerPhone: get('managerPhone'),
    managerStaffId: null,
    unitId: null,
    location: { lat: numbers.lat, lng: numbers.lng },
    photos: [],
  };
  const parsed = v.safeParse(CarrierEditSchema, candidate);
  if (!parsed.success) {
    const path = v.getDotPath(parsed.issues[0]) ?? '';
    const key = path.startsWith('location.') ? (path.endsWith('lng') ? 'lng' : 'lat') : path.split('.')[0];
    return fail('ROW.INVALID', IMPORT_COLUMNS.find((c) => c.key === key)?.header ?? null);
  }
  return { ok: true, externalKey, carrier: parsed.output };
};

export { csvCell, parseCsv } from '../import/import-file.rules';
