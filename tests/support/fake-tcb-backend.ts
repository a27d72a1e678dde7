/**
 * TEST CODE ONLY. An in-process fake of the WeChat cloud (TCB) database backend, so the real wx-server-sdk runs
 * unmodified in tests without ever reaching Tencent.
 *
 * Choke point: wx-server-sdk 4.0.2 → @cloudbase/node-sdk 3.17.2, whose `newDb()` sets
 * `Db.reqClass = TcbDBApiHttpRequester` (dist/utils/tcbdbapirequester.js); every database action of
 * @cloudbase/database 1.4.3 (queries, writes, transactions) is `new Db.reqClass(config).send(action, params)`.
 * We replace `TcbDBApiHttpRequester.prototype.send` and answer like the backend would: EJSON in and out,
 * queries evaluated by mingo, errors thrown as the SDK's own TcbError (what its HTTP requester does with a
 * `code` in the response). tests/contracts/wx-sdk-canary.test.ts fails loudly if any of this moves.
 *
 * Transactions follow the backend's model: snapshot reads, first writer wins (a write to a document another
 * open transaction wrote, or that changed since the snapshot, fails with DATABASE_TRANSACTION_CONFLICT), writes
 * visible only on commit; non-transactional writes wait for a transaction holding the document.
 *
 * As strict as the real service (docs/wechat-platform.md «The cloud database, as strict as it really is»):
 * - a collection exists only when declared (what a deployed environment has: `collections` option, from
 *   cloudfunctions/_lib/store/collections.ts) or created with `db.createCollection`; anything else answers
 *   -502005 «Db or Table not exist»;
 * - the first error inside a transaction aborts it: its later operations and its commit fail;
 * - a transaction not ended within 30 s (`transactionTimeoutMs`) is ended by the service with
 *   DATABASE_TRANSACTION_FAIL and holds its locks until then; ordinary writes to a locked document wait;
 * - every request can take `latencyMs` (a round trip to the database);
 * - every find and count must be served by an index declared for its collection, else the request fails and the
 *   query is recorded (`unindexedQueries`, `assertAllQueriesIndexed()`), naming the collection, filter and sort.
 *
 * Every request is traced with its *wave*: 1 + the highest wave among requests answered before it was sent, so
 * the cost of an action (requests, reads, writes, critical path) can be read off `requests` (see cloud-cost.ts).
 */
import dns from 'node:dns';
import net from 'node:net';
import { dirname } from 'node:path';
import { find as mingoFind, Query as MingoQuery } from 'mingo';
import { update as mingoUpdate, type UpdateExpression } from 'mingo/updater';
import { ALL_COLLECTIONS, type CollectionSpec } from '../../cloudfunctions/_lib/store/collections';
import type { WxDatabase } from '../../cloudfunctions/_lib/store/wx-store';

/** The versions this fake was written against. The canary test compares them with what is installed. */
export const PINNED_VERSIONS = { 'wx-server-sdk': '4.0.2', '@cloudbase/node-sdk': '3.17.2', '@cloudbase/database': '1.4.3' } as const;

/** Every action the SDK may send that this fake answers. Anything else fails with "not implemented". */
export const FAKE_ACTIONS = [
  'database.getDocument',
  'database.calculateDocument',
  'database.insertDocument',
  'database.modifyDocument',
  'database.removeDocument',
  'database.addCollection',
  'database.startTransaction',
  'database.commitTransaction',
  'database.abortTransaction',
] as const;

type Doc = Record<string, unknown> & { _id: string };
type Params = Record<string, unknown>;
type Reply = Record<string, unknown>;

interface RequesterPrototype {
  send(this: { config: unknown }, api: string, data?: Params, opts?: unknown): Promise<unknown>;
}

/** Just what we use of bson 4 (the copy @cloudbase/database depends on). */
interface Bson {
  EJSON: { parse(text: string, options?: { relaxed?: boolean }): unknown; stringify(value: unknown, options?: { relaxed?: boolean }): string };
}

// -- Locating the SDK internals: with this module's own `require`, which under jest is the test file's module
// registry (so they are the very instances the SDK loaded there) and under tsx (the bench) Node's; resolved from
// wx-server-sdk's own location.

