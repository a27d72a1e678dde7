import type { MediaCheck } from '../../cloudfunctions/_lib/deps';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { applyMediaCheckVerdict, TIMER_ACTOR } from '../../cloudfunctions/admin/carrier-photo';
import { expireStalePhotoChecks } from '../../cloudfunctions/sla-timer/photo-check-timeout-step';
import { runSlaTick } from '../../cloudfunctions/sla-timer/run-sla-tick';
import type { Carrier } from '../../domain/carrier/carrier.schema';
import { createTestBackend, OPENID, type TestBackend } from '../support/test-backend';

const PNG_HEAD = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const png = (size = 64) => Buffer.concat([Buffer.from(PNG_HEAD), Buffer.alloc(Math.max(0, size - PNG_HEAD.length), 7)]);
const CARRIER = 'building-001';
let uploads = 0;

type Review = { ref: string; status: string; reason: string | null };
type AuditRow = { _id: string; action: string; actorName: string; staffId: string | null; before: unknown; after: unknown; target: { kind: string; id: string } };

describe('a carrier photo whose verdict never arrives (issue 13, office gap 1)', () => {
  let b: TestBackend;
  let submitted: Array<[string, string, string | null]>;
  let traces: number;
  beforeEach(async () => {
    b = await createTestBackend();
    submitted = [];
    traces = 0;
    // WeChat's check as deployed: always pending; the verdict would come by message push (here: never, unless sent).
    b.deps.mediaCheck = { submit: async (...args) => (submitted.push(args), { kind: 'pending', traceId: `trace-${(traces += 1)}` }) } satisfies MediaCheck;
  });
  afterEach(() => b.close());

  const send = async (size = 64) => {
    const id = `ph_${String((uploads += 1)).padStart(16, '0')}`;
    await b.ok('admin.carrier.photoChunk', { carrierId: CARRIER, uploadId: id, index: 0, total: 1, chunk: png(size).toString('base64') }, OPENID.admin);
    return b.ok<{ reviews: Review[] }>('admin.carrier.photoAdd', { carrierId: CARRIER, source: { kind: 'chunks', uploadId: id, total: 1 } }, OPENID.admin);
  };
  const publicPhotos = async () => (await b.ok<{ photos: string[] }>('carrier.get', { carrierId: CARRIER }, null)).photos;
  const editorReviews = async () => (await b.ok<{ photoReviews: Review[] }>('admin.carrier.get', { carrierId: CARRIER }, OPENID.admin)).photoReviews;
  const stored = () => b.store.get<Carrier>(COLLECTIONS.carriers.name, CARRIER);
  const checks = async () => (await b.store.find<{ _id: string; attempt?: number }>(COLLECTIONS.photoChecks.name, { where: { createdAt: { lt: '9999' } }, orderBy: [{ field: 'createdAt', direction: 'asc' }, { field: '_id', direction: 'asc' }], limit: 50 })).map((c) => [c._id, c.attempt]);
  const photoAudit = async () =>
    (await b.store.find<AuditRow>(COLLECTIONS.audit.name, { where: { districtId: (await stored())?.districtId as string }, orderBy: [{ field: 'at', direction: 'asc' }], limit: 500 }))
      .filter((a) => a.action.startsWith('carrier.photo_'))
      .map((a) => [a.action, a.actorName, a.after]);
  const fileOf = (ref: string) => b.deps.files.fileIdOf(ref) as string;

  it('re-requests the check once after 24 h, and when that times out too takes the photo off with a reason the office sees; never shown, audited', async () => {
    const before = await publicPhotos();
    const sent = await send();
    const ref = sent.reviews[0].ref;
    const fileId = fileOf(ref);
    expect(submitted).toHaveLength(1);

    // 23 h: still within the bound — nothing happens.
    b.clock.advanceHours(23);
    expect(await runSlaTick(b.deps)).toMatchObject({ photoChecksRetried: 0, photoChecksTimedOut: 0 });
    expect(submitted).toHaveLength(1);

    // Past 24 h: the same file is sent to the check again, for the uploader, under a new trace id.
    b.clock.advanceHours(1.1);
    expect(await runSlaTick(b.deps)).toMatchObject({ photoChecksRetried: 1, photoChecksTimedOut: 0 });
    expect(submitted).toHaveLength(2);
    expect(submitted[1][0]).toBe(fileId);
    expect(submitted[1][2]).toBe(OPENID.admin);
    expect(await checks()).toEqual([['trace-2', 2]]);
    expect((await stored())?.photoReviews).toEqual([expect.objectContaining({ ref, status: 'reviewing', traceId: 'trace-2' })]);
    expect(await publicPhotos()).toEqual(before);
    // A late verdict for the first request is no longer ours: ignored, the photo stays hidden.
    expect(await applyMediaCheckVerdict(b.deps, { traceId: 'trace-1', outcome: 'pass' })).toBe('unknown');
    expect(await publicPhotos()).toEqual(before);
    // The next ticks within the second bound leave it alone, and do not send it a third time.
    b.clock.advanceHours(23);
    expect(await runSlaTick(b.deps)).toMatchObject({ photoChecksRetried: 0, photoChecksTimedOut: 0 });

    // The second request times out too: taken off, the file deleted, the office told why.
    b.clock.advanceHours(1.1);
    expect(await runSlaTick(b.deps)).toMatchObject({ photoChecksRetried: 0, photoChecksTimedOut: 1 });
    expect(submitted).toHaveLength(2);
    expect(await publicPhotos()).toEqual(before);
    expect(await editorReviews()).toEqual([expect.objectContaining({ ref, status: 'rejected', reason: '审核超时，请重新上传' })]);
    expect(await b.deps.files.get(fileId)).toBeNull();
    expect(await checks()).toEqual([]);
    // Nothing is left to do, and a verdict arriving after all is ignored.
    expect(await runSlaTick(b.deps)).toMatchObject({ photoChecksRetried: 0, photoChecksTimedOut: 0 });
    expect(await applyMediaCheckVerdict(b.deps, { traceId: 'trace-2', outcome: 'pass' })).toBe('unknown');
    expect(await publicPhotos()).toEqual(before);

    expect(await photoAudit()).toEqual([
      ['carrier.photo_recheck', TIMER_ACTOR, { reviewing: ref, attempt: 2 }],
      ['carrier.photo_timed_out', TIMER_ACTOR, { refused: ref, outcome: 'timeout', attempts: 2 }],
    ]);
    // The editor clears the note like any other refusal.
    expect((await b.ok<{ reviews: Review[] }>('admin.carrier.photoDismiss', { carrierId: CARRIER, ref }, OPENID.admin)).reviews).toEqual([]);
  });

  it('a verdict for the re-requested check is applied as usual, and the timer then has nothing to time out', async () => {
    const before = await publicPhotos();
    const ref = (await send()).reviews[0].ref;
    b.clock.advanceHours(25);
    expect(await runSlaTick(b.deps)).toMatchObject({ photoChecksRetried: 1 });
    expect(await applyMediaCheckVerdict(b.deps, { traceId: 'trace-2', outcome: 'pass' })).toBe('applied');
    expect(await publicPhotos()).toEqual([...before, ref]);
    b.clock.advanceHours(48);
    expect(await runSlaTick(b.deps)).toMatchObject({ photoChecksRetried: 0, photoChecksTimedOut: 0 });
    expect(await publicPhotos()).toEqual([...before, ref]);
    expect(await editorReviews()).toEqual([]);
  });

  it('a re-request that cannot be sent takes the photo off at once; one the checker decides at once is settled by it', async () => {
    const before = await publicPhotos();
    const first = (await send(64)).reviews[0].ref;
    const second = (await send(80)).reviews[1].ref;
    b.clock.advanceHours(25);
    let calls = 0;
    b.deps.mediaCheck = {
      submit: async () => {
        calls += 1;
        if (calls === 1) throw new Error('errcode 45009: reach max api daily quota limit');
        return { kind: 'decided', pass: true, reason: null };
      },
    };
    expect(await runSlaTick(b.deps)).toMatchObject({ photoChecksRetried: 0, photoChecksTimedOut: 1 });
    expect(await publicPhotos()).toEqual([...before, second]);
    expect(await editorReviews()).toEqual([expect.objectContaining({ ref: first, status: 'rejected', reason: '审核超时，请重新上传' })]);
    expect(await b.deps.files.get(fileOf(first))).toBeNull();
    expect(await checks()).toEqual([]);
    expect((await photoAudit()).map(([action]) => action)).toEqual(['carrier.photo_timed_out', 'carrier.photo_passed']);
  });

  it('is bounded per tick, oldest first; the next tick continues', async () => {
    for (let i = 0; i < 3; i += 1) await send(64 + i);
    b.clock.advanceHours(25);
    expect(await expireStalePhotoChecks(b.deps, b.clock.now, () => false, 2)).toEqual({ photoChecksRetried: 2, photoChecksTimedOut: 0 });
    expect(await checks()).toEqual([['trace-3', 1], ['trace-4', 2], ['trace-5', 2]]);
    expect(await expireStalePhotoChecks(b.deps, b.clock.now, () => true, 2)).toEqual({ photoChecksRetried: 0, photoChecksTimedOut: 0 });
    expect(await expireStalePhotoChecks(b.deps, b.clock.now, () => false, 2)).toEqual({ photoChecksRetried: 1, photoChecksTimedOut: 0 });
    expect((await stored())?.photoReviews?.map((r) => r.status)).toEqual(['reviewing', 'reviewing', 'reviewing']);
  });

  it('a withdrawn carrier’s photo times out the same way', async () => {
    const ref = (await send()).reviews[0].ref;
    await b.ok('admin.carrier.setListed', { carrierId: CARRIER, listed: false }, OPENID.admin);
    b.clock.advanceHours(25);
    expect(await runSlaTick(b.deps)).toMatchObject({ photoChecksRetried: 1 });
    b.clock.advanceHours(25);
    expect(await runSlaTick(b.deps)).toMatchObject({ photoChecksTimedOut: 1 });
    const withdrawn = await b.store.get<Carrier>(COLLECTIONS.carriersWithdrawn.name, CARRIER);
    expect(withdrawn?.photoReviews).toEqual([expect.objectContaining({ ref, status: 'rejected', reason: '审核超时，请重新上传' })]);
    expect(withdrawn?.photos).not.toContain(ref);
  });
});
