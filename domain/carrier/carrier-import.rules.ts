import * as v from 'valibot';
import { CarrierEditSchema, type CarrierEdit } from '../api/admin.contracts';
import { cellOf, csvCell, listCell, mapColumns, parallelListCell, type RowProblem as GenericRowProblem } from '../import/import-file.rules';
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
  // English for investors reading English (optional, as in the editor): an empty cell keeps what is stored.
  { key: 'nameEn', header: '名称（英文）', required: false },
  { key: 'streetEn', header: '街道（英文）', required: false },
  { key: 'addressEn', header: '地址（英文）', required: false },
  { key: 'facilitiesEn', header: '配套设施（英文）', required: false },
  { key: 'suitedIndustriesEn', header: '适合产业（英文）', required: false },
  { key: 'managerNameEn', header: '管理人（英文）', required: false },
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
  'ROW.ENGLISH_LIST_LONGER': '英文项数多于对应的中文项数（英文按中文的顺序逐项填写）',
  'ROW.INVALID': '内容不符合要求',
  /** The content check (the editor's, msgSecCheck in WeChat) refused the row's text. */
  'ROW.CONTENT_REJECTED': '内容包含不适宜发布的信息，请修改后再导入',
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
/** An empty English cell is no English: the stored one (if any) stays, the page falls back to Chinese. */
const englishText = (s: string): string | undefined => s || undefined;
/** English list items are separated by ; or a new line (commas belong to English phrases); empty keeps the stored list. */
const englishList = (s: string): string[] | undefined => (s ? parallelListCell(s) : undefined);
/** Only the English the row carries: an absent field keeps what is stored. */
const englishFields = <T extends Record<string, unknown>>(fields: T): Partial<T> =>
  Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;

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
  const facilities = list(get('facilities'));
  const suitedIndustries = list(get('suitedIndustries'));
  // English lists translate the Chinese ones item by item: never more of them.
  const facilitiesEn = englishList(get('facilitiesEn'));
  if ((facilitiesEn?.length ?? 0) > facilities.length) return fail('ROW.ENGLISH_LIST_LONGER', '配套设施（英文）');
  const suitedIndustriesEn = englishList(get('suitedIndustriesEn'));
  if ((suitedIndustriesEn?.length ?? 0) > suitedIndustries.length) return fail('ROW.ENGLISH_LIST_LONGER', '适合产业（英文）');
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
    facilities,
    suitedIndustries,
    policies: [],
    managerName: get('managerName'),
    managerPhone: get('managerPhone'),
    managerStaffId: null,
    unitId: null,
    location: { lat: numbers.lat, lng: numbers.lng },
    photos: [],
    ...englishFields({
      nameEn: englishText(get('nameEn')),
      streetEn: englishText(get('streetEn')),
      addressEn: englishText(get('addressEn')),
      facilitiesEn,
      suitedIndustriesEn,
      managerNameEn: englishText(get('managerNameEn')),
    }),
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

/** The template's example row, column by column (English ones included, to show how they are filled). */
const TEMPLATE_EXAMPLE: Record<ImportColumnKey, string> = {
  externalKey: 'EXT-001',
  type: '厂房',
  name: '示例标准厂房',
  street: '金湾街道',
  address: '云川市临江区金湾路 1 号',
  totalArea: '10000',
  vacantArea: '2000',
  priceMin: '20',
  priceMax: '30',
  priceUnit: '元/㎡·月',
  managerName: '钱经理',
  managerPhone: '13800138030',
  lat: '31.2',
  lng: '120.5',
  facilities: '行车 10 吨、货梯',
  suitedIndustries: '先进制造',
  nameEn: 'Sample Standard Factory',
  streetEn: 'Jinwan Subdistrict',
  addressEn: '1 Jinwan Road, Linjiang District, Yunchuan',
  facilitiesEn: 'Overhead crane, 10 t; Freight lift',
  suitedIndustriesEn: 'Advanced manufacturing',
  managerNameEn: 'Mr Qian',
};

/** Notes on rows that are skipped without being an error (stable codes, as the row reasons). */
export const ROW_NOTES = {
  'ROW.TEMPLATE_EXAMPLE': '模板自带的示例行，已跳过，未导入',
} as const;
export type RowNoteCode = keyof typeof ROW_NOTES;
export interface RowNote {
  row: number;
  code: RowNoteCode;
  message: string;
}

/**
 * The template's example row left in the file: every column the file has holds exactly the example's value
 * (cells as text, trimmed; a file without the optional English columns still matches). Its 外部编号 and 名称
 * alone must match too, so an empty file column never makes a real row look like the example.
 */
export const isTemplateExampleRow = (cells: readonly string[], index: Partial<Record<ImportColumnKey, number>>): boolean =>
  cellOf(cells, index, 'externalKey') === TEMPLATE_EXAMPLE.externalKey &&
  cellOf(cells, index, 'name') === TEMPLATE_EXAMPLE.name &&
  IMPORT_COLUMNS.every((c) => index[c.key] === undefined || cellOf(cells, index, c.key) === TEMPLATE_EXAMPLE[c.key]);

export const templateExampleNote = (row: number): RowNote => ({ row, code: 'ROW.TEMPLATE_EXAMPLE', message: ROW_NOTES['ROW.TEMPLATE_EXAMPLE'] });

/** The template as CSV: the header and one example row (Excel opens it; the page adds a BOM so it reads UTF-8). */
export const importTemplateCsv = (): string =>
  [IMPORT_COLUMNS.map((c) => c.header), IMPORT_COLUMNS.map((c) => TEMPLATE_EXAMPLE[c.key])].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
