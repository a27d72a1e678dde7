/**
 * The deploy check against the strict fake cloud database, driven through the real wx-server-sdk: an environment
 * missing some collections gets them created (and is told which indexes to add); a complete one is left alone.
 */
import { ALL_COLLECTIONS, COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { WxStore } from '../../cloudfunctions/_lib/store/wx-store';
import { checkCloudDeployment, type DeployCheckDb } from '../../tools/cloud-deploy-check';
import { createTestWxDatabase, installFakeTcbBackend, installNetworkGuard, type FakeTcbBackend, type NetworkGuard } from '../support/fake-tcb-backend';

const MISSING: string[] = [COLLECTIONS.audit.name, COLLECTIONS.viewCounts.name];

describe('cloud deploy check', () => {
  let guard: NetworkGuard;
  let backend: FakeTcbBackend;
  let db: DeployCheckDb;

  beforeAll(() => {
    guard = installNetworkGuard();
    // An environment set up by hand from an older list: two collections were never created.
    backend = installFakeTcbBackend({ collections: ALL_COLLECTIONS.filter((c) => !MISSING.includes(c.name)) });
    db = createTestWxDatabase() as unknown as DeployCheckDb;
  });
  afterAll(() => {
    backend.uninstall();
    guard.uninstall();
  });

  test('creates the missing collections and lists the indexes they still need; the rest are to confirm', async () => {
    const store = new WxStore(createTestWxDatabase());
    await expect(store.count(COLLECTIONS.viewCounts.name, { cardId: 'x' })).rejects.toMatchObject({ code: 'STORE.UNAVAILABLE' });

    const report = await checkCloudDeployment(db);
    expect(report.created.sort()).toEqual([...MISSING].sort());
    expect(report.failed).toEqual([]);
    expect(report.existing).toHaveLength(ALL_COLLECTIONS.length - MISSING.length);
    expect(report.missingIndexes).toEqual(
      expect.arrayContaining([
        { collection: 'view_counts', index: 'by_card_day', fields: ['cardId', 'day'], unique: false },
        { collection: 'audit_log', index: 'by_lead', fields: ['leadId', 'at'], unique: false },
      ]),
    );
    expect(report.missingIndexes.every((i) => MISSING.includes(i.collection))).toBe(true);
    expect(report.toConfirm.some((i) => i.collection === 'leads' && i.index === 'by_handler')).toBe(true);
    // Created for real: writes now land.
    await store.insert(COLLECTIONS.audit.name, { _id: 'a1', leadId: 'l1', at: '2026-11-30T00:00:00.000Z' });
    expect(await store.get(COLLECTIONS.audit.name, 'a1')).toMatchObject({ leadId: 'l1' });

    const again = await checkCloudDeployment(db);
    expect(again.created).toEqual([]);
    expect(again.missingIndexes).toEqual([]);
    expect(again.existing).toHaveLength(ALL_COLLECTIONS.length);
  });

  test('a collection the service cannot answer for is reported, not created', async () => {
    backend.failNext('database.getDocument', { code: 'SYS_ERR', message: 'internal error' });
    const report = await checkCloudDeployment(db, [COLLECTIONS.leads]);
    expect(report.failed).toEqual([{ collection: 'leads', error: expect.stringContaining('internal error') }]);
    expect(report.created).toEqual([]);
  });

  test('never touched the network', () => {
    expect(guard.attempts).toEqual([]);
  });
});
