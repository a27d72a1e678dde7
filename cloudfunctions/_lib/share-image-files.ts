import type { Deps } from './deps';

/**
 * Deletes share images no longer shown anywhere (drawn from earlier content, or of a carrier taken off the
 * market); a failure only leaves a file behind. Shared by the sharing function (redraws) and admin (下架).
 */
export const removeShareImages = async (deps: Deps, refs: readonly (string | null | undefined)[]): Promise<void> => {
  for (const old of refs) {
    const oldId = old ? deps.files.fileIdOf(old) : null;
    if (oldId) await deps.files.remove(oldId).catch(() => undefined);
  }
};
