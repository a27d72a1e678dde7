import { adminCarrierPhotoAddContract, adminCarrierPhotoChunkContract, adminCarrierPhotoDismissContract, PHOTO_CHUNK_CHARS, type CarrierPhotos } from '../../domain/api/carrier-photo.contracts';
import type { Carrier, PhotoReview } from '../../domain/carrier/carrier.schema';
import { MAX_CARRIER_PHOTOS, MAX_PHOTO_BYTES, PHOTO_CHECK_ATTEMPTS, PHOTO_CHECK_TIMED_OUT_REASON, photoProblem, sniffPhotoType } from '../../domain/carrier/carrier-photo.rules';
import type { ParsedRequestOf } from '../../domain/api/contract';
import type { MediaCheckOutcome } from '../../domain/carrier/media-check-event.schema';
import { DomainError } from '../../domain/common/result';
import { defineAction } from '../_lib/define-action';
import type { Deps } from '../_lib/deps';
import { newId } from '../_lib/ids';
import { recordAudit } from '../_lib/repositories/audit.repository';
import { getAnyCarrier } from '../_lib/repositories/carrier-admin.repository';
import { dropPhotoCheck, dropPhotoChunks, getPhotoCheck, readPhotoChunks, recordPhotoCheck, setCarrierPhotos, type PhotoCheck } from '../_lib/repositories/carrier-photo.repository';
import { putChunk } from '../_lib/repositories/import-chunk.repository';
import { loadManageableCarrier } from './carrier-access';
import { actorOf, auditEntry, openOfficeForWrite } from './office-context';

/** Why a refused photo was refused, as the editor says it. */
export const REJECTED_REASON = '未通过内容安全审核，已删除';

export const photosView = (c: Pick<Carrier, 'photos' | 'photoReviews'>): CarrierPhotos => ({
  photos: c.photos,
  reviews: (c.photoReviews ?? []).map((r) => ({ ref: r.ref, status: r.status, reason: r.reason, uploadedAt: r.uploadedAt })),
});

/** The most chunks a photo of at most 5 MB needs; more means the file is too large, refused before anything is kept. */
const MAX_NEEDED_CHUNKS = Math.ceil(Math.ceil(MAX_PHOTO_BYTES / 3) * 4 / PHOTO_CHUNK_CHARS);

const inReview = (c: Pick<Carrier, 'photoReviews'>) => (c.photoReviews ?? []).filter((r) => r.status === 'reviewing').length;

/** One chunk of a photo upload; only someone who may edit the carrier may send one. */
export const adminCarrierPhotoChunkAction = defineAction(adminCarrierPhotoChunkContract, async (deps, ctx, input) => {
  const office = await openOfficeForWrite(deps, ctx);
  await loadManageableCarrier(deps, office, input.carrierId);
  if (input.index >= input.total) throw new DomainError('VALIDATION.INVALID_INPUT', ['index']);
  if (input.total > MAX_NEEDED_CHUNKS) throw new DomainError('PHOTO.TOO_LARGE', ['total']);
  await deps.store.transaction((tx) =>
    putChunk(tx, { _id: `${input.uploadId}:${input.index}`, districtId: office.home._id, staffId: office.staff._id, index: input.index, total: input.total, data: input.chunk, createdAt: ctx.now.toISOString() }),
  );
  return { index: input.index, total: input.total };
});

const bytesOf = async (deps: Deps, staffId: string, source: ParsedRequestOf<typeof adminCarrierPhotoAddContract>['source']): Promise<Uint8Array> => {
  if (source.kind === 'chunks') {
    const parts = await readPhotoChunks(deps.store, source.uploadId, source.total, staffId);
    if (!parts) throw new DomainError('PHOTO.UPLOAD_INCOMPLETE', ['source']);
    // Each chunk is whole base64 on its own, so a padded chunk cannot shift the next one.
    return new Uint8Array(Buffer.concat(parts.map((p) => Buffer.from(p, 'base64'))));
  }
  const bytes = await deps.files.get(source.fileId);
  if (!bytes) throw new DomainError('PHOTO.UPLOAD_INCOMPLETE', ['source']);
  return bytes;
};

