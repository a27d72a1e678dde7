/**
 * The SLA timer's repository queries and the lead write methods, against both store adapters: SQLite, and the
 * real wx-server-sdk over the fake TCB backend. Same documents, same answers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { purgeExpiredRateCounters } from '../../cloudfunctions/_lib/rate-limit';
import { recordLeadChange, scheduleEscalation } from '../../cloudfunctions/_lib/repositories/lead.repository';
import { findLeadsDueForEscalation, findLeadsDueForFollowUp, findLeadsToSchedule, getStaffByIds, unscheduleDistrictLadder } from '../../cloudfunctions/_lib/repositories/sla-ladder.repository';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import type { DocumentStore } from '../../cloudfunctions/_lib/store/store-port';
import { WxStore } from '../../cloudfunctions/_lib/store/wx-store';
import { openSqliteStore } from '../../tools/local-cloud/sqlite-store';
import { createTestWxDatabase, installFakeTcbBackend, installNetworkGuard, type FakeTcbBackend, type NetworkGuard } from '../support/fake-tcb-backend';

const LEADS = COLLECTIONS.leads.name;

/** Just the fields these queries read. */
const lead = (id: string, sla: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  _id: id,
  districtId: 'd1',
  status: 'new',
  _rev: 1,
  sla: { firstResponseDueAt: '2026-11-30T09:00:00.000Z', firstRespondedAt: null, escalation: 0, ...sla },
  ...extra,
});

const FIXTURE = [
  lead('a-unscheduled', {}), // field missing
  lead('b-unscheduled-null', { nextEscalationAt: null }),
  lead('c-legacy-rung2', { escalation: 2 }),
  lead('d-top', { escalation: 3, nextEscalationAt: null }),
  lead('e-answered', { firstRespondedAt: '2026-11-30T03:00:00.000Z', followUpDueAt: '2026-12-01T00:00:00.000Z' }),
  lead('f-closed', {}, { status: 'contacted' }),
  lead('g-due', { nextEscalationAt: '2026-11-30T09:00:00.000Z' }),
  lead('h-due', { nextEscalationAt: '2026-11-30T09:00:00.000Z' }),
  lead('i-due-earlier', { nextEscalationAt: '2026-11-30T08:00:00.000Z' }),
  lead('j-later', { nextEscalationAt: '2026-12-05T09:00:00.000Z' }),
];

type Adapter = { name: string; open: () => Promise<{ store: DocumentStore; close: () => Promise<void> }> };

let guard: NetworkGuard;
let backend: FakeTcbBackend;
beforeAll(() => {
  guard = installNetworkGuard();
  backend = installFakeTcbBackend();
});
afterAll(() => {
  backend.uninstall();
  guard.uninstall();
});

const ADAPTERS: Adapter[] = [
  {
    name: 'SQLite',
    open: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'investcard-sla-repo-'));
      const store = openSqliteStore(join(dir, 'db.sqlite'));
      return { store, close: async () => (await store.close(), rmSync(dir, { recursive: true, force: true })) };
    },
  },
  {
    name: 'wx-server-sdk over the fake backend',
    open: async () => {
      backend.reset();
      return { store: new WxStore(createTestWxDatabase()), close: async () => expect(backend.openTransactions()).toBe(0) };
    },
  },
];

