/**
 * Displayable https links for `cloud://` file ids, for the web build with CloudBase: a browser cannot load a
 * cloud file id, so the CloudBase transport exchanges the ids an answer carries for temp URLs and notes them
 * here before the answer reaches a page; `imageUrlOn('web', …)` then shows them. The answer itself keeps the
 * ids, so what an editor sends back (a carrier's photo list, a refused photo to dismiss) is still the file's id.
 */
const links = new Map<string, { url: string; usableUntilMs: number }>();

/** Remembers the link for `fileId` until `usableUntilMs` (the caller leaves a margin before the URL expires). */
export const rememberCloudFileLink = (fileId: string, url: string, usableUntilMs: number): void => {
  links.set(fileId, { url, usableUntilMs });
};

/** The link noted for `fileId`, or null when none is known or it is about to expire. */
export const cloudFileLink = (fileId: string, nowMs: number = Date.now()): string | null => {
  const known = links.get(fileId);
  if (!known) return null;
  if (known.usableUntilMs > nowMs) return known.url;
  links.delete(fileId);
  return null;
};

/** For tests: forget every link. */
export const forgetCloudFileLinks = (): void => links.clear();
