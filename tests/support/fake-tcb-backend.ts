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
 */
import dns from 'node:dns';
import net from 'node:net';
import { dirname } from 'node:path';
import { find as mingoFind, Query as MingoQuery } from 'mingo';
import { update as mingoUpdate, type UpdateExpression } from 'mingo/updater';
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

// -- Locating the SDK internals: through jest's module registry (requireActual), so they are the very instances
// the SDK loaded in this test file, resolved from wx-server-sdk's own location.

const wxSdkDir = (): string => dirname(require.resolve('wx-server-sdk/package.json'));
const nodeSdkDir = (): string => dirname(require.resolve('@cloudbase/node-sdk/package.json', { paths: [wxSdkDir()] }));
const databaseDir = (): string => dirname(require.resolve('@cloudbase/database/package.json', { paths: [nodeSdkDir()] }));

/** The module holding the class whose `send` we replace. */
export const loadRequesterModule = (): { TcbDBApiHttpRequester: { prototype: RequesterPrototype } } =>
  // A deep import into a package without typings for it: typed as the one member we touch.
  jest.requireActual<{ TcbDBApiHttpRequester: { prototype: RequesterPrototype } }>(
    require.resolve('@cloudbase/node-sdk/dist/utils/tcbdbapirequester', { paths: [wxSdkDir()] }),
  );

/** The SDK's own "a response carried `code`" path: throws its TcbError (code + message). */
const loadProcessReturn = (): ((result: Reply) => unknown) =>
  jest.requireActual<{ processReturn: (r: Reply) => unknown }>(require.resolve('@cloudbase/node-sdk/dist/utils/utils', { paths: [wxSdkDir()] })).processReturn;

const loadBson = (): Bson => jest.requireActual<Bson>(require.resolve('bson', { paths: [databaseDir()] }));

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

const conflict = (): BackendError =>
  new BackendError('DATABASE_TRANSACTION_CONFLICT', '[ResourceUnavailable.TransactionConflict] Transaction is conflicting with another transaction, please retry');

interface Tx {
  id: string;
  snapshot: Map<string, Map<string, Doc>>;
  snapshotVersions: Map<string, number>;
  writes: Map<string, Doc | null>;
}

/** What `installFakeTcbBackend` returns. */
export interface FakeTcbBackend {
  /** Committed documents by collection, then by `_id`. Tests may read or seed it; treat documents as immutable. */
  readonly collections: Map<string, Map<string, Doc>>;
  /** Every action the SDK sent, in order. */
  readonly requests: Array<{ action: string; params: Params }>;
  /** Fails the next `times` requests of `action` with this backend error (as the SDK would receive it). */
  failNext(action: string, error: { code: string; message: string }, times?: number): void;
  /** Transactions started and not yet committed or aborted. */
  openTransactions(): number;
  /** Empties collections, open transactions, the request log and pending failures. */
  reset(): void;
  /** Restores the SDK's real transport and the environment. */
  uninstall(): void;
}

let installed: FakeTcbBackend | null = null;

