import type { MediaCheck } from '../../cloudfunctions/_lib/deps';
import { handleMediaCheckPush } from '../../cloudfunctions/admin/media-check-push';
import type { Carrier } from '../../domain/carrier/carrier.schema';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { createTestBackend, OPENID, type TestBackend } from '../support/test-backend';

const PNG_HEAD = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const png = (size = 64) => Buffer.concat([Buffer.from(PNG_HEAD), Buffer.alloc(Math.max(0, size - PNG_HEAD.length), 7)]);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n');
const CARRIER = 'building-001';
let uploads = 0;
const uploadId = () => `ph_${String((uploads += 1)).padStart(16, '0')}`;

type Photos = { photos: string[]; reviews: Array<{ ref: string; status: string; reason: string | null }> };

/** Sends bytes as the web editor does: 48 000-character base64 chunks, then photoAdd. */
const sendPhoto = async (b: TestBackend, bytes: Buffer, openid: string = OPENID.admin, carrierId = CARRIER) => {
  const id = uploadId();
  const base64 = bytes.toString('base64');
  const chunks = base64.match(/.{1,48000}/g) ?? [];
  for (const [index, chunk] of chunks.entries()) await b.ok('admin.carrier.photoChunk', { carrierId, uploadId: id, index, total: chunks.length, chunk }, openid);
  return b.call<Photos>('admin.carrier.photoAdd', { carrierId, source: { kind: 'chunks', uploadId: id, total: chunks.length } }, openid);
};

/** A `wxa_media_check` push as WeChat sends it to the `admin` function (message push, JSON). */
const push = (traceId: string, suggest: 'pass' | 'review' | 'risky' | null, extra: Record<string, unknown> = {}) => ({
  ToUserName: 'gh_0123456789ab',
  FromUserName: 'oStaffOpenid',
  CreateTime: 1764662400,
  MsgType: 'event',
  Event: 'wxa_media_check',
  appid: 'wx0123456789abcdef',
  trace_id: traceId,
  version: 2,
  ...(suggest ? { errcode: 0, errmsg: 'ok', result: { suggest, label: suggest === 'pass' ? 100 : 20002 }, detail: [{ strategy: 'content_model', errcode: 0, suggest, label: 100, prob: 90 }] } : {}),
  ...extra,
});
const verdict = async (b: TestBackend, event: unknown) => {
  const r = await handleMediaCheckPush(b.deps, event);
  if (!r) throw new Error('not taken as a media-check push');
  return r.ok ? r.data.result : r.error.code;
};

const publicPhotos = async (b: TestBackend) => (await b.ok<{ photos: string[] }>('carrier.get', { carrierId: CARRIER }, null)).photos;
const stored = (b: TestBackend) => b.store.get<Carrier>(COLLECTIONS.carriers.name, CARRIER);

