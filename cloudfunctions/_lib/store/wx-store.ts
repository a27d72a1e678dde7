/**
 * DocumentStore over the WeChat cloud database (wx-server-sdk 4.0.2). It receives `cloud.database()` and never
 * loads the SDK itself, so it bundles without it and runs in tests against the real SDK with a faked backend
 * (tests/support/fake-tcb-backend.ts). Behaviour is held to the SQLite adapter by tests/contracts/store.contract.ts.
 */
import type { database as wxDatabase } from 'wx-server-sdk';
import {
  StoreError,
  isStoreError,
  type DocumentStore,
  type FindQuery,
  type Scalar,
  type StoredDoc,
  type TransactionStore,
  type UpdateOps,
  type UpdateOptions,
  type Where,
} from './store-port';
import { type Clause, type UpdateStep, invalid, assertCollection, assertId, assertDocument, normalizeWhere, normalizeFind, normalizeUpdate } from './store-validation';

/** What `cloud.database()` returns. */
export type WxDatabase = ReturnType<typeof wxDatabase>;
export type WxCommand = WxDatabase['command'];

/**
 * How wx-server-sdk 4.0.2 reports `doc(id).get()` on a missing document (a thrown string, wrapped as
 * `document.get:fail …`). tests/contracts/wx-sdk-canary.test.ts pins it.
 */
export const WX_DOC_NOT_FOUND = /document with _id .* does not exist/;
/** MongoDB's duplicate-key error, which WeChat cloud passes through in the message (errCode -502001). */
export const WX_DUPLICATE_KEY = /E11000|duplicate key/i;
/** Transaction write conflicts: the SDK's own code and the backend's wordings. */
export const WX_TX_CONFLICT = /DATABASE_TRANSACTION_CONFLICT|TransactionConflict|TransactionBusy|transaction conflict|WriteConflict/i;
const WX_TYPE_MISMATCH = /Cannot apply \$inc|non-numeric|must be an array|Cannot create field/i;

/** Attempts of a transaction that keeps losing write conflicts before it fails with STORE.BUSY. */
const MAX_TX_ATTEMPTS = 12;

// ---------------------------------------------------------------------------------------------------------------
// The SDK surface this adapter uses. wx-server-sdk's d.ts types every call as `Promise<T> | void | string` (its
// callback-style overloads) and `runTransaction` as `any`, so the database is narrowed once, in the constructor,
// to the promise forms below.
// ---------------------------------------------------------------------------------------------------------------

/** A `where()` argument: a plain condition object or a command built with `db.command`. */
type WxFilter = object;
type WxUpdateData = Record<string, unknown>;

interface WxQuery {
  where(condition: WxFilter): WxQuery;
  orderBy(field: string, direction: 'asc' | 'desc'): WxQuery;
  limit(max: number): WxQuery;
  get(): Promise<{ data: unknown[] }>;
  count(): Promise<{ total: number }>;
  update(options: { data: WxUpdateData }): Promise<{ stats: { updated: number } }>;
}

interface WxDocument {
  get(): Promise<{ data: unknown }>;
  update(options: { data: WxUpdateData }): Promise<{ stats: { updated: number } }>;
  remove(): Promise<{ stats: { removed: number } }>;
}

interface WxCollection extends WxQuery {
  doc(id: string): WxDocument;
  add(options: { data: Record<string, unknown> }): Promise<{ _id?: unknown }>;
}

interface WxTransaction {
  collection(name: string): WxCollection;
}

interface WxDb {
  collection(name: string): WxCollection;
  runTransaction<R>(work: (t: WxTransaction) => Promise<R>, retries?: number): Promise<R>;
  RegExp(options: { regexp: string; options?: string }): object;
}

interface WxCmd {
  eq(v: Scalar): object;
  neq(v: Scalar): object;
  gt(v: string | number): object;
  gte(v: string | number): object;
  lt(v: string | number): object;
  lte(v: string | number): object;
  in(v: Scalar[]): object;
  and(expressions: WxFilter[]): object;
  or(expressions: WxFilter[]): object;
  set(v: unknown): object;
  inc(n: number): object;
  push(values: unknown[]): object;
}


// ---------------------------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------------------------

function describeError(e: unknown): { code?: string; errCode?: number; message: string } {
  if (typeof e === 'string') return { message: e };
  if (typeof e !== 'object' || e === null) return { message: String(e) };
  const r = e as { code?: unknown; errCode?: unknown; errMsg?: unknown; message?: unknown };
  return {
    code: typeof r.code === 'string' ? r.code : undefined,
    errCode: typeof r.errCode === 'number' ? r.errCode : undefined,
    message: [r.errMsg, r.message].filter((m): m is string => typeof m === 'string').join(' | '),
  };
}

const isNotFound = (e: unknown): boolean => WX_DOC_NOT_FOUND.test(describeError(e).message);