/**
 * Checks the uploaded bytes (magic bytes, ≤ 5 MB, not empty), stores them under `carrier-photos/<carrier>/`
 * and starts the image check. A pass now (the local checker) makes the photo visible; a pending check keeps it
 * in review, hidden from investors, until `applyMediaCheckVerdict`. A refused file is never stored.
 */
export const adminCarrierPhotoAddAction = defineAction(adminCarrierPhotoAddContract, async (deps, ctx, input) => {
  const office = await openOfficeForWrite(deps, ctx);
  const found = await loadManageableCarrier(deps, office, input.carrierId);
  if (found.carrier.photos.length + inReview(found.carrier) >= MAX_CARRIER_PHOTOS) throw new DomainError('PHOTO.LIMIT', ['source']);
  const bytes = await bytesOf(deps, office.staff._id, input.source);
  const type = sniffPhotoType(bytes);
  // What the content check cannot read is never stored: it could not be shown honestly checked.
  const problem = photoProblem(bytes) ?? (type && deps.mediaCheck.reads && !deps.mediaCheck.reads.includes(type) ? ('PHOTO.TYPE_UNCHECKABLE' as const) : null);
  if (problem) {
    // What was uploaded for a refused file goes: its chunks, or the cloud upload.
    const source = input.source;
    if (source.kind === 'cloud') await deps.files.remove(source.fileId).catch(() => undefined);
    else await deps.store.transaction((tx) => dropPhotoChunks(tx, source.uploadId, source.total));
    throw new DomainError(problem, ['source']);
  }
  const ext = type as string;
  const fileId = input.source.kind === 'cloud' ? input.source.fileId : await deps.files.put(`carrier-photos/${found.carrier._id}/${newId('pho', ctx.now, deps.randomBytes)}.${ext}`, bytes);
  const ref = deps.files.publicRef(fileId);
  const verdict = await deps.mediaCheck.submit(fileId, await deps.files.linkFor(fileId, `photo.${ext}`), ctx.openid);
  if (verdict.kind === 'decided' && !verdict.pass) {
    await deps.files.remove(fileId).catch(() => undefined);
    throw new DomainError('PHOTO.REJECTED', ['source']);
  }
  const now = ctx.now.toISOString();
  return deps.store.transaction(async (tx) => {
    const fresh = await getAnyCarrier(tx, found.carrier._id);
    if (!fresh) throw new DomainError('CARRIER.NOT_FOUND', ['carrierId']);
    const reviews = fresh.carrier.photoReviews ?? [];
    if (fresh.carrier.photos.length + inReview(fresh.carrier) >= MAX_CARRIER_PHOTOS) throw new DomainError('PHOTO.LIMIT', ['source']);
    const photos = verdict.kind === 'decided' ? [...fresh.carrier.photos, ref] : fresh.carrier.photos;
    const nextReviews: PhotoReview[] = verdict.kind === 'pending' ? [...reviews, { ref, status: 'reviewing', traceId: verdict.traceId, reason: null, uploadedAt: now }] : reviews;
    await setCarrierPhotos(tx, fresh.carrier, fresh.listed, photos, nextReviews, now);
    if (verdict.kind === 'pending') await recordPhotoCheck(tx, { _id: verdict.traceId, carrierId: fresh.carrier._id, ref, fileId, createdAt: now, openid: ctx.openid, attempt: 1 });
    if (input.source.kind === 'chunks') await dropPhotoChunks(tx, input.source.uploadId, input.source.total);
    await recordAudit(tx, auditEntry(deps, ctx, actorOf(office), 'carrier.update', { kind: 'carrier', id: fresh.carrier._id }, { photos: fresh.carrier.photos }, { photos, reviewing: verdict.kind === 'pending' ? ref : null }));
    return photosView({ photos, photoReviews: nextReviews });
  });
});