const wxSdkDir = (): string => dirname(require.resolve('wx-server-sdk/package.json'));
const nodeSdkDir = (): string => dirname(require.resolve('@cloudbase/node-sdk/package.json', { paths: [wxSdkDir()] }));
const databaseDir = (): string => dirname(require.resolve('@cloudbase/database/package.json', { paths: [nodeSdkDir()] }));

/** The module holding the class whose `send` we replace. */
export const loadRequesterModule = (): { TcbDBApiHttpRequester: { prototype: RequesterPrototype } } =>
  // A deep import into a package without typings for it: typed as the one member we touch.
  require(require.resolve('@cloudbase/node-sdk/dist/utils/tcbdbapirequester', { paths: [wxSdkDir()] })) as { TcbDBApiHttpRequester: { prototype: RequesterPrototype } };

/** The SDK's own "a response carried `code`" path: throws its TcbError (code + message). */
const loadProcessReturn = (): ((result: Reply) => unknown) =>
  (require(require.resolve('@cloudbase/node-sdk/dist/utils/utils', { paths: [wxSdkDir()] })) as { processReturn: (r: Reply) => unknown }).processReturn;

const loadBson = (): Bson => require(require.resolve('bson', { paths: [databaseDir()] })) as Bson;

// -- Helpers ------------------------------------------------------------------------------------------------

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof RegExp);

const typeName = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' ? (Number.isInteger(v) ? 'int' : 'double') : typeof v === 'object' ? 'object' : typeof v);

/** EJSON gives BSONRegExp for `$regularExpression`; mingo wants a RegExp. */
function reviveRegExps(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reviveRegExps);
  if (typeof v === 'object' && v !== null) {
    const r = v as { _bsontype?: unknown; pattern?: unknown; options?: unknown };
    if (r._bsontype === 'BSONRegExp' && typeof r.pattern === 'string') {
      return new RegExp(r.pattern, String(r.options ?? '').replace(/[^gimsuy]/g, ''));
    }
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, reviveRegExps(x)]));
  }
  return v;
}

const key = (collection: string, id: string): string => `${collection}\u0000${id}`;
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

class BackendError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The backend's wordings, as wx-server-sdk surfaces them (its code table turns the code into errCode). */
export const FAKE_ERRORS = {
  /** errCode -502005. */
  collectionMissing: { code: 'DATABASE_COLLECTION_NOT_EXIST', message: '[ResourceNotFound] Db or Table not exist. Please check your request, but if the problem cannot be solved, contact us.' },
  collectionExists: { code: 'DATABASE_COLLECTION_ALREADY_EXIST', message: '[ResourceInUse] Table exist.' },
  conflict: { code: 'DATABASE_TRANSACTION_CONFLICT', message: '[ResourceUnavailable.TransactionConflict] Transaction is conflicting with another transaction, please retry' },
  /** A transaction the service has ended: aborted by an error inside it, or past its 30 s. */
  transactionEnded: {
    code: 'DATABASE_TRANSACTION_FAIL',
    message: '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, it may be caused by TTL or commit/abort already, please retry',
  },
} as const;

const conflict = (): BackendError => new BackendError(FAKE_ERRORS.conflict.code, FAKE_ERRORS.conflict.message);
const transactionEnded = (): BackendError => new BackendError(FAKE_ERRORS.transactionEnded.code, FAKE_ERRORS.transactionEnded.message);

interface Tx {
  id: string;
  startedAt: number;
  /** The commit clock when it started: a document written (committed) since then is newer than its snapshot. */
  startClock: number;
  /** Copy-on-write snapshot: each document's state at the start, captured when a commit first changes it. */
  preImages: Map<string, Doc | null>;
  writes: Map<string, Doc | null>;
}

/**
 * A collection that exists from the start. `indexes: 'unchecked'` opts a test-only collection (the store contract
 * suite's) out of the index check by name; deployed collections always come with their declared indexes.
 */
export type FakeCollection = CollectionSpec | { name: string; indexes: 'unchecked' };

export interface FakeTcbOptions {
  /**
   * Collections the environment has before the first request. Default: a deployed environment's, exactly the
   * collections list (cloudfunctions/_lib/store/collections.ts, which README's deploy steps and indexes.json follow).
   */
  collections?: readonly FakeCollection[];
  /** The service ends a transaction this long after it started (real: 30 s). */
  transactionTimeoutMs?: number;
  /** Time every request takes before it is answered. */
  latencyMs?: number;
}

