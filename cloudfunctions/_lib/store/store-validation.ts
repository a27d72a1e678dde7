/**
 * Validation and normalisation shared by both store adapters (wx-store.ts here, the local cloud's
 * sqlite-store.ts): one definition of what a document, an id, a filter and an update may be, so both
 * adapters refuse the same inputs with the same STORE.INVALID_QUERY answers.
 */
import {
  MAX_FIND_LIMIT,
  StoreError,
  type FindQuery,
  type Scalar,
  type StoredDoc,
  type UpdateOps,
  type UpdateOptions,
  type Where,
} from './store-port';

export const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
export const COLLECTION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,99}$/;
/** Lone surrogates would be silently replaced when bound to SQLite (and corrupt ids); NUL truncates C strings. */
export const ILL_FORMED = /\p{Cs}|\0/u;
export const MAX_ID_LENGTH = 512;
export const MAX_IN_VALUES = 1000;

export type ConditionOp = 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'has' | 'contains';
export const CONDITION_OPS: ReadonlySet<string> = new Set<ConditionOp>(['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'has', 'contains']);

export type Clause =
  | { field: string; op: 'eq' | 'ne' | 'has'; value: Scalar }
  | { field: string; op: 'gt' | 'gte' | 'lt' | 'lte'; value: string | number }
  | { field: string; op: 'in'; value: Scalar[] }
  | { field: string; op: 'contains'; value: string };

export interface NormalizedFind {
  where: Clause[];
  anyOf: Clause[][] | null;
  orderBy: Array<{ field: string; direction: 'asc' | 'desc' }>;
  limit: number;
}

export type UpdateStep =
  | { kind: 'set'; path: string; value: unknown }
  | { kind: 'inc'; path: string; value: number }
  | { kind: 'push'; path: string; value: unknown[] };

export const invalid = (message: string): StoreError => new StoreError('STORE.INVALID_QUERY', message);

export const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

export function assertCollection(name: string): void {
  if (typeof name !== 'string' || !COLLECTION_NAME.test(name)) throw invalid(`invalid collection name ${JSON.stringify(name)}`);
}

export function assertFieldPath(path: string, where: string): void {
  if (typeof path !== 'string' || !FIELD_PATH.test(path)) throw invalid(`invalid field path ${JSON.stringify(path)} in ${where}`);
}

export function assertId(id: string): void {
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_ID_LENGTH || ILL_FORMED.test(id)) {
    throw invalid(`invalid document id ${JSON.stringify(id)}`);
  }
}

export function assertString(s: string, where: string): void {
  if (ILL_FORMED.test(s)) throw invalid(`ill-formed string (lone surrogate or NUL) in ${where}`);
}

export function assertScalar(v: unknown, where: string): asserts v is Scalar {
  if (v === null || typeof v === 'boolean') return;
  if (typeof v === 'number' && Number.isFinite(v)) return;
  if (typeof v === 'string') return assertString(v, where);
  throw invalid(`${where}: expected a string, finite number, boolean or null`);
}

/** Plain JSON only: what both backends store identically (no Date, undefined in arrays, NaN, class instances). */
export function assertJsonValue(v: unknown, where: string): void {
  if (v === null || typeof v === 'boolean') return;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw invalid(`${where}: numbers must be finite`);
    return;
  }
  if (typeof v === 'string') return assertString(v, where);
  if (Array.isArray(v)) {
    v.forEach((item, i) => {
      if (item === undefined) throw invalid(`${where}[${i}]: undefined is not storable`);
      assertJsonValue(item, `${where}[${i}]`);
    });
    return;
  }
  if (isPlainObject(v)) {
    for (const [key, item] of Object.entries(v)) {
      // MongoDB reserves '$' prefixes and '.' in keys; refusing them here keeps both adapters storing the same thing.
      if (key.length === 0 || key.startsWith('$') || key.includes('.') || ILL_FORMED.test(key)) {
        throw invalid(`${where}: key ${JSON.stringify(key)} is not storable`);
      }
      if (item !== undefined) assertJsonValue(item, `${where}.${key}`);
    }
    return;
  }
  throw invalid(`${where}: only plain JSON values are storable`);
}

export function assertDocument(doc: StoredDoc): void {
  if (!isPlainObject(doc)) throw invalid('a document must be a plain object');
  assertId(doc._id);
  assertJsonValue(doc, 'document');
}

