/**
 * The local cloud's DocumentStore: one SQLite table per collection, `(id TEXT PRIMARY KEY, doc TEXT NOT NULL)`,
 * documents stored as JSON, queries compiled to parameterised SQL over `json_extract(doc, '$.path')`.
 *
 * Behaviour is held to the WeChat cloud adapter by tests/contracts/store.contract.ts; where SQLite and MongoDB
 * differ (booleans read back as 1/0, type-bracketed comparisons, null matching missing, sort order of missing
 * values) the SQL below is shaped to give the MongoDB answer.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import Database from 'better-sqlite3';
import { ALL_COLLECTIONS, type CollectionSpec } from '../../cloudfunctions/_lib/store/collections';
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
} from '../../cloudfunctions/_lib/store/store-port';
import { FIELD_PATH, type Clause, type NormalizedFind, type UpdateStep, invalid, isPlainObject, assertCollection, assertId, assertDocument, normalizeWhere, normalizeFind, normalizeUpdate } from '../../cloudfunctions/_lib/store/store-validation';

export interface SqliteStoreOptions {
  /** Collections whose tables and indexes are created up front. Others are created on first use. */
  collections?: readonly CollectionSpec[];
  /** Milliseconds a statement waits for another connection's write lock before STORE.BUSY. Default 5000. */
  busyTimeoutMs?: number;
  /** Open without write access (a reporting replica, or a read-only disk): every write fails with STORE.UNAVAILABLE. */
  readonly?: boolean;
  /** Extra pragmas applied after the defaults, e.g. `max_page_count = 5000` to cap the file size. */
  pragmas?: readonly string[];
}

/** Opens (or creates) the database file, or ':memory:'. Fails with STORE.UNAVAILABLE when it cannot. */
export function openSqliteStore(filePath: string, opts: SqliteStoreOptions = {}): SqliteStore {
  return new SqliteStore(filePath, opts);
}


// ---------------------------------------------------------------------------------------------------------------
// Applying updates. Done in JS inside one write transaction rather than with json_set so that type mismatches
// (inc on a string, push onto a non-array, a path through a scalar) fail like MongoDB instead of being ignored.
// ---------------------------------------------------------------------------------------------------------------