/** One request as the SDK sent it, with where it sat on the critical path. */
export interface TracedRequest {
  action: string;
  params: Params;
  collection: string | null;
  /** 1 + the highest wave among requests answered before this one was sent (since the last `beginTrace`). */
  wave: number;
  answered: boolean;
}

/** What `installFakeTcbBackend` returns. */
export interface FakeTcbBackend {
  /** Committed documents of the collections that exist, then by `_id`. Tests may read or seed it; treat documents as immutable. */
  readonly collections: Map<string, Map<string, Doc>>;
  /** Every action the SDK sent, in order, since the last reset or `beginTrace`. */
  readonly requests: TracedRequest[];
  /** Finds and counts no declared index serves, described (collection, filter, sort). */
  readonly unindexedQueries: string[];
  /** Fails the next `times` requests of `action` with this backend error (as the SDK would receive it). */
  failNext(action: string, error: { code: string; message: string }, times?: number): void;
  /** Transactions started and not yet committed, aborted or ended by the service. */
  openTransactions(): number;
  /** Changes the per-request latency from now on. */
  setLatency(ms: number): void;
  /** Starts a new trace: clears `requests` and the wave count (call before each measured action). */
  beginTrace(): void;
  /** The highest wave answered so far in this trace: the critical path up to now (× a latency = modelled time). */
  answeredWaves(): number;
  /** Throws, naming every query no declared index served since the last reset. */
  assertAllQueriesIndexed(): void;
  /** Back to the declared collections, empty; no transactions, requests, failures or recorded queries. */
  reset(): void;
  /** Restores the SDK's real transport and the environment. */
  uninstall(): void;
}

// -- Which index serves a query ----------------------------------------------------------------------------------

type Constraint = 'eq' | 'range' | 'other';

/** Top-level AND conditions of a MongoDB filter by field; `$or` branches and `$nor` are residual filters. */
const constraintsOf = (filter: Record<string, unknown>, into = new Map<string, Constraint>()): Map<string, Constraint> => {
  const note = (field: string, c: Constraint): void => {
    const prev = into.get(field);
    if (prev === 'eq' || (prev === 'range' && c === 'other')) return;
    into.set(field, c);
  };
  for (const [k, v] of Object.entries(filter)) {
    if (k === '$and' && Array.isArray(v)) {
      for (const part of v) if (isPlainObject(part)) constraintsOf(part, into);
      continue;
    }
    if (k.startsWith('$')) continue;
    if (!isPlainObject(v) || !Object.keys(v).some((op) => op.startsWith('$'))) {
      note(k, 'eq');
      continue;
    }
    for (const op of Object.keys(v)) {
      if (op === '$eq' || op === '$in') note(k, 'eq');
      else if (['$gt', '$gte', '$lt', '$lte'].includes(op)) note(k, 'range');
      else note(k, 'other');
    }
  }
  return into;
};

/**
 * MongoDB's rule, simplified: an index is used when the filter constrains its first field (or there is no filter
 * and it provides the sort); it provides the sort when the sort fields (minus fields fixed by equality) are a run
 * of its fields, in one direction, preceded only by equality-bound fields. `_id` is always indexed.
 */
const served = (indexes: readonly (readonly string[])[], filter: Record<string, unknown>, order: Record<string, unknown>): boolean => {
  const cs = constraintsOf(filter);
  if (cs.get('_id') === 'eq') return true;
  const usable = [...cs].filter(([, c]) => c !== 'other').map(([f]) => f);
  const sort = Object.entries(order).filter(([f]) => cs.get(f) !== 'eq');
  const directions = new Set(sort.map(([, d]) => Number(d) > 0));
  return [...indexes, ['_id']].some((fields) => {
    if (usable.length > 0 && !usable.includes(fields[0])) return false;
    if (usable.length === 0 && cs.size > 0 && sort.length === 0) return false;
    if (sort.length === 0) return true;
    if (directions.size > 1) return false;
    for (let p = 0; p + sort.length <= fields.length; p++) {
      if (fields.slice(0, p).some((f) => cs.get(f) !== 'eq')) break;
      if (sort.every(([f], i) => fields[p + i] === f)) return true;
    }
    return false;
  });
};

