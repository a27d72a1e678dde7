import * as v from 'valibot';
import { CarrierEditSchema, type CarrierEdit } from '../api/admin.contracts';
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

export const IMPORT_MAX_ROWS = 5000;
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;
/** Uncompressed size an .xlsx may unpack to: more is treated as a zip bomb. */
export const IMPORT_MAX_UNPACKED_BYTES = 60 * 1024 * 1024;
export const IMPORT_ERRORS_SHOWN = 50;

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

export const FILE_REASONS = {
  'IMPORT.UNREADABLE': '无法读取该文件，请上传 .xlsx 或 .csv 格式的表格',
  'IMPORT.TOO_LARGE': '文件过大（最多 2 MB）',
  'IMPORT.TOO_MANY_ROWS': `行数过多（最多 ${IMPORT_MAX_ROWS} 行），请分批导入`,
  'IMPORT.MISSING_COLUMNS': '缺少必需的列，请使用导入模板',
  'IMPORT.EMPTY': '表格中没有数据行',
} as const;
export type FileReason = keyof typeof FILE_REASONS;

export interface RowProblem {
  /** 1-based row number as the spreadsheet shows it (the header is row 1). */
  row: number;
  column: string | null;
  code: RowReason;
  message: string;
}

const KEY = /^[A-Za-z0-9_-]{1,40}$/;
const byLabel = <K extends string>(labels: Record<K, string>, keys: readonly K[]) => (s: string): K | null =>
  keys.find((k) => labels[k] === s || k === s) ?? null;
const typeOf = byLabel(CARRIER_TYPE_LABELS, CARRIER_TYPES);
const unitOf = byLabel(PRICE_UNIT_LABELS, PRICE_UNITS);
const list = (s: string) =>
  s
    .split(/[、，,;；\n]/)
    .map((x) => x.trim())
    .filter(Boolean);

/** Which column index holds each key, from the header row; null lists the missing required headers. */
export const mapHeader = (header: readonly string[]): { index: Partial<Record<ImportColumnKey, number>>; missing: string[] } => {
  const index: Partial<Record<ImportColumnKey, number>> = {};
  header.forEach((h, i) => {
    const col = IMPORT_COLUMNS.find((c) => c.header === h.trim());
    if (col && index[col.key] === undefined) index[col.key] = i;
  });
  return { index, missing: IMPORT_COLUMNS.filter((c) => c.required && index[c.key] === undefined).map((c) => c.header) };
};

export type RowOutcome = { ok: true; externalKey: string; carrier: CarrierEdit } | { ok: false; problem: Omit<RowProblem, 'row'> };

const fail = (code: RowReason, column: string | null): RowOutcome => ({ ok: false, problem: { code, column, message: ROW_REASONS[code] } });

/** One data row (cells as text) → a carrier edit the contract accepts, or the first problem found. */
export const validateImportRow = (cells: readonly string[], index: Partial<Record<ImportColumnKey, number>>): RowOutcome => {
  const get = (k: ImportColumnKey) => (index[k] === undefined ? '' : (cells[index[k] as number] ?? '').trim());
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

/** RFC 4180 CSV (quotes, doubled quotes, CRLF); a BOM is dropped. Cells stay text: nothing is evaluated. */
export const parseCsv = (text: string): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i += 1) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
};

/** A CSV cell as written back: quoted when needed, and a leading = + - @ neutralised (CWE-1236). */
export const csvCell = (s: string): string => {
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};