/** SDK and backend failures onto the port's codes; anything unrecognised is an unavailable backend. */
function mapWxError(e: unknown): StoreError {
  if (isStoreError(e)) return e;
  const { code, errCode, message } = describeError(e);
  const text = message || code || 'unknown wx-server-sdk error';
  if (WX_DUPLICATE_KEY.test(message)) return new StoreError('STORE.DUPLICATE_ID', text, { cause: e });
  if (code === 'DATABASE_TRANSACTION_CONFLICT' || WX_TX_CONFLICT.test(message)) return new StoreError('STORE.BUSY', text, { cause: e });
  // -501003 / -501004: request-rate and concurrency limits of the environment.
  if (errCode === -501003 || errCode === -501004 || code === 'EXCEED_REQUEST_LIMIT' || code === 'EXCEED_CONCURRENT_REQUEST_LIMIT') {
    return new StoreError('STORE.BUSY', text, { cause: e });
  }
  // -501007 invalid parameter, -502002 invalid operator, or MongoDB refusing an update on the stored types.
  if (errCode === -501007 || errCode === -502002 || code === 'INVALID_PARAM' || WX_TYPE_MISMATCH.test(message)) {
    return new StoreError('STORE.INVALID_QUERY', text, { cause: e });
  }
  return new StoreError('STORE.UNAVAILABLE', text, { cause: e });
}

const escapeRegExp = (term: string): string => term.replace(/[.*+?^${}()|[\]\\]/g, (c) => `\\${c}`);

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Full-jitter exponential backoff: contenders spread out instead of colliding again in lockstep. */
const backoffMs = (attempt: number): number => Math.random() * Math.min(400, 10 * 2 ** attempt);

// ---------------------------------------------------------------------------------------------------------------
// The store
// ---------------------------------------------------------------------------------------------------------------

export class WxStore implements DocumentStore {
  private readonly db: WxDb;
  private readonly cmd: WxCmd;

  constructor(db: WxDatabase, command?: WxCommand) {
    // Narrowed to the promise forms (see WxDb): the SDK's own typings cannot be called without casts anyway.
    this.db = db as unknown as WxDb;
    this.cmd = (command ?? db.command) as unknown as WxCmd;
  }

  async find<T extends StoredDoc>(collection: string, query: FindQuery): Promise<T[]> {
    assertCollection(collection);
    const q = normalizeFind(query);
    let cursor: WxQuery = this.db.collection(collection);
    const filter = this.filter(q.where, q.anyOf);
    if (filter) cursor = cursor.where(filter);
    for (const o of q.orderBy) cursor = cursor.orderBy(o.field, o.direction);
    cursor = cursor.limit(q.limit);
    try {
      const res = await cursor.get();
      return res.data as T[];
    } catch (e) {
      throw mapWxError(e);
    }
  }

  async count(collection: string, where?: Where): Promise<number> {
    assertCollection(collection);
    const filter = this.filter(normalizeWhere(where, 'where'), null);
    const col = this.db.collection(collection);
    try {
      const res = await (filter ? col.where(filter) : col).count();
      return res.total;
    } catch (e) {
      throw mapWxError(e);
    }
  }

  async get<T extends StoredDoc>(collection: string, id: string): Promise<T | null> {
    return this.getIn<T>(this.db, collection, id);
  }

  async insert<T extends StoredDoc>(collection: string, doc: T): Promise<void> {
    return this.insertIn(this.db, collection, doc);
  }

  async update(collection: string, id: string, ops: UpdateOps, options?: UpdateOptions): Promise<boolean> {
    assertCollection(collection);
    assertId(id);
    const { steps, ifRev } = normalizeUpdate(ops, options);
    const data = this.updateData(steps);
    const col = this.db.collection(collection);
    try {
      if (ifRev !== undefined) {
        data._rev = ifRev + 1;
        const res = await col.where({ _id: id, _rev: ifRev }).update({ data });
        return res.stats.updated > 0;
      }
      if (steps.length > 0 && (await col.doc(id).update({ data })).stats.updated > 0) return true;
    } catch (e) {
      throw mapWxError(e);
    }
    // WeChat counts modified documents: an update that changes nothing reports 0 although the document exists.
    return (await this.get(collection, id)) !== null;
  }

  async remove(collection: string, id: string): Promise<boolean> {
    return this.removeIn(this.db, collection, id);
  }

  /**
   * `db.runTransaction` with our own retry loop: the SDK retries only on a conflict at commit, without backoff,
   * while the backend reports conflicts on the write itself. Errors thrown by `work` pass through unchanged
   * unless they are STORE.BUSY (a lost conflict), which runs `work` again.
   */
  async transaction<R>(work: (tx: TransactionStore) => Promise<R>): Promise<R> {
    for (let attempt = 1; ; attempt++) {
      const fromWork: { error?: unknown; thrown: boolean } = { thrown: false };
      const scope = { active: true };
      try {
        // 0 retries inside the SDK: this loop decides.
        return await this.db.runTransaction(async (t) => {
          try {
            return await work(this.transactionHandle(t, scope));
          } catch (error) {
            fromWork.thrown = true;
            fromWork.error = error;
            throw error;
          } finally {
            scope.active = false;
          }
        }, 0);
      } catch (e) {
        scope.active = false;
        const byWork = fromWork.thrown && fromWork.error === e;
        const mapped = byWork ? e : mapWxError(e);
        if (isStoreError(mapped, 'STORE.BUSY') && attempt < MAX_TX_ATTEMPTS) {
          await sleep(backoffMs(attempt));
          continue;
        }
        throw mapped;
      }
    }
  }