/** The `_id`s a filter pins its result to (top-level equality or `$in`, possibly inside `$and`), or null. */
const idsOf = (filter: Record<string, unknown>): string[] | null => {
  const v = filter._id;
  if (typeof v === 'string') return [v];
  if (isPlainObject(v) && Object.keys(v).length === 1) {
    if (typeof v.$eq === 'string') return [v.$eq];
    if (Array.isArray(v.$in) && v.$in.every((x): x is string => typeof x === 'string')) return v.$in;
  }
  if (Array.isArray(filter.$and)) {
    for (const part of filter.$and) {
      const ids = isPlainObject(part) ? idsOf(part) : null;
      if (ids) return ids;
    }
  }
  return null;
};

let installed: FakeTcbBackend | null = null;

/** Replaces the SDK's database transport in this module registry. Call before using the SDK. */
export function installFakeTcbBackend(options: FakeTcbOptions = {}): FakeTcbBackend {
  if (installed) throw new Error('fake TCB backend is already installed in this test file');
  const proto = loadRequesterModule().TcbDBApiHttpRequester.prototype;
  const originalSend = proto.send;
  const processReturn = loadProcessReturn();
  const { EJSON } = loadBson();
  const declared = new Map<string, FakeCollection['indexes']>((options.collections ?? ALL_COLLECTIONS).map((c) => [c.name, c.indexes]));
  const created = new Map<string, FakeCollection['indexes']>();
  const transactionTimeoutMs = options.transactionTimeoutMs ?? 30_000;
  let latencyMs = options.latencyMs ?? 0;

  const collections = new Map<string, Map<string, Doc>>();
  const versions = new Map<string, number>();
  const locks = new Map<string, string>();
  const txs = new Map<string, Tx>();
  /** Transactions the service ended on its own (an error inside, or the timeout): what their later requests hear. */
  const ended = new Set<string>();
  const requests: TracedRequest[] = [];
  const unindexedQueries: string[] = [];
  const faults: Array<{ action: string; error: { code: string; message: string } }> = [];
  let maxAnsweredWave = 0;
  /** Bumped by beginTrace: an answer to a request of an earlier trace does not count in the new one. */
  let trace = 0;
  let clock = 0;
  let seq = 0;

  const createDeclared = (): void => {
    for (const name of declared.keys()) collections.set(name, new Map());
  };
  createDeclared();

  const table = (name: string): Map<string, Doc> => {
    const t = collections.get(name);
    if (!t) throw new BackendError(FAKE_ERRORS.collectionMissing.code, FAKE_ERRORS.collectionMissing.message);
    return t;
  };
  const encode = (doc: unknown): string => EJSON.stringify(doc, { relaxed: false });
  const decode = (text: unknown): unknown => (typeof text === 'string' && text !== '' ? EJSON.parse(text) : {});
  const filterOf = (text: unknown): Record<string, unknown> => {
    const q = reviveRegExps(decode(text));
    return isPlainObject(q) ? q : {};
  };

  const end = (tx: Tx): void => {
    for (const [k, holder] of locks) if (holder === tx.id) locks.delete(k);
    txs.delete(tx.id);
  };
  /** The service ends a transaction: its locks go, and every later request of it fails. */
  const kill = (tx: Tx): void => {
    end(tx);
    ended.add(tx.id);
  };
  const expireOld = (): void => {
    const now = Date.now();
    for (const tx of [...txs.values()]) if (now - tx.startedAt >= transactionTimeoutMs) kill(tx);
  };

  const txOf = (params: Params): Tx | null => {
    const id = params.transactionId;
    if (id === undefined || id === null || id === '') return null;
    expireOld();
    const tx = txs.get(String(id));
    if (!tx) {
      if (ended.has(String(id))) throw transactionEnded();
      throw new BackendError('DATABASE_REQUEST_FAILED', `[ResourceNotFound.Transaction] transaction ${String(id)} does not exist or has ended`);
    }
    return tx;
  };

  /** One document as a request sees it: committed, or as of its transaction's start plus that transaction's writes. */
  const docIn = (tx: Tx | null, collection: string, id: string): Doc | undefined => {
    const t = table(collection);
    if (!tx) return t.get(id);
    const k = key(collection, id);
    if (tx.writes.has(k)) return tx.writes.get(k) ?? undefined;
    if (tx.preImages.has(k)) return tx.preImages.get(k) ?? undefined;
    return t.get(id);
  };

  /** The documents a filter can match, as the request sees them; only those it names when it pins `_id`. */
  const candidates = (tx: Tx | null, collection: string, filter: Record<string, unknown>): Doc[] => {
    const pinned = idsOf(filter);
    const ids = pinned ? new Set(pinned) : new Set(table(collection).keys());
    if (!pinned && tx) {
      for (const k of [...tx.preImages.keys(), ...tx.writes.keys()]) {
        const [c, id] = k.split('\u0000');
        if (c === collection) ids.add(id);
      }
    }
    if (!pinned && !tx) return [...table(collection).values()];
    return [...ids].map((id) => docIn(tx, collection, id)).filter((d): d is Doc => d !== undefined);
  };

  /** First writer wins: the document must be unchanged since the snapshot and not held by another transaction. */
  const claim = (tx: Tx, collection: string, id: string): void => {
    const k = key(collection, id);
    const holder = locks.get(k);
    if ((holder !== undefined && holder !== tx.id) || (versions.get(k) ?? 0) > tx.startClock) throw conflict();
    locks.set(k, tx.id);
  };

  const write = (tx: Tx | null, collection: string, id: string, doc: Doc | null): void => {
    if (tx) {
      claim(tx, collection, id);
      tx.writes.set(key(collection, id), doc);
      return;
    }
    const k = key(collection, id);
    const before = table(collection).get(id) ?? null;
    for (const open of txs.values()) if (!open.preImages.has(k)) open.preImages.set(k, before);
    if (doc) table(collection).set(id, doc);
    else table(collection).delete(id);
    versions.set(k, (clock += 1));
  };

  /**
   * Non-transactional writes queue behind a transaction holding the document, as on MongoDB: until it commits,
   * aborts, dies of an error or is ended by the service at its timeout. No invented deadline of our own.
   */
  const waitForLocks = async (collection: string, ids: string[], tx: Tx | null): Promise<void> => {
    if (tx) return;
    for (;;) {
      expireOld();
      if (!ids.some((id) => locks.has(key(collection, id)))) return;
      await sleep(2);
    }
  };

  const matching = (docs: readonly Doc[], filter: Record<string, unknown>): Doc[] => {
    const q = new MingoQuery(filter);
    return docs.filter((d) => q.test(d));
  };

  const indexesOf = (collection: string): FakeCollection['indexes'] => declared.get(collection) ?? created.get(collection) ?? [];

  /** A find or count no declared index serves fails, and is recorded so the test can name it. */
  const checkIndexed = (what: 'find' | 'count', collection: string, filter: Record<string, unknown>, order: Record<string, unknown>): void => {
    const indexes = indexesOf(collection);
    if (indexes === 'unchecked') return;
    if (served(indexes.map((i) => i.fields), filter, order)) return;
    const described = `${collection}.${what} where ${JSON.stringify(filter)}${Object.keys(order).length ? ` orderBy ${JSON.stringify(order)}` : ''}`;
    unindexedQueries.push(described);
    throw new BackendError(
      'DATABASE_REQUEST_FAILED',
      `fake TCB backend: no index declared for "${collection}" serves ${described}; declare one in cloudfunctions/_lib/store/collections.ts`,
    );
  };

  /** MongoDB's refusals that mingo would silently paper over, with MongoDB's wording. */
  const checkUpdatable = (doc: Doc, ops: Record<string, unknown>): void => {
    for (const [op, fields] of Object.entries(ops)) {
      if (!['$set', '$inc', '$push', '$unset'].includes(op)) throw new BackendError('DATABASE_REQUEST_FAILED', `fake TCB backend: update operator ${op} is not implemented`);
      if (!isPlainObject(fields)) continue;
      for (const path of Object.keys(fields)) {
        const parts = path.split('.');
        let parent: Record<string, unknown> | undefined = doc;
        for (let i = 0; i < parts.length - 1 && parent; i++) {
          const next: unknown = parent[parts[i]];
          if (next === undefined) parent = undefined;
          else if (isPlainObject(next)) parent = next;
          else throw new BackendError('DATABASE_REQUEST_FAILED', `Cannot create field '${parts[i + 1]}' in element {${parts[i]}: ${JSON.stringify(next)}}`);
        }
        const current = parent?.[parts[parts.length - 1]];
        if (current === undefined) continue;
        if (op === '$inc' && typeof current !== 'number') {
          throw new BackendError('DATABASE_REQUEST_FAILED', `Cannot apply $inc to a value of non-numeric type. {_id: "${doc._id}"} has the field '${path}' of non-numeric type ${typeName(current)}`);
        }
        if (op === '$push' && !Array.isArray(current)) {
          throw new BackendError('DATABASE_REQUEST_FAILED', `The field '${path}' must be an array but is of type ${typeName(current)} in document {_id: "${doc._id}"}`);
        }
      }
    }
  };

  /** Applies an update; returns the new document, or null when nothing changed (the backend's `updated` counts changes). */
  const applyUpdate = (doc: Doc, data: Record<string, unknown>, merge: boolean): Doc | null => {
    if (!merge) return { ...(structuredClone(data) as Record<string, unknown>), _id: doc._id };
    const ops: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(data)) {
      if (k.startsWith('$')) ops[k] = v;
      else ops.$set = { ...(ops.$set as Record<string, unknown> | undefined), [k]: v };
    }
    checkUpdatable(doc, ops);
    const next = structuredClone(doc);
    for (const [op, fields] of Object.entries(ops)) {
      try {
        mingoUpdate(next, { [op]: fields } as UpdateExpression);
      } catch (e) {
        throw new BackendError('DATABASE_REQUEST_FAILED', e instanceof Error ? e.message : String(e));
      }
    }
    return JSON.stringify(next) === JSON.stringify(doc) ? null : next;
  };

  const handlers: Record<string, (p: Params) => Promise<Reply>> = {
    'database.addCollection': async (p) => {
      const name = String(p.collectionName);
      if (collections.has(name)) throw new BackendError(FAKE_ERRORS.collectionExists.code, FAKE_ERRORS.collectionExists.message);
      collections.set(name, new Map());
      // A new collection has only the _id index until someone creates more in the console.
      if (!declared.has(name)) created.set(name, []);
      return {};
    },

    'database.getDocument': async (p) => {
      const tx = txOf(p);
      const collection = String(p.collectionName);
      if (tx && p.queryType !== 'DOC') throw new BackendError('DATABASE_REQUEST_FAILED', 'only document operations by _id are allowed in a transaction');
      const order = decode(p.order);
      const sort = isPlainObject(order) ? order : {};
      const filter = filterOf(p.query);
      const docs = candidates(tx, collection, filter);
      if (p.queryType !== 'DOC') checkIndexed('find', collection, filter, sort);
      const offset = typeof p.offset === 'number' ? p.offset : 0;
      const limit = Math.min(typeof p.limit === 'number' ? p.limit : 100, 1000);
      let cursor = mingoFind<Doc>(docs, filter, isPlainObject(decode(p.projection)) ? (decode(p.projection) as Record<string, unknown>) : undefined);
      if (Object.keys(sort).length > 0) cursor = cursor.sort(sort as Record<string, 1 | -1>);
      const list = cursor.skip(offset).limit(limit).all();
      return { data: { list: list.map(encode) }, limit, offset };
    },

    'database.calculateDocument': async (p) => {
      const collection = String(p.collectionName);
      const filter = filterOf(p.query);
      const docs = candidates(txOf(p), collection, filter);
      checkIndexed('count', collection, filter, {});
      return { data: { total: matching(docs, filter).length } };
    },

    'database.insertDocument': async (p) => {
      const tx = txOf(p);
      const collection = String(p.collectionName);
      table(collection);
      const docs = (Array.isArray(p.data) ? p.data : []).map((text) => {
        const doc = decode(text) as Doc;
        if (doc._id === undefined) doc._id = `fake${(seq += 1).toString(16).padStart(28, '0')}`;
        return doc;
      });
      await waitForLocks(collection, docs.map((d) => String(d._id)), tx);
      for (const doc of docs) {
        const id = String(doc._id);
        if (docIn(tx, collection, id) !== undefined) {
          throw new BackendError(
            'DATABASE_REQUEST_FAILED',
            `[FailedOperation] multiple write errors: [{write errors: [{E11000 duplicate key error collection: test-env.${collection} index: _id_ dup key: { : "${id}" }}]}, {<nil>}]`,
          );
        }
        write(tx, collection, id, doc);
      }
      return { data: { insertedIds: docs.map((d) => d._id) } };
    },

    'database.modifyDocument': async (p) => {
      const tx = txOf(p);
      const collection = String(p.collectionName);
      const data = decode(p.data);
      if (!isPlainObject(data)) throw new BackendError('INVALID_PARAM', 'update data must be an object');
      const filter = filterOf(p.query);
      const multi = p.multi !== false;
      for (;;) {
        const targets = matching(candidates(tx, collection, filter), filter).slice(0, multi ? undefined : 1);
        const held = targets.some((d) => locks.has(key(collection, d._id)));
        if (!tx && held) {
          await waitForLocks(collection, targets.map((d) => d._id), tx);
          continue;
        }
        // All checked before any is written: one failing document leaves every document as it was.
        const changes = targets.map((doc) => [doc, applyUpdate(doc, data, p.merge !== false)] as const);
        let updated = 0;
        for (const [doc, next] of changes) {
          if (!next) continue;
          write(tx, collection, doc._id, next);
          updated += 1;
        }
        let upsertId: string | null = null;
        if (targets.length === 0 && p.upsert === true && typeof filter._id === 'string') {
          upsertId = filter._id;
          write(tx, collection, upsertId, { ...(structuredClone(data) as Record<string, unknown>), _id: upsertId });
        }
        return { data: { updated, upsert_id: upsertId } };
      }
    },

    'database.removeDocument': async (p) => {
      const tx = txOf(p);
      const collection = String(p.collectionName);
      const filter = filterOf(p.query);
      const multi = p.multi !== false;
      for (;;) {
        const targets = matching(candidates(tx, collection, filter), filter).slice(0, multi ? undefined : 1);
        if (!tx && targets.some((d) => locks.has(key(collection, d._id)))) {
          await waitForLocks(collection, targets.map((d) => d._id), tx);
          continue;
        }
        for (const doc of targets) write(tx, collection, doc._id, null);
        return { data: { deleted: targets.length } };
      }
    },

    'database.startTransaction': async () => {
      const id = `fake-tx-${(seq += 1)}`;
      txs.set(id, { id, startedAt: Date.now(), startClock: clock, preImages: new Map(), writes: new Map() });
      return { transactionId: id };
    },

    'database.commitTransaction': async (p) => {
      const tx = txOf(p);
      if (!tx) throw new BackendError('INVALID_PARAM', 'transactionId is required');
      for (const [k, doc] of tx.writes) {
        const [collection, id] = k.split('\u0000');
        write(null, collection, id, doc);
      }
      end(tx);
      return {};
    },

    'database.abortTransaction': async (p) => {
      const tx = txOf(p);
      if (!tx) throw new BackendError('INVALID_PARAM', 'transactionId is required');
      end(tx);
      return {};
    },
  };

  async function fakeSend(this: { config: unknown }, api: string, data?: Params): Promise<unknown> {
    const params: Params = { ...(data ?? {}) };
    const traced: TracedRequest = { action: api, params, collection: typeof params.collectionName === 'string' ? params.collectionName : null, wave: maxAnsweredWave + 1, answered: false };
    requests.push(traced);
    const ofTrace = trace;
    // A network hop: lets concurrent requests interleave as they would for real, and takes `latencyMs`.
    await (latencyMs > 0 ? sleep(latencyMs) : nextTurn());
    const requestId = `fake-req-${(seq += 1)}`;
    let reply: Reply;
    try {
      const faultAt = faults.findIndex((f) => f.action === api);
      if (faultAt >= 0) {
        const [fault] = faults.splice(faultAt, 1);
        throw new BackendError(fault.error.code, fault.error.message);
      }
      const handler = handlers[api];
      if (!handler) throw new BackendError('INVALID_PARAM', `fake TCB backend: action ${api} is not implemented`);
      reply = { requestId, ...(await handler(params)) };
    } catch (e) {
      if (!(e instanceof BackendError)) throw e;
      // An error inside a transaction aborts it on the service: nothing of it can be used or committed any more.
      const open = params.transactionId ? txs.get(String(params.transactionId)) : undefined;
      if (open) kill(open);
      reply = { requestId, code: e.code, message: e.message };
    } finally {
      traced.answered = true;
      if (ofTrace === trace) maxAnsweredWave = Math.max(maxAnsweredWave, traced.wave);
    }
    // The real requester hands a response with `code` to processReturn, which throws the SDK's TcbError.
    return reply.code ? processReturn(reply) : reply;
  }

  const env = { TENCENTCLOUD: process.env.TENCENTCLOUD, TENCENTCLOUD_SECRETID: process.env.TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY: process.env.TENCENTCLOUD_SECRETKEY };
  // TENCENTCLOUD=true stops CloudBase.init() from probing http://metadata.tencentyun.com to detect its platform;
  // the fake credentials stop any credential lookup. Neither is ever sent anywhere: the transport is ours.
  process.env.TENCENTCLOUD = 'true';
  process.env.TENCENTCLOUD_SECRETID = 'fake-secret-id';
  process.env.TENCENTCLOUD_SECRETKEY = 'fake-secret-key';
  proto.send = fakeSend;

  const backend: FakeTcbBackend = {
    collections,
    requests,
    unindexedQueries,
    failNext(action, error, times = 1) {
      for (let i = 0; i < times; i++) faults.push({ action, error });
    },
    openTransactions: () => {
      expireOld();
      return txs.size;
    },
    setLatency(ms) {
      latencyMs = ms;
    },
    beginTrace() {
      requests.length = 0;
      maxAnsweredWave = 0;
      trace += 1;
    },
    answeredWaves: () => maxAnsweredWave,
    assertAllQueriesIndexed() {
      if (unindexedQueries.length > 0) {
        throw new Error(`queries no declared index serves (add them to cloudfunctions/_lib/store/collections.ts):\n  ${[...new Set(unindexedQueries)].join('\n  ')}`);
      }
    },
    reset() {
      collections.clear();
      created.clear();
      createDeclared();
      versions.clear();
      locks.clear();
      txs.clear();
      ended.clear();
      requests.length = 0;
      unindexedQueries.length = 0;
      faults.length = 0;
      maxAnsweredWave = 0;
      trace += 1;
    },
    uninstall() {
      proto.send = originalSend;
      for (const [name, value] of Object.entries(env)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      installed = null;
    },
  };
  installed = backend;
  return backend;
}

