import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { resolve } from 'node:path';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { runAction } from '../../cloudfunctions/_lib/action-runner';
import { silentLogger } from '../../cloudfunctions/_lib/deps';
import { ALL_ACTIONS } from '../../tools/local-cloud/all-actions';
import { createLocalDeps } from '../../tools/local-cloud/local-deps';
import { outboxNotifier } from '../../tools/local-cloud/outbox-notifier';
import { openSqliteStore } from '../../tools/local-cloud/sqlite-store';
import { createTestBackend, leadInput, OPENID, type TestBackend } from '../support/test-backend';

const ROOT = resolve(__dirname, '../..');

const lockHolders = new Set<ReturnType<typeof spawn>>();
afterAll(() => {
  for (const child of lockHolders) child.kill('SIGKILL');
});

/** Holds an exclusive write lock on the file from another process until killed; resolves once it holds it. */
const lockFromAnotherProcess = (file: string) =>
  new Promise<{ release(): Promise<void> }>((resolveLock, reject) => {
    const child = spawn(process.execPath, ['-e', `const D=require('better-sqlite3');const db=new D(${JSON.stringify(file)});db.exec('BEGIN EXCLUSIVE');console.log('locked');setInterval(()=>{},1000);`], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    lockHolders.add(child);
    child.stdout.once('data', () =>
      resolveLock({
        release: () =>
          new Promise((done) => {
            child.once('exit', () => done());
            child.kill('SIGKILL');
          }),
      }),
    );
    child.once('error', reject);
  });

const call = (_b: TestBackend, deps: TestBackend['deps'], action: string, input: unknown, openid: string | null) =>
  runAction(ALL_ACTIONS, deps, { openid, appid: null, origin: 'test', requestId: 'fault' }, { action, input });

describe('faults: clear errors, nothing half-written', () => {
  let b: TestBackend;
  beforeEach(async () => {
    b = await createTestBackend();
  });
  afterEach(() => b.close());

  it('a database locked by another process: bounded wait, then STORE.BUSY with a Chinese message; nothing written', async () => {
    const impatient = openSqliteStore(b.file, { busyTimeoutMs: 300 });
    const lock = await lockFromAnotherProcess(b.file);
    try {
      const deps = { ...createLocalDeps(impatient, { clock: () => b.clock.now }), log: silentLogger };
      const started = Date.now();
      const r = await call(b, deps, 'lead.submit', leadInput(), OPENID.investorA);
      expect(r).toMatchObject({ ok: false, error: { code: 'STORE.BUSY', message: '系统繁忙，请稍后重试' } });
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await lock.release();
      await impatient.close();
    }
    expect(await b.store.count(COLLECTIONS.leads.name)).toBe(0);
    expect(await b.store.count(COLLECTIONS.leadEvents.name)).toBe(0);
    // Once the lock is gone the same submission goes through.
    await b.ok('lead.submit', leadInput(), OPENID.investorA);
  }, 30_000);

  it('a read-only database: reads still work, writes fail with STORE.UNAVAILABLE', async () => {
    const readOnly = openSqliteStore(b.file, { readonly: true });
    try {
      const deps = { ...createLocalDeps(readOnly, { clock: () => b.clock.now }), log: silentLogger };
      expect(await call(b, deps, 'card.get', {}, null)).toMatchObject({ ok: true });
      expect(await call(b, deps, 'lead.submit', leadInput(), OPENID.investorA)).toMatchObject({ ok: false, error: { code: 'STORE.UNAVAILABLE', message: '数据服务暂时不可用，请稍后重试' } });
    } finally {
      await readOnly.close();
    }
    expect(await b.store.count(COLLECTIONS.leads.name)).toBe(0);
  });

  it('a full disk mid-stream: the failing lead is rejected whole, every earlier lead is intact', async () => {
    // Cap the file at its current size plus a little: SQLite reports SQLITE_FULL exactly like a full disk.
    const probe = new Database(b.file);
    const current = Number(probe.pragma('page_count', { simple: true }));
    probe.close();
    const capped = openSqliteStore(b.file, { pragmas: [`max_page_count = ${current + 3}`] });
    const deps = { ...createLocalDeps(capped, { clock: () => b.clock.now }), log: silentLogger };
    const accepted: string[] = [];
    let full: unknown = null;
    try {
      for (let i = 0; i < 400 && !full; i += 1) {
        const r = await call(b, deps, 'lead.submit', leadInput({ message: '满'.repeat(500) }), `demo-openid-guest-full-${i}`);
        if (r.ok) accepted.push((r.data as { leadId: string }).leadId);
        else full = r.error;
      }
    } finally {
      await capped.close();
    }
    expect(full).toMatchObject({ code: 'STORE.UNAVAILABLE' });
    expect(accepted.length).toBeGreaterThan(0);
    const stored = await b.store.find<{ _id: string }>(COLLECTIONS.leads.name, { limit: 1000 });
    expect(stored.map((l) => l._id).sort()).toEqual([...accepted].sort());
    // Every stored lead has its created event: no lead without its audit trail.
    expect(await b.store.count(COLLECTIONS.leadEvents.name)).toBe(accepted.length);
  });

  it('a failing notification port never loses the lead; the failure is recorded for retry', async () => {
    const deps = { ...createLocalDeps(b.store, { clock: () => b.clock.now, notifier: outboxNotifier({ failFirst: 100, failWith: 'wx_-1' }) }), log: silentLogger };
    const r = await call(b, deps, 'lead.submit', leadInput(), OPENID.investorA);
    expect(r).toMatchObject({ ok: true });
    expect(await b.store.count(COLLECTIONS.leads.name)).toBe(1);
    const outbox = await b.store.find<{ _id: string; status: string; lastError: string }>(COLLECTIONS.outbox.name, { limit: 5 });
    expect(outbox).toEqual([expect.objectContaining({ status: 'failed', lastError: 'wx_-1' })]);
  });
});