  // -- Internals -----------------------------------------------------------------------------------------------

  private transactionHandle(t: WxTransaction, scope: { active: boolean }): TransactionStore {
    const live = (): void => {
      if (!scope.active) throw invalid('transaction handle used after its transaction ended');
    };
    return {
      get: async <T extends StoredDoc>(collection: string, id: string) => {
        live();
        return this.getIn<T>(t, collection, id);
      },
      insert: async <T extends StoredDoc>(collection: string, doc: T) => {
        live();
        return this.insertIn(t, collection, doc);
      },
      update: async (collection: string, id: string, ops: UpdateOps, options?: UpdateOptions) => {
        live();
        assertCollection(collection);
        assertId(id);
        const { steps, ifRev } = normalizeUpdate(ops, options);
        const data = this.updateData(steps);
        // Inside a transaction only by-id writes exist: compare the revision read in the same snapshot.
        if (ifRev !== undefined) {
          const current = await this.getIn<StoredDoc>(t, collection, id);
          if (current === null || current._rev !== ifRev) return false;
          data._rev = ifRev + 1;
        }
        if (Object.keys(data).length > 0) {
          try {
            if ((await t.collection(collection).doc(id).update({ data })).stats.updated > 0) return true;
          } catch (e) {
            throw mapWxError(e);
          }
        }
        return (await this.getIn(t, collection, id)) !== null;
      },
      remove: async (collection: string, id: string) => {
        live();
        return this.removeIn(t, collection, id);
      },
    };
  }

  private async getIn<T extends StoredDoc>(source: WxDb | WxTransaction, collection: string, id: string): Promise<T | null> {
    assertCollection(collection);
    assertId(id);
    try {
      const res = await source.collection(collection).doc(id).get();
      return (res.data ?? null) as T | null;
    } catch (e) {
      if (isNotFound(e)) return null;
      throw mapWxError(e);
    }
  }

  private async insertIn(source: WxDb | WxTransaction, collection: string, doc: StoredDoc): Promise<void> {
    assertCollection(collection);
    assertDocument(doc);
    try {
      // A shallow copy is enough: the SDK serialises into new objects and only ever touches top-level `_id`.
      // (No structuredClone: functions are built for Node 16, which lacks it.)
      await source.collection(collection).add({ data: { ...doc } });
    } catch (e) {
      throw mapWxError(e);
    }
  }

  private async removeIn(source: WxDb | WxTransaction, collection: string, id: string): Promise<boolean> {
    assertCollection(collection);
    assertId(id);
    try {
      const res = await source.collection(collection).doc(id).remove();
      return res.stats.removed > 0;
    } catch (e) {
      throw mapWxError(e);
    }
  }

  /**
   * Every value goes through `_.set`: a plain object given to `update` would be flattened into per-key sets
   * (merging instead of replacing, and dropping `{}`), unlike the port's and SQLite's replace semantics.
   */
  private updateData(steps: readonly UpdateStep[]): WxUpdateData {
    const data: WxUpdateData = {};
    for (const s of steps) {
      if (s.kind === 'set') data[s.path] = this.cmd.set(s.value);
      else if (s.kind === 'inc') data[s.path] = this.cmd.inc(s.value);
      else data[s.path] = this.cmd.push(s.value);
    }
    return data;
  }

  private filter(where: readonly Clause[], anyOf: readonly Clause[][] | null): WxFilter | null {
    const parts = where.map((c) => this.clauseFilter(c));
    if (anyOf) parts.push(this.cmd.or(anyOf.map((conj) => this.conjunction(conj))));
    if (parts.length === 0) return null;
    return parts.length === 1 ? parts[0] : this.cmd.and(parts);
  }

  private conjunction(clauses: readonly Clause[]): WxFilter {
    const parts = clauses.map((c) => this.clauseFilter(c));
    if (parts.length === 0) return {};
    return parts.length === 1 ? parts[0] : this.cmd.and(parts);
  }

  private clauseFilter(c: Clause): WxFilter {
    const _ = this.cmd;
    switch (c.op) {
      case 'eq':
        // `$eq: null` matches null and missing, like the SQLite adapter.
        return { [c.field]: _.eq(c.value) };
      case 'ne':
        return { [c.field]: _.neq(c.value) };
      case 'gt':
        return { [c.field]: _.gt(c.value) };
      case 'gte':
        return { [c.field]: _.gte(c.value) };
      case 'lt':
        return { [c.field]: _.lt(c.value) };
      case 'lte':
        return { [c.field]: _.lte(c.value) };
      case 'in':
        return { [c.field]: _.in(c.value) };
      case 'has':
        // MongoDB equality on an array field matches any element.
        return { [c.field]: c.value };
      case 'contains':
        // The SDK refuses an empty pattern; '^' matches every string, as '' does.
        return { [c.field]: this.db.RegExp({ regexp: c.value === '' ? '^' : escapeRegExp(c.value), options: 'i' }) };
    }
  }
}