/** `cloud.database()` of the real wx-server-sdk, initialised for env 'test-env', talking to the installed fake. */
export function createTestWxDatabase(): WxDatabase {
  if (!installed) throw new Error('call installFakeTcbBackend() before createTestWxDatabase(): the SDK would reach Tencent');
  // Loaded only now, after the transport is replaced; typed by the adapter's own view of the SDK.
  const cloud = require('wx-server-sdk') as { init(config: { env: string }): void; database(): WxDatabase };
  cloud.init({ env: 'test-env' });
  return cloud.database();
}

/** `host:port` from Socket#connect's arguments: (port, host), (options) or Node's normalized [[options, cb]]. */
function describeTarget(args: unknown[]): string {
  const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
  if (typeof first === 'object' && first !== null) {
    const o = first as { host?: unknown; hostname?: unknown; path?: unknown; port?: unknown };
    const host = [o.host, o.hostname, o.path].find((v) => typeof v === 'string') ?? 'localhost';
    return `${String(host)}:${typeof o.port === 'number' || typeof o.port === 'string' ? o.port : ''}`;
  }
  return `${typeof args[1] === 'string' ? args[1] : 'localhost'}:${typeof first === 'number' || typeof first === 'string' ? first : ''}`;
}

/** Records and refuses every outgoing TCP connection and DNS lookup while installed. */
export interface NetworkGuard {
  readonly attempts: string[];
  uninstall(): void;
}

export function installNetworkGuard(): NetworkGuard {
  const attempts: string[] = [];
  const socketProto = net.Socket.prototype as unknown as { connect: (...args: unknown[]) => unknown };
  const originalConnect = socketProto.connect;
  const originalLookup = dns.lookup;
  const refuse = (what: string): Error => {
    attempts.push(what);
    return new Error(`network access attempted in a test: ${what}`);
  };
  // http, https, tls and net clients all end in Socket#connect.
  socketProto.connect = function guardedConnect(...args: unknown[]): unknown {
    throw refuse(`connect ${describeTarget(args)}`);
  };
  (dns as { lookup: unknown }).lookup = (hostname: string, ...rest: unknown[]): void => {
    const callback = rest[rest.length - 1];
    const error = refuse(`dns.lookup ${hostname}`);
    if (typeof callback === 'function') process.nextTick(() => (callback as (e: Error) => void)(error));
  };
  return {
    attempts,
    uninstall() {
      socketProto.connect = originalConnect;
      (dns as { lookup: unknown }).lookup = originalLookup;
    },
  };
}