export function normalizeWhere(where: Where | undefined, label: string): Clause[] {
  if (where === undefined) return [];
  if (!isPlainObject(where)) throw invalid(`${label} must be an object`);
  const clauses: Clause[] = [];
  for (const [field, cond] of Object.entries(where)) {
    assertFieldPath(field, label);
    const at = `${label}.${field}`;
    if (cond === null || typeof cond !== 'object') {
      assertScalar(cond, at);
      clauses.push({ field, op: 'eq', value: cond });
      continue;
    }
    if (!isPlainObject(cond)) throw invalid(`${at}: a condition is a scalar or an operator object`);
    const entries = Object.entries(cond).filter(([, v]) => v !== undefined);
    if (entries.length === 0) throw invalid(`${at}: empty condition`);
    for (const [op, value] of entries) {
      if (!CONDITION_OPS.has(op)) throw invalid(`${at}: unknown operator ${JSON.stringify(op)}`);
      switch (op as ConditionOp) {
        case 'eq':
        case 'ne':
          assertScalar(value, `${at}.${op}`);
          clauses.push({ field, op: op as 'eq' | 'ne', value });
          break;
        case 'has':
          // `has: null` would also match a missing field on MongoDB: never what "array contains" means.
          if (value === null) throw invalid(`${at}.has: null is not an element to look for`);
          assertScalar(value, `${at}.has`);
          clauses.push({ field, op: 'has', value });
          break;
        case 'gt':
        case 'gte':
        case 'lt':
        case 'lte':
          if (!(typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)))) {
            throw invalid(`${at}.${op}: range bounds are strings or finite numbers`);
          }
          if (typeof value === 'string') assertString(value, `${at}.${op}`);
          clauses.push({ field, op: op as 'gt' | 'gte' | 'lt' | 'lte', value });
          break;
        case 'in':
          if (!Array.isArray(value) || value.length > MAX_IN_VALUES) throw invalid(`${at}.in: an array of at most ${MAX_IN_VALUES} scalars`);
          value.forEach((v, i) => assertScalar(v, `${at}.in[${i}]`));
          clauses.push({ field, op: 'in', value: value as Scalar[] });
          break;
        case 'contains':
          if (typeof value !== 'string') throw invalid(`${at}.contains: a string`);
          assertString(value, `${at}.contains`);
          clauses.push({ field, op: 'contains', value });
          break;
      }
    }
  }
  return clauses;
}

export function normalizeFind(query: FindQuery): NormalizedFind {
  if (!isPlainObject(query as unknown)) throw invalid('a query must be an object');
  const { limit } = query;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_FIND_LIMIT) {
    throw invalid(`limit must be an integer from 1 to ${MAX_FIND_LIMIT}, got ${String(limit)}`);
  }
  let anyOf: Clause[][] | null = null;
  if (query.anyOf !== undefined) {
    if (!Array.isArray(query.anyOf) || query.anyOf.length === 0) throw invalid('anyOf must be a non-empty array');
    anyOf = query.anyOf.map((w, i) => normalizeWhere(w, `anyOf[${i}]`));
  }
  const orderBy = (query.orderBy ?? []).map((o, i) => {
    assertFieldPath(o?.field, `orderBy[${i}]`);
    if (o.direction !== 'asc' && o.direction !== 'desc') throw invalid(`orderBy[${i}].direction must be 'asc' or 'desc'`);
    return { field: o.field, direction: o.direction };
  });
  return { where: normalizeWhere(query.where, 'where'), anyOf, orderBy, limit };
}

export function normalizeUpdate(ops: UpdateOps, options: UpdateOptions | undefined): { steps: UpdateStep[]; ifRev: number | undefined } {
  if (!isPlainObject(ops as unknown)) throw invalid('update ops must be an object');
  for (const key of Object.keys(ops)) if (key !== 'set' && key !== 'inc' && key !== 'push') throw invalid(`unknown update op ${JSON.stringify(key)}`);
  const ifRev = options?.ifRev;
  if (ifRev !== undefined && !Number.isSafeInteger(ifRev)) throw invalid('ifRev must be an integer');
  const steps: UpdateStep[] = [];
  const add = (kind: UpdateStep['kind'], group: Record<string, unknown> | undefined): void => {
    if (group === undefined) return;
    if (!isPlainObject(group)) throw invalid(`update.${kind} must be an object`);
    for (const [path, value] of Object.entries(group)) {
      assertFieldPath(path, `update.${kind}`);
      const root = path.split('.')[0];
      if (root === '_id') throw invalid('_id cannot be updated');
      if (root === '_rev' && ifRev !== undefined) throw invalid('_rev is managed by ifRev in this update');
      if (kind === 'set') {
        if (value === undefined) throw invalid(`update.set.${path}: undefined is not storable`);
        assertJsonValue(value, `update.set.${path}`);
        steps.push({ kind, path, value });
      } else if (kind === 'inc') {
        if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid(`update.inc.${path}: a finite number`);
        steps.push({ kind, path, value });
      } else {
        if (!Array.isArray(value)) throw invalid(`update.push.${path}: an array of elements`);
        assertJsonValue(value, `update.push.${path}`);
        steps.push({ kind, path, value });
      }
    }
  };
  add('set', ops.set);
  add('inc', ops.inc);
  add('push', ops.push);
  // MongoDB rejects one update touching a path twice or a path and its parent; so do we, on both adapters.
  const paths = steps.map((s) => s.path).sort();
  for (let i = 1; i < paths.length; i++) {
    if (paths[i] === paths[i - 1] || paths[i].startsWith(`${paths[i - 1]}.`)) {
      throw invalid(`update paths ${paths[i - 1]} and ${paths[i]} conflict`);
    }
  }
  return { steps, ifRev };
}