describe.each(ADAPTERS)('SLA ladder repository on $name', (adapter) => {
  let store: DocumentStore;
  let close: () => Promise<void>;
  beforeEach(async () => {
    ({ store, close } = await adapter.open());
    for (const doc of FIXTURE) await store.insert(LEADS, doc);
  });
  afterEach(() => close());

  it('finds open, unanswered leads below the top that have no due time yet, paged by id', async () => {
    const ids = async (rung: 0 | 1 | 2, after: string | null, limit: number) => (await findLeadsToSchedule(store, rung, after, limit)).map((l) => l._id);
    expect(await ids(0, null, 10)).toEqual(['a-unscheduled', 'b-unscheduled-null']);
    expect(await ids(0, null, 1)).toEqual(['a-unscheduled']);
    expect(await ids(0, 'a-unscheduled', 5)).toEqual(['b-unscheduled-null']);
    expect(await ids(1, null, 10)).toEqual([]);
    expect(await ids(2, null, 10)).toEqual(['c-legacy-rung2']);
  });

  it('finds due leads in due order and pages through equal due times by id', async () => {
    const now = '2026-11-30T10:00:00.000Z';
    const first = await findLeadsDueForEscalation(store, now, null, 2);
    expect(first.map((l) => l._id)).toEqual(['i-due-earlier', 'g-due']);
    const rest = await findLeadsDueForEscalation(store, now, { at: '2026-11-30T09:00:00.000Z', id: 'g-due' }, 2);
    expect(rest.map((l) => l._id)).toEqual(['h-due']);
    expect(await findLeadsDueForEscalation(store, now, { at: '2026-11-30T09:00:00.000Z', id: 'h-due' }, 2)).toEqual([]);
    const fromEarlier = await findLeadsDueForEscalation(store, now, { at: '2026-11-30T08:00:00.000Z', id: 'i-due-earlier' }, 5);
    expect(fromEarlier.map((l) => l._id)).toEqual(['g-due', 'h-due']);
    expect((await findLeadsDueForFollowUp(store, now, null, 10)).map((l) => l._id)).toEqual([]);
    expect((await findLeadsDueForFollowUp(store, '2026-12-01T00:00:00.000Z', null, 10)).map((l) => l._id)).toEqual(['e-answered']);
  });

  it('scheduling sets the due time without touching rev; a recorded change checks rev and writes its events with it', async () => {
    await scheduleEscalation(store, { _id: 'a-unscheduled' }, '2026-12-01T09:00:00.000Z');
    const scheduled = await store.get<ReturnType<typeof lead>>(LEADS, 'a-unscheduled');
    expect(scheduled).toMatchObject({ _rev: 1, sla: { nextEscalationAt: '2026-12-01T09:00:00.000Z', escalation: 0 } });

    const event = { _id: 'ev-1', leadId: 'g-due', districtId: 'd', type: 'sla_reminded', actor: { kind: 'system', staffId: null, name: '系统提醒' }, at: '2026-11-30T10:00:00.000Z' } as never;
    expect(await recordLeadChange(store, { _id: 'g-due' }, { 'sla.escalation': 1 }, [event], 7)).toBe(false);
    expect(await store.count(COLLECTIONS.leadEvents.name)).toBe(0);
    expect(await recordLeadChange(store, { _id: 'g-due' }, { 'sla.escalation': 1 }, [event], 1)).toBe(true);
    expect(await store.get(LEADS, 'g-due')).toMatchObject({ _rev: 2, sla: { escalation: 1 } });
    expect(await store.count(COLLECTIONS.leadEvents.name)).toBe(1);
  });

  it('unscheduling a district takes exactly its scheduled, waiting leads off the schedule', async () => {
    await store.insert(LEADS, lead('k-other-district', { nextEscalationAt: '2026-11-30T09:00:00.000Z' }, { districtId: 'd2' }));
    expect(await unscheduleDistrictLadder(store, 'd1')).toBe(4); // g, h, i, j
    expect((await findLeadsToSchedule(store, 0, null, 20)).map((l) => l._id)).toEqual(['a-unscheduled', 'b-unscheduled-null', 'g-due', 'h-due', 'i-due-earlier', 'j-later']);
    expect((await findLeadsDueForEscalation(store, '2026-12-31T00:00:00.000Z', null, 10)).map((l) => l._id)).toEqual(['k-other-district']);
  });

  it('reads people by id in one request, ignoring blanks and unknown ids', async () => {
    await store.insert(COLLECTIONS.staff.name, { _id: 's1', name: '甲' });
    await store.insert(COLLECTIONS.staff.name, { _id: 's2', name: '乙' });
    const found = await getStaffByIds(store, ['s1', null, 's2', 's1', undefined, 'nobody', '']);
    expect([...found.keys()].sort()).toEqual(['s1', 's2']);
  });

  it('purges expired rate counters only', async () => {
    await store.insert(COLLECTIONS.rateCounters.name, { _id: 'rc_old', count: 1, expiresAt: '2026-11-30T01:00:00.000Z' });
    await store.insert(COLLECTIONS.rateCounters.name, { _id: 'rc_live', count: 1, expiresAt: '2026-11-30T03:00:00.000Z' });
    expect(await purgeExpiredRateCounters(store, new Date('2026-11-30T02:00:00.000Z'), 10)).toBe(1);
    expect((await store.find(COLLECTIONS.rateCounters.name, { limit: 10 })).map((c) => c._id)).toEqual(['rc_live']);
  });
});
