/**
 * The one document-store port. Repositories are written against it once; two adapters implement it:
 * `wx-store.ts` (WeChat cloud database through wx-server-sdk) and the local cloud's `sqlite-store.ts`.
 * Both must pass tests/contracts/store.contract.ts.
 *
 * The port is deliberately small and shaped by the weaker platform (WeChat cloud): filters are a closed
 * subset, every query has a limit, pagination is by key, transactions only touch documents by id.
 */

export type Scalar = string | number | boolean | null;

/**
 * A condition on one field (dotted paths reach into nested objects, not into arrays). A bare scalar means
 * equality. Comparisons are typed as on MongoDB: `true` never equals `1`, `gt: 5` never matches the string '6';
 * `null` (bare or `eq`) matches null and missing fields, and `ne` matches documents missing the field.
 * Equality on an array field is not portable: use `has`. Several operators on one field all apply.
 */
export type FieldCondition =
  | Scalar
  | {
      eq?: Scalar;
      ne?: Scalar;
      gt?: string | number;
      gte?: string | number;
      lt?: string | number;
      lte?: string | number;
      in?: Scalar[];
      /** Array field contains this element (or the field is that scalar). Not null. */
      has?: Scalar;
      /**
       * Case-insensitive substring match on a string field (no regex syntax: the term is literal). Case folding
       * is guaranteed for ASCII only (SQLite LIKE); CJK terms of any length match.
       */
      contains?: string;
    };

export type Where = Record<string, FieldCondition>;

export interface FindQuery {
  /** All conditions must hold. */
  where?: Where;
  /** Optional: at least one of these must also hold (used for keyset pagination on compound sorts). */
  anyOf?: Where[];
  /** Missing and null values sort first ascending, last descending. Add `_id` last for a total order. */
  orderBy?: Array<{ field: string; direction: 'asc' | 'desc' }>;
  /** Required: 1..1000. Nothing is ever read unbounded. */
  limit: number;
}

/**
 * Paths may be dotted; missing parents are created. One update may not touch a path twice or a path and its
 * parent, nor `_id`. `set` replaces the value (objects included, no merge); `inc` on a missing field starts from
 * 0. `inc` on a non-number, `push` onto a non-array or a path through a non-object fail with
 * STORE.INVALID_QUERY and change nothing. Values must be plain JSON (no Date, NaN, undefined in arrays).
 */
export interface UpdateOps {
  set?: Record<string, unknown>;
  inc?: Record<string, number>;
  /** Append elements to an array field. */
  push?: Record<string, unknown[]>;
}

export interface UpdateOptions {
  /**
   * Optimistic concurrency: only update when the document's `_rev` still equals this; `_rev` is then +1 (and ops
   * may not touch it). A document without `_rev` never matches. Without ifRev, `_rev` changes only if ops set it.
   */
  ifRev?: number;
}

export type StoredDoc = { _id: string } & Record<string, unknown>;

/** Operations allowed inside a transaction: by id only (a WeChat cloud limitation we honour everywhere). */
export interface TransactionStore {
  get<T extends StoredDoc>(collection: string, id: string): Promise<T | null>;
  /** Fails with STORE.DUPLICATE_ID when `_id` exists. */
  insert<T extends StoredDoc>(collection: string, doc: T): Promise<void>;
  /** True when the document exists (and `ifRev` matched), even if nothing changed; false otherwise. */
  update(collection: string, id: string, ops: UpdateOps, options?: UpdateOptions): Promise<boolean>;
  /** True when a document was removed. */
  remove(collection: string, id: string): Promise<boolean>;
}

export interface DocumentStore extends TransactionStore {
  find<T extends StoredDoc>(collection: string, query: FindQuery): Promise<T[]>;
  count(collection: string, where?: Where): Promise<number>;
  /**
   * Runs `work` atomically; all or nothing. May be retried by the adapter on conflict, so keep it pure I/O.
   * Inside `work` use only `tx` (calling the store itself fails on SQLite, where it would deadlock); `tx` is dead
   * once the transaction ends. An error thrown by `work` rolls back and comes out unchanged; conflicts that
   * outlast the retries fail with STORE.BUSY.
   */
  transaction<R>(work: (tx: TransactionStore) => Promise<R>): Promise<R>;
}

/** Typed failures every adapter maps its native errors onto. */
export type StoreErrorCode = 'STORE.DUPLICATE_ID' | 'STORE.BUSY' | 'STORE.UNAVAILABLE' | 'STORE.INVALID_QUERY';

export class StoreError extends Error {
  readonly code: StoreErrorCode;
  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message);
    this.name = 'StoreError';
    this.code = code;
    if (options?.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }
}

export const isStoreError = (e: unknown, code?: StoreErrorCode): e is StoreError =>
  e instanceof Error && e.name === 'StoreError' && (code === undefined || (e as StoreError).code === code);

export const MAX_FIND_LIMIT = 1000;