describe('carrier photos: upload, checks, review', () => {
  let b: TestBackend;
  beforeEach(async () => {
    b = await createTestBackend();
  });
  afterEach(() => b.close());

  it('stores a real PNG, shows it to investors when the check passes, and serves the same bytes', async () => {
    const before = await publicPhotos(b);
    const bytes = png(150_000); // four chunks
    const r = await sendPhoto(b, bytes);
    expect(r.ok).toBe(true);
    const after = await publicPhotos(b);
    expect(after.slice(0, before.length)).toEqual(before);
    const ref = after[after.length - 1];
    expect(ref).toMatch(/^\/api\/_local\/photos\/carrier-photos\/building-001\/pho[\w-]+\.png$/);
    const fileId = b.deps.files.fileIdOf(ref);
    expect(Buffer.from((await b.deps.files.get(fileId as string)) as Uint8Array).equals(bytes)).toBe(true);
    // The chunks are gone once the photo is in place.
    expect(await b.store.get(COLLECTIONS.importChunks.name, 'ph_0000000000000001:0')).toBeNull();
  });

  it('refuses a PDF named like a photo, an empty file and 6 MB — typed errors, nothing written', async () => {
    const before = await stored(b);
    const pdf = await sendPhoto(b, PDF);
    expect(pdf).toMatchObject({ ok: false, error: { code: 'PHOTO.TYPE_UNSUPPORTED', message: '只支持 JPG、PNG 或 WebP 格式的图片' } });
    // 6 MB: refused at the first chunk; 5 MB and one byte: refused when the bytes are counted.
    const six = png(6 * 1024 * 1024).toString('base64');
    const total = Math.ceil(six.length / 48000);
    const bigId = uploadId();
    const big = await b.call('admin.carrier.photoChunk', { carrierId: CARRIER, uploadId: bigId, index: 0, total, chunk: six.slice(0, 48000) }, OPENID.admin);
    expect(big).toMatchObject({ ok: false, error: { code: 'PHOTO.TOO_LARGE' } });
    expect((big as { error: { message: string } }).error.message).toContain('5 MB');
    expect(await b.store.get(COLLECTIONS.importChunks.name, `${bigId}:0`)).toBeNull();
    // The refused PDF's chunk did not stay behind either.
    expect(await b.store.count(COLLECTIONS.importChunks.name)).toBe(0);
    expect(await sendPhoto(b, png(5 * 1024 * 1024 + 1))).toMatchObject({ ok: false, error: { code: 'PHOTO.TOO_LARGE' } });
    expect((await sendPhoto(b, png(5 * 1024 * 1024))).ok).toBe(true);
    await b.store.transaction((tx) => tx.update(COLLECTIONS.carriers.name, CARRIER, { set: { photos: before?.photos, updatedAt: before?.updatedAt } }));
    // An empty file cannot even be chunked: the contract refuses the empty chunk.
    expect(await b.call('admin.carrier.photoChunk', { carrierId: CARRIER, uploadId: uploadId(), index: 0, total: 1, chunk: '' }, OPENID.admin)).toMatchObject({ ok: false, error: { code: 'VALIDATION.INVALID_INPUT' } });
    expect(await b.call('admin.carrier.photoAdd', { carrierId: CARRIER, source: { kind: 'chunks', uploadId: uploadId(), total: 1 } }, OPENID.admin)).toMatchObject({ ok: false, error: { code: 'PHOTO.UPLOAD_INCOMPLETE' } });
    const after = await stored(b);
    expect(after?.photos).toEqual(before?.photos);
    expect(after?.updatedAt).toBe(before?.updatedAt);
  });

  it('tells the bytes, not the name: JPEG and WebP pass, a PNG header missing one byte does not', async () => {
    expect((await sendPhoto(b, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100)]))).ok).toBe(true);
    expect((await sendPhoto(b, Buffer.concat([Buffer.from('RIFF'), Buffer.from([1, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(100)]))).ok).toBe(true);
    expect(await sendPhoto(b, Buffer.from(PNG_HEAD.slice(0, 7)))).toMatchObject({ ok: false, error: { code: 'PHOTO.TYPE_UNSUPPORTED' } });
    expect((await publicPhotos(b)).filter((p) => p.startsWith('/api/_local/photos/')).map((p) => p.split('.').pop())).toEqual(['jpg', 'webp']);
  });

  it('keeps a photo in review hidden from investors until the verdict; a pass shows it, a refusal removes it and says why', async () => {
    let traces = 0;
    const pending: MediaCheck = { submit: async () => ({ kind: 'pending', traceId: `trace-${(traces += 1)}` }) };
    b.deps.mediaCheck = pending;
    const before = await publicPhotos(b);
    const first = await sendPhoto(b, png());
    const second = await sendPhoto(b, png(80));
    expect(first.ok && second.ok).toBe(true);
    expect(await publicPhotos(b)).toEqual(before);
    const editor = await b.ok<{ photoReviews: Array<{ status: string }> }>('admin.carrier.get', { carrierId: CARRIER }, OPENID.admin);
    expect(editor.photoReviews.map((r) => r.status)).toEqual(['reviewing', 'reviewing']);
    const [okRef, badRef] = ((await stored(b))?.photoReviews ?? []).map((r) => r.ref);

    expect(await verdict(b, push('trace-1', 'pass'))).toBe('applied');
    expect(await publicPhotos(b)).toEqual([...before, okRef]);
    expect(await verdict(b, push('trace-2', 'risky'))).toBe('applied');
    expect(await publicPhotos(b)).toEqual([...before, okRef]);
    expect(await b.deps.files.get(b.deps.files.fileIdOf(badRef) as string)).toBeNull();
    const after = await b.ok<{ photoReviews: Array<{ ref: string; status: string; reason: string | null }> }>('admin.carrier.get', { carrierId: CARRIER }, OPENID.admin);
    expect(after.photoReviews).toEqual([expect.objectContaining({ ref: badRef, status: 'rejected', reason: '未通过内容安全审核，已删除' })]);
    // A replayed or forged verdict changes nothing.
    expect(await verdict(b, push('trace-1', 'pass'))).toBe('unknown');
    expect(await verdict(b, push('trace-x', 'pass'))).toBe('unknown');
    expect(await publicPhotos(b)).toEqual([...before, okRef]);
    // The admins read both verdicts in the audit log, by 内容安全审核.
    const audit = await b.store.find<{ _id: string; action: string; actorName: string; after: unknown }>(COLLECTIONS.audit.name, { where: { districtId: (await stored(b))?.districtId as string }, orderBy: [{ field: 'at', direction: 'desc' }], limit: 200 });
    expect(audit.filter((a) => a.action.startsWith('carrier.photo_')).map((a) => [a.action, a.actorName, a.after])).toEqual(
      expect.arrayContaining([
        ['carrier.photo_passed', '内容安全审核', { photo: okRef }],
        ['carrier.photo_refused', '内容安全审核', { refused: badRef, outcome: 'risky' }],
      ]),
    );
    // The editor clears the note.
    const dismissed = await b.ok<Photos>('admin.carrier.photoDismiss', { carrierId: CARRIER, ref: badRef }, OPENID.admin);
    expect(dismissed.reviews).toEqual([]);
  });

  it('a checker that refuses at once stores nothing', async () => {
    b.deps.mediaCheck = { submit: async () => ({ kind: 'decided', pass: false, reason: null }) };
    const before = await publicPhotos(b);
    expect(await sendPhoto(b, png())).toMatchObject({ ok: false, error: { code: 'PHOTO.REJECTED' } });
    expect(await publicPhotos(b)).toEqual(before);
  });

  it('a save cannot slip in an unreviewed upload; another district cannot upload at all', async () => {
    const edit = (await b.ok<{ edit: Record<string, unknown> }>('admin.carrier.get', { carrierId: CARRIER }, OPENID.admin)).edit;
    const sneaked = { ...edit, photos: ['cloud://env-1.abc/carrier-photos/building-001/x.png'] };
    expect(await b.call('admin.carrier.save', { carrierId: CARRIER, carrier: sneaked }, OPENID.admin)).toMatchObject({ ok: false, error: { code: 'PHOTO.NOT_UPLOADED' } });
    expect(await sendPhoto(b, png(), OPENID.wangshanAdmin).catch((e: Error) => e.message)).toContain('CARRIER.NOT_FOUND');
  });

  it('mini-program path: checks the cloud file’s bytes, submits it for review with its link, deletes a fake', async () => {
    const PHOTO_ID = 'cloud://env-1.abc/carrier-photos/building-001/1-a.png';
    const FAKE_ID = 'cloud://env-1.abc/carrier-photos/building-001/2-b.jpg';
    const cloudFiles = new Map<string, Uint8Array>([[PHOTO_ID, new Uint8Array(png())], [FAKE_ID, new Uint8Array(PDF)]]);
    const removed: string[] = [];
    const local = b.deps.files;
    b.deps.files = {
      ...local,
      get: async (id) => cloudFiles.get(id) ?? null,
      linkFor: async (id) => `https://tmp.example/${encodeURIComponent(id)}`,
      remove: async (id) => void removed.push(id),
      publicRef: (id) => id,
      fileIdOf: (ref) => ref,
    };
    const submitted: unknown[] = [];
    b.deps.mediaCheck = { submit: async (...args) => (submitted.push(args), { kind: 'pending', traceId: 'trace-cloud' }) };
    const r = await b.ok<Photos>('admin.carrier.photoAdd', { carrierId: CARRIER, source: { kind: 'cloud', fileId: PHOTO_ID } }, OPENID.admin);
    expect(r.reviews).toEqual([expect.objectContaining({ ref: PHOTO_ID, status: 'reviewing' })]);
    expect(submitted).toEqual([[PHOTO_ID, `https://tmp.example/${encodeURIComponent(PHOTO_ID)}`, OPENID.admin]]);
    expect(await publicPhotos(b)).not.toContain(PHOTO_ID);
    expect(await b.call('admin.carrier.photoAdd', { carrierId: CARRIER, source: { kind: 'cloud', fileId: FAKE_ID } }, OPENID.admin)).toMatchObject({ ok: false, error: { code: 'PHOTO.TYPE_UNSUPPORTED' } });
    expect(removed).toEqual([FAKE_ID]);
    expect(await verdict(b, push('trace-cloud', 'pass'))).toBe('applied');
    expect(await publicPhotos(b)).toContain(PHOTO_ID);
  });

  it('review and a check that did not run keep the photo from investors too, each with its reason; malformed pushes are typed errors and change nothing', async () => {
    let traces = 0;
    b.deps.mediaCheck = { submit: async () => ({ kind: 'pending', traceId: `trace-${(traces += 1)}` }) };
    const before = await publicPhotos(b);
    for (let i = 0; i < 3; i += 1) expect((await sendPhoto(b, png(70 + i))).ok).toBe(true);
    const refs = ((await stored(b))?.photoReviews ?? []).map((r) => r.ref);

    // Malformed: a verdict WeChat does not send, a trace id of the wrong type, an operator object — nothing moves.
    for (const bad of [push('trace-1', null, { errcode: 0, result: { suggest: 'maybe' } }), push('trace-1', 'pass', { trace_id: 5 }), push('trace-1', 'pass', { trace_id: { $ne: null } }), push('trace-1', 'pass', { version: 3 })]) {
      expect(await verdict(b, bad)).toBe('PHOTO.CHECK_EVENT_INVALID');
    }
    expect(((await stored(b))?.photoReviews ?? []).map((r) => r.status)).toEqual(['reviewing', 'reviewing', 'reviewing']);
    // An ordinary action call is no push.
    expect(await handleMediaCheckPush(b.deps, { action: 'admin.home', input: {} })).toBeNull();

    expect(await verdict(b, push('trace-1', 'review'))).toBe('applied');
    // WeChat could not run the check (seen in the wild: errcode 43104, empty detail, no result).
    expect(await verdict(b, push('trace-2', null, { errcode: 43104, errmsg: 'this appid does not have permission', detail: [] }))).toBe('applied');
    expect(await verdict(b, push('trace-3', 'pass', { version: '2' }))).toBe('applied');
    expect(await publicPhotos(b)).toEqual([...before, refs[2]]);
    const editor = await b.ok<{ photoReviews: Array<{ ref: string; status: string; reason: string | null }> }>('admin.carrier.get', { carrierId: CARRIER }, OPENID.admin);
    expect(editor.photoReviews).toEqual([
      expect.objectContaining({ ref: refs[0], status: 'rejected', reason: '内容安全审核提示需人工复核，未公开，已删除，请换一张' }),
      expect.objectContaining({ ref: refs[1], status: 'rejected', reason: '内容安全审核未能完成，照片未公开，请重新上传' }),
    ]);
  });

  it('a store that fails while a verdict is applied answers a typed error, never a crash, and the verdict can come again', async () => {
    b.deps.mediaCheck = { submit: async () => ({ kind: 'pending', traceId: 'trace-busy' }) };
    expect((await sendPhoto(b, png())).ok).toBe(true);
    const store = b.deps.store;
    b.deps.store = Object.assign(Object.create(Object.getPrototypeOf(store) as object), store, {
      transaction: async () => {
        throw new Error('socket hang up');
      },
    }) as typeof store;
    expect(await verdict(b, push('trace-busy', 'pass'))).toBe('INTERNAL.UNEXPECTED');
    b.deps.store = store;
    expect(await verdict(b, push('trace-busy', 'pass'))).toBe('applied');
  });

  it('a type WeChat’s check cannot read (WebP) is refused before anything is stored, with a typed error', async () => {
    const submitted: unknown[] = [];
    b.deps.mediaCheck = { reads: ['jpg', 'png'], submit: async (...args) => (submitted.push(args), { kind: 'pending', traceId: 'trace-webp' }) };
    const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x20, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(40, 1)]);
    expect(await sendPhoto(b, webp)).toMatchObject({ ok: false, error: { code: 'PHOTO.TYPE_UNCHECKABLE', message: '这种格式的图片无法做内容安全审核，请选择 JPG 或 PNG 格式的照片' } });
    expect(submitted).toEqual([]);
    expect((await stored(b))?.photoReviews ?? []).toEqual([]);
    expect((await sendPhoto(b, png())).ok).toBe(true);
  });
});