/** Removes a refused photo's note from the editor. */
export const adminCarrierPhotoDismissAction = defineAction(adminCarrierPhotoDismissContract, async (deps, ctx, input) => {
  const office = await openOfficeForWrite(deps, ctx);
  const found = await loadManageableCarrier(deps, office, input.carrierId);
  const reviews = found.carrier.photoReviews ?? [];
  if (!reviews.some((r) => r.ref === input.ref && r.status === 'rejected')) throw new DomainError('PHOTO.REVIEW_NOT_FOUND', ['ref']);
  const next = reviews.filter((r) => !(r.ref === input.ref && r.status === 'rejected'));
  await deps.store.transaction((tx) => setCarrierPhotos(tx, found.carrier, found.listed, found.carrier.photos, next, ctx.now.toISOString()));
  return photosView({ photos: found.carrier.photos, photoReviews: next });
});

/** Why a photo the check did not pass is not shown, per outcome, as the editor says it. */
export const VERDICT_REASONS: Record<Exclude<MediaCheckOutcome, 'pass'>, string> = {
  risky: REJECTED_REASON,
  review: '内容安全审核提示需人工复核，未公开，已删除，请换一张',
  failed: '内容安全审核未能完成，照片未公开，请重新上传',
};

/** How a photo in review ends: a verdict of the check, or the timer's verdict that none came (`timeout`). */
export type PhotoSettlement = MediaCheckOutcome | 'timeout';

const SETTLED_REASONS: Record<Exclude<PhotoSettlement, 'pass'>, string> = { ...VERDICT_REASONS, timeout: PHOTO_CHECK_TIMED_OUT_REASON };

/**
 * Ends one recorded check: a pass shows the photo; anything else keeps it hidden, deletes the file and leaves the
 * reason for the editor. Audited in the same transaction (by 内容安全审核, or by the timer for a timeout).
 */
const settlePhotoCheck = async (deps: Deps, check: PhotoCheck, outcome: PhotoSettlement): Promise<'shown' | 'refused' | 'gone'> => {
  const at = deps.clock();
  const now = at.toISOString();
  const settled = await deps.store.transaction(async (tx) => {
    const found = await getAnyCarrier(tx, check.carrierId);
    await dropPhotoCheck(tx, check._id);
    if (!found) return 'gone' as const;
    const reviews = found.carrier.photoReviews ?? [];
    const row = reviews.find((r) => r.traceId === check._id && r.status === 'reviewing');
    if (!row) return 'gone' as const;
    const others = reviews.filter((r) => r !== row);
    const shown = outcome === 'pass';
    if (shown) await setCarrierPhotos(tx, found.carrier, found.listed, [...found.carrier.photos, row.ref].slice(0, MAX_CARRIER_PHOTOS), others, now);
    else await setCarrierPhotos(tx, found.carrier, found.listed, found.carrier.photos, [...others, { ...row, status: 'rejected', traceId: null, reason: SETTLED_REASONS[outcome as Exclude<PhotoSettlement, 'pass'>] }], now);
    await recordAudit(tx, {
      _id: newId('adm', at, deps.randomBytes),
      districtId: found.carrier.districtId,
      action: shown ? 'carrier.photo_passed' : outcome === 'timeout' ? 'carrier.photo_timed_out' : 'carrier.photo_refused',
      target: { kind: 'carrier', id: found.carrier._id },
      staffId: null,
      actorName: outcome === 'timeout' ? TIMER_ACTOR : '内容安全审核',
      at: now,
      before: { reviewing: row.ref },
      after: shown ? { photo: row.ref } : outcome === 'timeout' ? { refused: row.ref, outcome, attempts: check.attempt ?? 1 } : { refused: row.ref, outcome },
    });
    return shown ? ('shown' as const) : ('refused' as const);
  });
  if (settled === 'refused' || settled === 'gone') await deps.files.remove(check.fileId).catch(() => undefined);
  return settled;
};

/**
 * The image check's verdict (a `wxa_media_check` push for a trace id we recorded): a pass shows the photo to
 * investors; anything else (risky, review, a check that did not run) keeps it hidden, deletes the file and leaves
 * a note for the editor. Each verdict is audited in the same transaction, so the district's admins read it in the
 * audit log. An unknown trace id (not ours, already applied, or replaced by the timer's re-request) changes nothing.
 */
