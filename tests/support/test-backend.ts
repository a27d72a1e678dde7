import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActionResult } from '../../domain/common/result';
import { runAction } from '../../cloudfunctions/_lib/action-runner';
import { silentLogger, type Deps, type Notifier } from '../../cloudfunctions/_lib/deps';
import { createLocalDeps } from '../../tools/local-cloud/local-deps';
import { ALL_ACTIONS } from '../../tools/local-cloud/all-actions';
import { openSqliteStore, type SqliteStore } from '../../tools/local-cloud/sqlite-store';
import { seedIfEmpty } from '../../tools/seed/seed-store';

/** Identities of the demo seed, as the trusted context would carry them. */
export const OPENID = {
  anonymous: null,
  investorA: 'demo-openid-investor-a',
  investorB: 'demo-openid-investor-b',
  head: 'demo-openid-head',
  commissioner: 'demo-openid-commissioner',
  investLeader: 'demo-openid-invest-leader',
  tech: 'demo-openid-tech',
  commerce: 'demo-openid-commerce',
  edu: 'demo-openid-edu',
  street: 'demo-openid-street',
  park: 'demo-openid-park',
  admin: 'demo-openid-admin',
  wangshanAdmin: 'demo-openid-wangshan-admin',
  cityAdmin: 'demo-openid-city-admin',
  carrierManager: 'demo-openid-carrier-manager',
} as const;

export interface TestBackend {
  deps: Deps;
  store: SqliteStore;
  file: string;
  clock: { now: Date; set(iso: string): void; advanceHours(h: number): void };
  call<T = unknown>(action: string, input: unknown, openid: string | null): Promise<ActionResult<T>>;
  /** Calls and unwraps a success, failing the test with the error otherwise. */
  ok<T = Record<string, unknown>>(action: string, input: unknown, openid: string | null): Promise<T>;
  close(): Promise<void>;
}

/** Use cases on a real SQLite file with the demo district seeded and a controllable clock. */
export const createTestBackend = async (options: { now?: string; notifier?: Notifier; seed?: boolean } = {}): Promise<TestBackend> => {
  const dir = mkdtempSync(join(tmpdir(), 'investcard-test-'));
  const file = join(dir, 'test.sqlite');
  const store = openSqliteStore(file);
  const clock = {
    now: new Date(options.now ?? '2026-11-30T02:00:00.000Z'), // Monday 10:00 in China
    set(iso: string) {
      clock.now = new Date(iso);
    },
    advanceHours(h: number) {
      clock.now = new Date(clock.now.getTime() + h * 3600_000);
    },
  };
  const deps = createLocalDeps(store, { clock: () => clock.now, notifier: options.notifier, log: silentLogger });
  if (options.seed !== false) await seedIfEmpty(store, clock.now);
  let n = 0;
  const call = <T>(action: string, input: unknown, openid: string | null) =>
    runAction(ALL_ACTIONS, deps, { openid, appid: null, origin: 'test', requestId: `t${(n += 1)}` }, { action, input }) as Promise<ActionResult<T>>;
  return {
    deps,
    store,
    file,
    clock,
    call,
    async ok<T>(action: string, input: unknown, openid: string | null) {
      const r = await call<T>(action, input, openid);
      if (!r.ok) throw new Error(`${action} failed: ${r.error.code} ${r.error.message} ${JSON.stringify(r.error.fields ?? [])}`);
      return r.data;
    },
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

let keyCounter = 0;
/** A valid lead submission; override any part. */
export const leadInput = (overrides: Record<string, unknown> = {}) => ({
  idempotencyKey: `test-key-${Date.now().toString(36)}-${(keyCounter += 1).toString().padStart(6, '0')}`,
  contact: { name: '李先生', company: '云帆智能科技有限公司', phone: '+86 139-0013-9000' },
  need: { industry: '人工智能', scale: '10m_50m', carrierType: 'building', areaMin: 500, areaMax: 1500 },
  message: '计划在长三角设立研发中心，想了解楼宇租金与人才政策。',
  source: { channel: 'chat', cardId: 'card-staff-head' },
  consent: { agreed: true, noticeVersion: '2026-11' },
  ...overrides,
});
