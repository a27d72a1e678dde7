/**
 * The one document-store port. Repositories are written against it once; two adapters implement it:
 * `wx-store.ts` (WeChat cloud database through wx-server-sdk) and the local cloud's `sqlite-store.ts`.
 * Both must pass tests/contracts/store.contract.ts.
 *
 * The port is deliberately small and shaped by the weaker platform (WeChat cloud): filters are a closed
 * subset, every query has a limit, pagination is by key, transactions only touch documents by id.
 */

export type Scalar = string | number | boolean | null;

/** A condition on one field (dotted paths reach into nested objects). A bare scalar means equality. */
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
      /** Array field contains this element. */
      has?: Scalar;
      /** Case-insensitive substring match on a string field (no regex syntax: the term is literal). */
      contains?: string;
    };

export type Where = Record<string, FieldCondition>;

export interface FindQuery {
  /** All conditions must hold. */
  where?: Where;
  /** Optional: at least one of these must also hold (used for keyset pagination on compound sorts). */
  anyOf?: Where[];
  orderBy?: Array<{ field: string; direction: 'asc' | 'desc' }>;
  /** Required: 1..1000. Nothing is ever read unbounded. */
  limit: number;
}

export interface UpdateOps {
  set?: Record<string, unknown>;
  inc?: Record<string, number>;
  /** Append elements to an array field. */
  push?: Record<string, unknown[]>;
}

export interface UpdateOptions {
  /** Optimistic concurrency: only update when the document's `_rev` still equals this; `_rev` is then +1. */
  ifRev?: number;
}

export type StoredDoc = { _id: string } & Record<string, unknown>;

/** Operations allowed inside a transaction: by id only (a WeChat cloud limitation we honour everywhere). */
export interface TransactionStore {
  get<T extends StoredDoc>(collection: string, id: string): Promise<T | null>;
  insert<T extends StoredDoc>(collection: string, doc: T): Promise<void>;
  update(collection: string, id: string, ops: UpdateOps, options?: UpdateOptions): Promise<boolean>;
  remove(collection: string, id: string): Promise<boolean>;
}

export interface DocumentStore extends TransactionStore {
  find<T extends StoredDoc>(collection: string, query: FindQuery): Promise<T[]>;
  count(collection: string, where?: Where): Promise<number>;
  /** Runs `work` atomically; all or nothing. May be retried by the adapter on conflict, so keep it pure I/O. */
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