function applySteps(doc: Record<string, unknown>, steps: readonly UpdateStep[]): void {
  for (const step of steps) {
    const parts = step.path.split('.');
    let parent: Record<string, unknown> = doc;
    for (const part of parts.slice(0, -1)) {
      const next = parent[part];
      if (next === undefined) {
        const created: Record<string, unknown> = {};
        parent[part] = created;
        parent = created;
      } else if (isPlainObject(next)) {
        parent = next;
      } else {
        throw invalid(`cannot create field ${step.path}: ${part} is not an object`);
      }
    }
    const leaf = parts[parts.length - 1];
    const current = parent[leaf];
    if (step.kind === 'set') {
      parent[leaf] = structuredClone(step.value);
    } else if (step.kind === 'inc') {
      if (current !== undefined && typeof current !== 'number') throw invalid(`cannot inc ${step.path}: not a number`);
      parent[leaf] = (current ?? 0) + step.value;
    } else {
      if (current !== undefined && !Array.isArray(current)) throw invalid(`cannot push to ${step.path}: not an array`);
      parent[leaf] = [...((current as unknown[] | undefined) ?? []), ...structuredClone(step.value)];
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// SQL compilation. Paths are validated identifiers, so they are spliced as literals: the expressions must be
// textually the ones in CREATE INDEX for the planner to use the indexes. Values are always bound.
// ---------------------------------------------------------------------------------------------------------------

type Bind = string | number | null;

const quoteIdent = (name: string): string => `"${name}"`;
const jsonPath = (field: string): string => `'$.${field}'`;
/** The expression an index on `field` is built on; `_id` is the primary-key column. */
const fieldExpr = (field: string): string => (field === '_id' ? 'id' : `json_extract(doc, ${jsonPath(field)})`);
const typeExpr = (field: string): string => `json_type(doc, ${jsonPath(field)})`;
const bindScalar = (v: Scalar): Bind => (typeof v === 'boolean' ? (v ? 1 : 0) : v);

/** SQL that holds when the field has the JSON type of `v` (MongoDB compares within a type only). */
function sameType(field: string, v: Scalar): string {
  if (field === '_id') return typeof v === 'string' ? '1' : '0';
  if (typeof v === 'string') return `${typeExpr(field)} = 'text'`;
  if (typeof v === 'number') return `${typeExpr(field)} IN ('integer', 'real')`;
  if (typeof v === 'boolean') return `${typeExpr(field)} = '${v ? 'true' : 'false'}'`;
  return '1';
}

/** Equality that never yields SQL NULL (so NOT(...) is safe): `IS` is null-safe and still uses the index. */
function eqSql(field: string, v: Scalar, params: Bind[]): string {
  if (v === null) return `${fieldExpr(field)} IS NULL`;
  params.push(bindScalar(v));
  return `(${fieldExpr(field)} IS ? AND ${sameType(field, v)})`;
}

/** Same typed equality on a json_each row. */
function elementEqSql(v: Exclude<Scalar, null>, params: Bind[]): string {
  if (typeof v === 'boolean') return `e.type = '${v ? 'true' : 'false'}'`;
  params.push(v);
  return typeof v === 'string' ? `(e.type = 'text' AND e.value = ?)` : `(e.type IN ('integer', 'real') AND e.value = ?)`;
}

const escapeLike = (term: string): string => term.replace(/[\\%_]/g, (c) => `\\${c}`);

function clauseSql(c: Clause, params: Bind[]): string {
  const col = fieldExpr(c.field);
  switch (c.op) {
    case 'eq':
      return eqSql(c.field, c.value, params);
    case 'ne':
      return `NOT ${eqSql(c.field, c.value, params)}`;
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const sym = { gt: '>', gte: '>=', lt: '<', lte: '<=' }[c.op];
      params.push(c.value);
      return `(${col} ${sym} ? AND ${sameType(c.field, c.value)})`;
    }
    case 'in': {
      if (c.value.length === 0) return '0';
      const parts: string[] = [];
      for (const kind of ['string', 'number'] as const) {
        const values = c.value.filter((v) => typeof v === kind);
        if (values.length === 0) continue;
        params.push(...values.map(bindScalar));
        parts.push(`(${col} IN (${values.map(() => '?').join(', ')}) AND ${sameType(c.field, values[0])})`);
      }
      for (const v of c.value) if (typeof v === 'boolean' || v === null) parts.push(eqSql(c.field, v, params));
      return `(${parts.join(' OR ')})`;
    }
    case 'has': {
      // Like MongoDB equality on an array field: an element matches, or the field itself when it is a scalar.
      const scalar = eqSql(c.field, c.value, params);
      const element = elementEqSql(c.value as Exclude<Scalar, null>, params);
      return `(${scalar} OR (${typeExpr(c.field)} = 'array' AND EXISTS (SELECT 1 FROM json_each(doc, ${jsonPath(c.field)}) AS e WHERE ${element})))`;
    }
    case 'contains':
      // LIKE folds ASCII case only; the term is literal thanks to ESCAPE. FTS would miss 2-character CJK terms.
      params.push(`%${escapeLike(c.value)}%`);
      return `(${col} LIKE ? ESCAPE '\\' AND ${c.field === '_id' ? '1' : `${typeExpr(c.field)} = 'text'`})`;
  }
}

function conjunctionSql(clauses: readonly Clause[], params: Bind[]): string {
  return clauses.length === 0 ? '1' : clauses.map((c) => clauseSql(c, params)).join(' AND ');
}

function whereSql(where: readonly Clause[], anyOf: readonly Clause[][] | null, params: Bind[]): string {
  const parts: string[] = [];
  if (where.length > 0) parts.push(conjunctionSql(where, params));
  if (anyOf) parts.push(`(${anyOf.map((w) => `(${conjunctionSql(w, params)})`).join(' OR ')})`);
  return parts.length === 0 ? '1' : parts.join(' AND ');
}

function findSql(collection: string, q: NormalizedFind): { sql: string; params: Bind[] } {
  const params: Bind[] = [];
  const where = whereSql(q.where, q.anyOf, params);
  // SQLite sorts NULL (missing or null) first ascending and last descending: the same as MongoDB.
  const order = q.orderBy.length === 0 ? '' : ` ORDER BY ${q.orderBy.map((o) => `${fieldExpr(o.field)} ${o.direction.toUpperCase()}`).join(', ')}`;
  params.push(q.limit);
  return { sql: `SELECT doc FROM ${quoteIdent(collection)} WHERE ${where}${order} LIMIT ?`, params };
}

function indexDdl(collection: string, index: CollectionSpec['indexes'][number]): string {
  const exprs = index.fields.map((f) => {
    if (!FIELD_PATH.test(f)) throw new Error(`collections.ts: invalid index field ${f} on ${collection}`);
    return fieldExpr(f);
  });
  return `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${quoteIdent(`${collection}__${index.name}`)} ON ${quoteIdent(collection)} (${exprs.join(', ')})`;
}

// ---------------------------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------------------------

function mapSqliteError(e: unknown): unknown {
  if (isStoreError(e)) return e;
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  const message = e instanceof Error ? e.message : String(e);
  if (typeof code === 'string') {
    if (/^SQLITE_(BUSY|LOCKED)/.test(code)) return new StoreError('STORE.BUSY', message, { cause: e });
    if (/^SQLITE_(READONLY|FULL|IOERR|CANTOPEN|CORRUPT|NOTADB)/.test(code)) return new StoreError('STORE.UNAVAILABLE', message, { cause: e });
    // A unique index collides like a primary key on WeChat cloud too (E11000): same code on both adapters.
    if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE') return new StoreError('STORE.DUPLICATE_ID', message, { cause: e });
  }
  return e;
}

// ---------------------------------------------------------------------------------------------------------------
// The store
// ---------------------------------------------------------------------------------------------------------------

/** FIFO gate: a transaction holds it across awaits; single statements only wait when it is held. */
class Gate {
  private held = false;
  private readonly waiters: Array<() => void> = [];

  get isHeld(): boolean {
    return this.held;
  }

  acquire(): Promise<void> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  release(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.held = false;
  }
}

/** Marks the async context of a running transaction's `work` so the store can refuse re-entry (a deadlock). */
interface TxScope {
  active: boolean;
  /** An operation inside it failed: the transaction is over (see transactionHandle). */
  failed?: boolean;
}

export class SqliteStore implements DocumentStore {
  private readonly db: Database.Database;
  private readonly gate = new Gate();
  private readonly txScope = new AsyncLocalStorage<TxScope>();
  private readonly tables = new Set<string>();
  /** Tables created inside the open transaction: forgotten again if it rolls back. */
  private pendingTables: Set<string> | null = null;
  private readonly statements = new Map<string, Database.Statement>();
  private closed = false;

  constructor(filePath: string, opts: SqliteStoreOptions = {}) {
    try {
      this.db = new Database(filePath, { readonly: opts.readonly ?? false });
    } catch (e) {
      // better-sqlite3 throws a plain TypeError for a missing directory, SqliteError(SQLITE_CANTOPEN) otherwise.
      throw new StoreError('STORE.UNAVAILABLE', `cannot open ${filePath}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
    try {
      if (!opts.readonly) this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma(`busy_timeout = ${Math.max(0, Math.floor(opts.busyTimeoutMs ?? 5000))}`);
      for (const pragma of opts.pragmas ?? []) this.db.pragma(pragma);
      if (opts.readonly) {
        // Nothing may be created: take the tables as they are (a missing one then fails as unavailable).
        const rows = this.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>;
        for (const row of rows) this.tables.add(row.name);
      } else this.db.transaction(() => {
        for (const spec of opts.collections ?? ALL_COLLECTIONS) {
          this.ensureTable(spec.name);
          for (const index of spec.indexes) this.db.exec(indexDdl(spec.name, index));
        }
      }).immediate();
    } catch (e) {
      this.db.close();
      throw mapSqliteError(e);
    }
  }

  // -- DocumentStore ------------------------------------------------------------------------------------------

  async find<T extends StoredDoc>(collection: string, query: FindQuery): Promise<T[]> {
    assertCollection(collection);
    const { sql, params } = findSql(collection, normalizeFind(query));
    return this.exclusive(() => {
      this.ensureTable(collection);
      return this.stmt<Bind[], { doc: string }>(sql)
        .all(...params)
        .map((row) => JSON.parse(row.doc) as T);
    });
  }

  async count(collection: string, where?: Where): Promise<number> {
    assertCollection(collection);
    const params: Bind[] = [];
    const sql = `SELECT COUNT(*) AS n FROM ${quoteIdent(collection)} WHERE ${whereSql(normalizeWhere(where, 'where'), null, params)}`;
    return this.exclusive(() => {
      this.ensureTable(collection);
      return this.stmt<Bind[], { n: number }>(sql).get(...params)?.n ?? 0;
    });
  }

  get<T extends StoredDoc>(collection: string, id: string): Promise<T | null> {
    return this.exclusive(() => this.getNow<T>(collection, id));
  }

  insert<T extends StoredDoc>(collection: string, doc: T): Promise<void> {
    return this.exclusive(() => this.insertNow(collection, doc));
  }

  update(collection: string, id: string, ops: UpdateOps, options?: UpdateOptions): Promise<boolean> {
    return this.exclusive(() => this.updateNow(collection, id, ops, options));
  }

  remove(collection: string, id: string): Promise<boolean> {
    return this.exclusive(() => this.removeNow(collection, id));
  }

  /**
   * BEGIN IMMEDIATE … COMMIT around `work`, holding the gate so no other operation of this store runs on the
   * connection meanwhile; concurrent transactions therefore run one after another. Rolls back on throw and
   * rethrows the original error.
   */
  async transaction<R>(work: (tx: TransactionStore) => Promise<R>): Promise<R> {
    this.assertUsable();
    await this.gate.acquire();
    const scope: TxScope = { active: true };
    try {
      this.assertOpen();
      try {
        this.db.exec('BEGIN IMMEDIATE');
      } catch (e) {
        throw mapSqliteError(e);
      }
      this.pendingTables = new Set();
      const tx = this.transactionHandle(scope);
      let result: R;
      try {
        result = await this.txScope.run(scope, () => work(tx));
      } catch (e) {
        this.rollback();
        throw e;
      }
      if (scope.failed) {
        // Work swallowed a failure of its own transaction: that transaction is over, it cannot commit.
        this.rollback();
        throw new StoreError('STORE.UNAVAILABLE', 'the transaction was aborted by an earlier failure inside it');
      }
      try {
        this.db.exec('COMMIT');
      } catch (e) {
        this.rollback();
        throw mapSqliteError(e);
      }
      this.pendingTables = null;
      return result;
    } finally {
      scope.active = false;
      this.gate.release();
    }
  }

  // -- Local-cloud extras ------------------------------------------------------------------------------------

  /** EXPLAIN QUERY PLAN of exactly the SQL `find` runs, for benchmarks and index checks. */
  explainFind(collection: string, query: FindQuery): string[] {
    assertCollection(collection);
    this.assertOpen();
    const { sql, params } = findSql(collection, normalizeFind(query));
    this.ensureTable(collection);
    return this.db
      .prepare<Bind[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
      .all(...params)
      .map((row) => row.detail);
  }

  /**
   * Closes the connection: at once when idle (callers may ignore the promise), else after the running
   * transaction. Later calls fail with STORE.UNAVAILABLE.
   */
  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (!this.gate.isHeld) {
      this.closeNow();
      return Promise.resolve();
    }
    return this.gate.acquire().then(() => {
      try {
        this.closeNow();
      } finally {
        this.gate.release();
      }
    });
  }

  // -- Internals -----------------------------------------------------------------------------------------------

  private closeNow(): void {
    if (this.closed) return;
    this.closed = true;
    this.statements.clear();
    this.db.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreError('STORE.UNAVAILABLE', 'the store is closed');
  }

  private assertUsable(): void {
    this.assertOpen();
    // The gate is held by that very transaction: waiting for it would never end.
    if (this.txScope.getStore()?.active) {
      throw invalid('store operation called inside transaction(): use the tx handle passed to work');
    }
  }

  /** Runs a synchronous statement when no transaction holds the connection, else after it. */
  private async exclusive<T>(fn: () => T): Promise<T> {
    this.assertUsable();
    if (this.gate.isHeld) {
      await this.gate.acquire();
      try {
        this.assertOpen();
        return this.guarded(fn);
      } finally {
        this.gate.release();
      }
    }
    return this.guarded(fn);
  }

  private guarded<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      throw mapSqliteError(e);
    }
  }

  private rollback(): void {
    if (this.pendingTables) for (const t of this.pendingTables) this.tables.delete(t);
    this.pendingTables = null;
    try {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
    } catch {
      // SQLite already rolled back (e.g. after SQLITE_FULL); the error that got us here is the one to report.
    }
  }

  /** Prepared once per SQL text: preparing costs about as much as a small insert. */
  private stmt<P extends Bind[], R = unknown>(sql: string): Database.Statement<P, R> {
    let s = this.statements.get(sql);
    if (!s) {
      if (this.statements.size >= 500) this.statements.clear();
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s as Database.Statement<P, R>;
  }

  private transactionHandle(scope: TxScope): TransactionStore {
    // As on WeChat Cloud, the first failure inside a transaction ends it: nothing after it may run, let alone
    // commit (SQLite itself rolls back on some errors, e.g. a full disk, and would run later statements outside).
    const run = async <T>(fn: () => T): Promise<T> => {
      if (!scope.active) throw invalid('transaction handle used after its transaction ended');
      if (scope.failed || !this.db.inTransaction) throw new StoreError('STORE.UNAVAILABLE', 'the transaction was aborted by an earlier failure inside it');
      try {
        return this.guarded(fn);
      } catch (e) {
        scope.failed = true;
        throw e;
      }
    };
    return {
      get: <T extends StoredDoc>(collection: string, id: string) => run(() => this.getNow<T>(collection, id)),
      insert: <T extends StoredDoc>(collection: string, doc: T) => run(() => this.insertNow(collection, doc)),
      update: (collection: string, id: string, ops: UpdateOps, options?: UpdateOptions) => run(() => this.updateNow(collection, id, ops, options)),
      remove: (collection: string, id: string) => run(() => this.removeNow(collection, id)),
    };
  }

  private ensureTable(collection: string): void {
    if (this.tables.has(collection)) return;
    this.db.exec(`CREATE TABLE IF NOT EXISTS ${quoteIdent(collection)} (id TEXT PRIMARY KEY, doc TEXT NOT NULL)`);
    this.tables.add(collection);
    this.pendingTables?.add(collection);
  }

  private getNow<T extends StoredDoc>(collection: string, id: string): T | null {
    assertCollection(collection);
    assertId(id);
    this.ensureTable(collection);
    const row = this.stmt<[string], { doc: string }>(`SELECT doc FROM ${quoteIdent(collection)} WHERE id = ?`).get(id);
    return row ? (JSON.parse(row.doc) as T) : null;
  }

  private insertNow(collection: string, doc: StoredDoc): void {
    assertCollection(collection);
    assertDocument(doc);
    this.ensureTable(collection);
    // One statement in autocommit mode: its own transaction, as the benchmark baseline assumes.
    this.stmt<[string, string]>(`INSERT INTO ${quoteIdent(collection)} (id, doc) VALUES (?, ?)`).run(doc._id, JSON.stringify(doc));
  }

  private updateNow(collection: string, id: string, ops: UpdateOps, options?: UpdateOptions): boolean {
    assertCollection(collection);
    assertId(id);
    const { steps, ifRev } = normalizeUpdate(ops, options);
    this.ensureTable(collection);
    const table = quoteIdent(collection);
    // Read-modify-write under the write lock (a savepoint when already inside a transaction).
    return this.db
      .transaction((): boolean => {
        const row = this.stmt<[string], { doc: string }>(`SELECT doc FROM ${table} WHERE id = ?`).get(id);
        if (!row) return false;
        const doc = JSON.parse(row.doc) as Record<string, unknown>;
        if (ifRev !== undefined && doc._rev !== ifRev) return false;
        applySteps(doc, steps);
        if (ifRev !== undefined) doc._rev = ifRev + 1;
        this.stmt<[string, string]>(`UPDATE ${table} SET doc = ? WHERE id = ?`).run(JSON.stringify(doc), id);
        return true;
      })
      .immediate();
  }

  private removeNow(collection: string, id: string): boolean {
    assertCollection(collection);
    assertId(id);
    this.ensureTable(collection);
    return this.stmt<[string]>(`DELETE FROM ${quoteIdent(collection)} WHERE id = ?`).run(id).changes > 0;
  }
}