export const applyMediaCheckVerdict = async (deps: Deps, verdict: { traceId: string; outcome: MediaCheckOutcome }): Promise<'applied' | 'unknown'> => {
  const check = await getPhotoCheck(deps.store, verdict.traceId);
  if (!check) return 'unknown';
  const outcome = await settlePhotoCheck(deps, check, verdict.outcome);
  deps.log.info('photo.check', { traceId: verdict.traceId, outcome, verdict: verdict.outcome });
  return 'applied';
};

/** Who the audit log names for what the timer did to a photo whose verdict never came. */
export const TIMER_ACTOR = '系统（审核超时）';

export type PhotoCheckTimeout = 'rechecked' | 'timed_out' | 'shown' | 'refused' | 'gone';

/**
 * A check whose verdict did not come within PHOTO_CHECK_TIMEOUT_MS (the SLA timer calls this): the photo is treated
 * as unchecked. The first time it is sent to the check once more (a new trace id replaces the old one, so a late
 * verdict for the old one is ignored; audited); if that one times out too, or cannot even be sent, the photo is
 * taken off with «审核超时，请重新上传» for the office, its file deleted (audited). An unchecked photo is never shown.
 */
export const expirePhotoCheck = async (deps: Deps, check: PhotoCheck): Promise<PhotoCheckTimeout> => {
  const attempt = check.attempt ?? 1;
  if (attempt >= PHOTO_CHECK_ATTEMPTS) return (await settlePhotoCheck(deps, check, 'timeout')) === 'gone' ? 'gone' : 'timed_out';
  const ext = check.fileId.split('.').pop() ?? 'jpg';
  let verdict: Awaited<ReturnType<Deps['mediaCheck']['submit']>>;
  try {
    verdict = await deps.mediaCheck.submit(check.fileId, await deps.files.linkFor(check.fileId, `photo.${ext}`), check.openid ?? null);
  } catch (error) {
    deps.log.error('photo.recheck_failed', { traceId: check._id, error: error instanceof Error ? error.message.slice(0, 200) : 'unknown' });
    return (await settlePhotoCheck(deps, check, 'timeout')) === 'gone' ? 'gone' : 'timed_out';
  }
  // A checker that decides at once (the local one) settles it now.
  if (verdict.kind === 'decided') return settlePhotoCheck(deps, check, verdict.pass ? 'pass' : 'risky');
  const at = deps.clock();
  const now = at.toISOString();
  const next: PhotoCheck = { ...check, _id: verdict.traceId, createdAt: now, attempt: attempt + 1 };
  const result = await deps.store.transaction(async (tx) => {
    const found = await getAnyCarrier(tx, check.carrierId);
    const reviews = found?.carrier.photoReviews ?? [];
    const row = reviews.find((r) => r.traceId === check._id && r.status === 'reviewing');
    await dropPhotoCheck(tx, check._id);
    // A verdict came meanwhile, or the carrier is gone: the new request is left unanswered (its trace id unknown).
    if (!found) return 'carrier_gone' as const;
    if (!row) return 'gone' as const;
    await setCarrierPhotos(tx, found.carrier, found.listed, found.carrier.photos, reviews.map((r) => (r === row ? { ...r, traceId: verdict.traceId } : r)), now);
    await recordPhotoCheck(tx, next);
    await recordAudit(tx, {
      _id: newId('adm', at, deps.randomBytes),
      districtId: found.carrier.districtId,
      action: 'carrier.photo_recheck',
      target: { kind: 'carrier', id: found.carrier._id },
      staffId: null,
      actorName: TIMER_ACTOR,
      at: now,
      before: { reviewing: row.ref, sentAt: check.createdAt },
      after: { reviewing: row.ref, attempt: attempt + 1 },
    });
    return 'rechecked' as const;
  });
  if (result === 'carrier_gone') await deps.files.remove(check.fileId).catch(() => undefined);
  deps.log.info('photo.recheck', { traceId: check._id, result });
  return result === 'carrier_gone' ? 'gone' : result;
};
