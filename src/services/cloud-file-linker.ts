import { cloudFileLink, rememberCloudFileLink } from '../platform/cloud-file-links';

/** What the CloudBase web SDK's `app.getTempFileURL` takes and answers (js-sdk 3). */
export type GetTempFileUrl = (params: { fileList: Array<{ fileID: string; maxAge: number }> }) => Promise<{
  fileList?: Array<{ code?: string; fileID: string; tempFileURL?: string }>;
}>;

/** A link lives 2 h; it is used until 10 min before that, so a page never gets one that dies while it loads. */
export const LINK_SECONDS = 2 * 3600;
export const LINK_MARGIN_MS = 10 * 60 * 1000;
/** getTempFileURL takes at most 50 ids a call. */
const BATCH = 50;
/** An answer is not held up longer than this for its photos: without links the page shows its fallback. */
const LINK_TIMEOUT_MS = 3000;

const FILE_ID = /^cloud:\/\/[\w./-]+$/;

/** Every `cloud://` file id anywhere in an answer (objects, arrays, nested), each once. */
export const cloudFileIdsIn = (value: unknown, found: Set<string> = new Set()): Set<string> => {
  if (typeof value === 'string') {
    if (FILE_ID.test(value)) found.add(value);
  } else if (Array.isArray(value)) {
    for (const item of value) cloudFileIdsIn(item, found);
  } else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) cloudFileIdsIn(item, found);
  }
  return found;
};

const withTimeout = <T>(work: Promise<T>, ms: number): Promise<T | null> =>
  new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), ms);
    work.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      () => {
        clearTimeout(timer);
        resolve(null);
      },
    );
  });

/**
 * Notes a displayable link for each `cloud://` id in `answer` that has none yet (or whose link is about to
 * expire): one `getTempFileURL` per 50 ids, all at once. Never throws and never waits past a few seconds: an
 * id without a link just shows the page's fallback, and the next answer carrying it tries again.
 */
export const linkCloudFiles = async (getTempFileURL: GetTempFileUrl, answer: unknown, now: () => number = Date.now): Promise<void> => {
  const missing = [...cloudFileIdsIn(answer)].filter((id) => !cloudFileLink(id, now()));
  if (!missing.length) return;
  const batches: string[][] = [];
  for (let i = 0; i < missing.length; i += BATCH) batches.push(missing.slice(i, i + BATCH));
  await Promise.all(
    batches.map(async (batch) => {
      const askedAt = now();
      const result = await withTimeout(getTempFileURL({ fileList: batch.map((fileID) => ({ fileID, maxAge: LINK_SECONDS })) }), LINK_TIMEOUT_MS);
      for (const item of result?.fileList ?? []) {
        const ok = (item.code === undefined || item.code === 'SUCCESS') && typeof item.tempFileURL === 'string' && item.tempFileURL.startsWith('https://');
        if (ok && batch.includes(item.fileID)) rememberCloudFileLink(item.fileID, item.tempFileURL as string, askedAt + LINK_SECONDS * 1000 - LINK_MARGIN_MS);
      }
    }),
  );
};
