import { runSlaTick } from '../../cloudfunctions/sla-timer/run-sla-tick';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { createTestBackend, OPENID, type TestBackend } from '../support/test-backend';

/** closing-17: abandoned photo chunks (and import files read long ago) were never cleaned. */
describe('the timer drops upload chunks nobody finished with', () => {
  let b: TestBackend;
  beforeEach(async () => {
    b = await createTestBackend();
  });
  afterEach(() => b.close());
  const chunks = () => b.store.count(COLLECTIONS.importChunks.name);
  const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]).toString('base64');

  it('keeps a day-old upload for its apply, then drops it — photo chunks and import files alike', async () => {
    await b.ok('admin.carrier.photoChunk', { carrierId: 'building-001', uploadId: 'ph_abandoned0000001', index: 0, total: 2, chunk: PNG }, OPENID.admin);
    await b.ok('admin.import.upload', { uploadId: 'up_staffimportold01', index: 0, total: 1, chunk: Buffer.from('姓名,手机\n张三,13900139000\n').toString('base64') }, OPENID.admin);
    expect(await chunks()).toBe(2);
    b.clock.advanceHours(23);
    await b.ok('admin.import.upload', { uploadId: 'up_staffimportnew01', index: 0, total: 1, chunk: 'AAAA' }, OPENID.admin);
    expect((await runSlaTick(b.deps)).uploadChunksDropped).toBe(0);
    expect(await chunks()).toBe(3);
    b.clock.advanceHours(2);
    expect((await runSlaTick(b.deps)).uploadChunksDropped).toBe(2);
    expect(await b.store.get(COLLECTIONS.importChunks.name, 'up_staffimportnew01:0')).not.toBeNull();
    expect(await chunks()).toBe(1);
    // Dropped means gone for the import too: it says the upload is missing, it reads nothing.
    expect(await b.call('admin.staff.import', { uploadId: 'up_staffimportold01', fileName: '人员.csv', mode: 'dry_run' }, OPENID.admin)).toMatchObject({ ok: false, error: { code: 'IMPORT.UPLOAD_NOT_FOUND' } });
  });

  it('is bounded: a backlog is cleared over several calls, oldest first', async () => {
    for (let i = 0; i < 5; i += 1) {
      await b.ok('admin.import.upload', { uploadId: `up_backlog${String(i).padStart(9, '0')}`, index: 0, total: 1, chunk: 'AAAA' }, OPENID.admin);
      b.clock.advanceHours(1);
    }
    b.clock.advanceHours(24);
    const { dropStaleChunks } = await import('../../cloudfunctions/_lib/repositories/import-chunk.repository');
    expect(await dropStaleChunks(b.store, b.clock.now, 2, () => false)).toBe(2);
    expect(await b.store.get(COLLECTIONS.importChunks.name, 'up_backlog000000000:0')).toBeNull();
    expect(await b.store.get(COLLECTIONS.importChunks.name, 'up_backlog000000004:0')).not.toBeNull();
    expect(await dropStaleChunks(b.store, b.clock.now, 2, () => false)).toBe(2);
    expect(await dropStaleChunks(b.store, b.clock.now, 2, () => false)).toBe(1);
    expect(await chunks()).toBe(0);
  });
});
