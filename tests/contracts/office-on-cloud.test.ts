import { createCostHarness, type CostHarness } from '../support/cloud-cost';

/**
 * The district office's reads through wx-server-sdk over the strict fake: every query must be served by a declared
 * index, as on WeChat Cloud (SQLite answers any query, so only this shows a missing index).
 */
const ADMIN = 'demo-openid-admin';

describe('the district office on WeChat Cloud (strict fake)', () => {
  let h: CostHarness;
  beforeAll(async () => {
    h = await createCostHarness();
  });
  afterAll(() => h.close());

  it.each([
    ['admin.home', {}],
    ['admin.district.get', { districtId: 'demo-linjiang' }],
    ['admin.org.get', { districtId: 'demo-linjiang' }],
    ['admin.carrier.list', { districtId: 'demo-linjiang' }],
    ['admin.audit.list', {}],
    ['admin.handover.preview', { staffId: 'staff-commissioner' }],
  ])('%s answers, every query served by a declared index', async (action, input) => {
    const { result } = await h.measure(action, input, ADMIN);
    expect({ action, result: result.ok ? 'ok' : result.error.code, unindexed: h.backend.unindexedQueries }).toEqual({ action, result: 'ok', unindexed: [] });
  });

  it('a carrier manager’s handover (the carrier and its lead participations) is served by declared indexes', async () => {
    const { result } = await h.measure('admin.handover.start', { staffId: 'staff-carrier-manager', successorStaffId: 'staff-park' }, ADMIN);
    expect({ result: result.ok ? (result.data as { status: string }).status : result.error.code, unindexed: h.backend.unindexedQueries }).toEqual({ result: 'done', unindexed: [] });
  });

  it('the timer finds carrier photos whose check never answered through a declared index, re-requests once, then takes them off', async () => {
    let traces = 0;
    h.deps.mediaCheck = { submit: async () => ({ kind: 'pending', traceId: `trace-cloud-${(traces += 1)}` }) };
    const bytes = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(56, 7)]);
    const upload = { carrierId: 'building-001', uploadId: 'ph_cloud00000000001', index: 0, total: 1, chunk: bytes.toString('base64') };
    expect((await h.measure('admin.carrier.photoChunk', upload, ADMIN)).result).toMatchObject({ ok: true });
    expect((await h.measure('admin.carrier.photoAdd', { carrierId: 'building-001', source: { kind: 'chunks', uploadId: upload.uploadId, total: 1 } }, ADMIN)).result).toMatchObject({ ok: true });
    h.clock.now = new Date(h.clock.now.getTime() + 25 * 3600_000);
    expect((await h.measureSlaTick()).report).toMatchObject({ photoChecksRetried: 1, photoChecksTimedOut: 0 });
    h.clock.now = new Date(h.clock.now.getTime() + 25 * 3600_000);
    expect((await h.measureSlaTick()).report).toMatchObject({ photoChecksRetried: 0, photoChecksTimedOut: 1 });
    expect(traces).toBe(2);
    expect(h.backend.unindexedQueries).toEqual([]);
  });
});
