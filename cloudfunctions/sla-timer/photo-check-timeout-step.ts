import { PHOTO_CHECK_TIMEOUT_MS } from '../../domain/carrier/carrier-photo.rules';
import { expirePhotoCheck } from '../admin/carrier-photo';
import type { Deps } from '../_lib/deps';
import { findPhotoChecksSentBefore } from '../_lib/repositories/carrier-photo.repository';

/** Timed-out photo checks handled per tick at most (each a check request and a transaction); the next tick continues. */
export const PHOTO_CHECKS_PER_TICK = 20;

export interface PhotoCheckTimeoutReport {
  /** Photos whose verdict never came, sent to the image check once more. */
  photoChecksRetried: number;
  /** Photos whose second check never answered either (or could not be sent): taken off, the office told why. */
  photoChecksTimedOut: number;
}

/**
 * Carrier photos still 审核中 a day after they were sent to the image check (`photo_checks.by_created`, oldest
 * first, bounded per tick): see `expirePhotoCheck`. A check that fails is logged and comes up again next tick.
 */
export const expireStalePhotoChecks = async (deps: Deps, now: Date, outOfTime: () => boolean, limit = PHOTO_CHECKS_PER_TICK): Promise<PhotoCheckTimeoutReport> => {
  const report: PhotoCheckTimeoutReport = { photoChecksRetried: 0, photoChecksTimedOut: 0 };
  const cutoff = new Date(now.getTime() - PHOTO_CHECK_TIMEOUT_MS).toISOString();
  for (const check of await findPhotoChecksSentBefore(deps.store, cutoff, limit)) {
    if (outOfTime()) break;
    try {
      const result = await expirePhotoCheck(deps, check);
      if (result === 'rechecked') report.photoChecksRetried += 1;
      if (result === 'timed_out') report.photoChecksTimedOut += 1;
    } catch (error) {
      deps.log.error('photo.timeout_failed', { traceId: check._id, error: error instanceof Error ? error.message.slice(0, 200) : 'unknown' });
    }
  }
  return report;
};