/** Replaces the SDK's database transport in this test file's module registry. Call before using the SDK. */
export function installFakeTcbBackend(): FakeTcbBackend {
  if (installed) throw new Error('fake TCB backend is already installed in this test file');
  const proto = loadRequesterModule().TcbDBApiHttpRequester.prototype;
  const originalSend = proto.send;
  const processReturn = loadProcessReturn();
  const { EJSON } = loadBson();

  const collections = new Map<string, Map<string, Doc>>();
  const versions = new Map<string, number>();
  const locks = new Map<string, string>();
  const txs = new Map<string, Tx>();
  const requests: Array<{ action: string; params: Params }> = [];
  const faults: Array<{ action: string; error: { code: string; message: string } }> = [];
  let clock = 0;
  let seq = 0;

  const table = (name: string): Map<string, Doc> => {
    let t = collections.get(name);
    if (!t) collections.set(name, (t = new Map()));
    return t;
  };
  const encode = (doc: unknown): string => EJSON.stringify(doc, { relaxed: false });
  const decode = (text: unknown): unknown => (typeof text === 'string' && text !== '' ? EJSON.parse(text) : {});
  const filterOf = (text: unknown): Record<string, unknown> => {
    const q = reviveRegExps(decode(text));
    return isPlainObject(q) ? q : {};
  };
  const txOf = (params: Params): Tx | null => {
    const id = params.transactionId;
    if (id === undefined || id === null || id === '') return null;
    const tx = txs.get(String(id));
    if (!tx) throw new BackendError('DATABASE_REQUEST_FAILED', `[ResourceNotFound.Transaction] transaction ${String(id)} does not exist or has ended`);
    return tx;
  };

  /** The documents a request sees: the committed state, or a transaction's snapshot plus its own writes. */
  const view = (tx: Tx | null, collection: string): Map<string, Doc> => {
    if (!tx) return table(collection);
    const merged = new Map(tx.snapshot.get(collection) ?? []);
    for (const [k, doc] of tx.writes) {
      const [c, id] = k.split('\u0000');
      if (c !== collection) continue;
      if (doc) merged.set(id, doc);
      else merged.delete(id);
    }
    return merged;
  };

  /** First writer wins: the document must be unchanged since the snapshot and not held by another transaction. */
  const claim = (tx: Tx, collection: string, id: string): void => {
    const k = key(collection, id);
    const holder = locks.get(k);
    if ((holder !== undefined && holder !== tx.id) || (versions.get(k) ?? 0) !== (tx.snapshotVersions.get(k) ?? 0)) throw conflict();
    locks.set(k, tx.id);
  };

  const write = (tx: Tx | null, collection: string, id: string, doc: Doc | null): void => {
    if (tx) {
      claim(tx, collection, id);
      tx.writes.set(key(collection, id), doc);
      return;
    }
    const k = key(collection, id);
    if (doc) table(collection).set(id, doc);
    else table(collection).delete(id);
    versions.set(k, (clock += 1));
  };

  /** Non-transactional writes queue behind a transaction holding the document, as on MongoDB. */
  const waitForLocks = async (collection: string, ids: string[], tx: Tx | null): Promise<void> => {
    if (tx) return;
    const deadline = Date.now() + 3000;
    while (ids.some((id) => locks.has(key(collection, id)))) {
      if (Date.now() > deadline) throw conflict();
      await sleep(1);
    }
  };

  const matching = (docs: Map<string, Doc>, filter: Record<string, unknown>): Doc[] => {
    const q = new MingoQuery(filter);
    return [...docs.values()].filter((d) => q.test(d));
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
      table(String(p.collectionName));
      return {};
    },

    'database.getDocument': async (p) => {
      const tx = txOf(p);
      const collection = String(p.collectionName);
      if (tx && p.queryType !== 'DOC') throw new BackendError('DATABASE_REQUEST_FAILED', 'only document operations by _id are allowed in a transaction');
      const order = decode(p.order);
      const offset = typeof p.offset === 'number' ? p.offset : 0;
      const limit = Math.min(typeof p.limit === 'number' ? p.limit : 100, 1000);
      let cursor = mingoFind<Doc>([...view(tx, collection).values()], filterOf(p.query), isPlainObject(decode(p.projection)) ? (decode(p.projection) as Record<string, unknown>) : undefined);
      if (isPlainObject(order) && Object.keys(order).length > 0) cursor = cursor.sort(order as Record<string, 1 | -1>);
      const list = cursor.skip(offset).limit(limit).all();
      return { data: { list: list.map(encode) }, limit, offset };
    },

    'database.calculateDocument': async (p) => {
      const collection = String(p.collectionName);
      return { data: { total: matching(view(txOf(p), collection), filterOf(p.query)).length } };
    },

    'database.insertDocument': async (p) => {
      const tx = txOf(p);
      const collection = String(p.collectionName);
      const docs = (Array.isArray(p.data) ? p.data : []).map((text) => {
        const doc = decode(text) as Doc;
        if (doc._id === undefined) doc._id = `fake${(seq += 1).toString(16).padStart(28, '0')}`;
        return doc;
      });
      await waitForLocks(collection, docs.map((d) => String(d._id)), tx);
      for (const doc of docs) {
        const id = String(doc._id);
        if (view(tx, collection).has(id)) {
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
        const targets = matching(view(tx, collection), filter).slice(0, multi ? undefined : 1);
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
        const targets = matching(view(tx, collection), filter).slice(0, multi ? undefined : 1);
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
      const snapshot = new Map([...collections].map(([name, t]) => [name, new Map(t)] as const));
      txs.set(id, { id, snapshot, snapshotVersions: new Map(versions), writes: new Map() });
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

  const end = (tx: Tx): void => {
    for (const [k, holder] of locks) if (holder === tx.id) locks.delete(k);
    txs.delete(tx.id);
  };

  async function fakeSend(this: { config: unknown }, api: string, data?: Params): Promise<unknown> {
    const params: Params = { ...(data ?? {}) };
    requests.push({ action: api, params });
    await nextTurn(); // a network hop: lets concurrent requests interleave as they would for real
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
      reply = { requestId, code: e.code, message: e.message };
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
    failNext(action, error, times = 1) {
      for (let i = 0; i < times; i++) faults.push({ action, error });
    },
    openTransactions: () => txs.size,
    reset() {
      collections.clear();
      versions.clear();
      locks.clear();
      txs.clear();
      requests.length = 0;
      faults.length = 0;
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
  const cloud = jest.requireActual<{ init(config: { env: string }): void; database(): WxDatabase }>('wx-server-sdk');
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
