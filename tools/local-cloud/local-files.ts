import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FileStore } from '../../cloudfunctions/_lib/deps';

/** Where the local cloud answers file links; the link carries its expiry and an HMAC of both. */
export const LOCAL_FILES_PATH = '/api/_local/files/';
const ID_PREFIX = 'local:';
const LINK_MS = 3600_000;
/**
 * Carrier photos (once they passed review) and cards' share images are public: served unsigned under this path
 * (see server.ts).
 */
export const LOCAL_PHOTOS_PATH = '/api/_local/photos/';
const PUBLIC_FOLDERS = ['carrier-photos/', 'share-images/'];
const isPublic = (path: string) => PUBLIC_FOLDERS.some((folder) => path.startsWith(folder));
const SAFE_PATH = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_.-]+)*$/;

const isSafePath = (path: string) => SAFE_PATH.test(path) && !path.split('/').some((part) => part === '..' || part === '.');
const sign = (secret: string, path: string, name: string, expires: number) => createHmac('sha256', secret).update(`${path}\n${name}\n${expires}`).digest('base64url');

/**
 * The local stand-in for cloud storage: a folder of the data dir (`npm start`), or memory (tests). Links are
 * same-origin, signed and short-lived like WeChat's temp URLs, so a file id alone never opens a file.
 */
export const createLocalFiles = (options: { dir?: string; secret: string; now?: () => number }): FileStore => {
  const memory = new Map<string, Uint8Array>();
  const now = options.now ?? Date.now;
  const pathOf = (fileId: string): string | null => {
    const path = fileId.startsWith(ID_PREFIX) ? fileId.slice(ID_PREFIX.length) : '';
    return isSafePath(path) ? path : null;
  };
  return {
    async put(path, bytes) {
      if (!isSafePath(path)) throw new Error('unsafe file path');
      if (options.dir) {
        const file = join(options.dir, path);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, bytes);
      } else memory.set(path, new Uint8Array(bytes));
      return `${ID_PREFIX}${path}`;
    },
    async linkFor(fileId, fileName) {
      const path = pathOf(fileId);
      if (!path) throw new Error('not a local file id');
      const expires = now() + LINK_MS;
      const query = new URLSearchParams({ name: fileName, exp: String(expires), sig: sign(options.secret, path, fileName, expires) });
      return `${LOCAL_FILES_PATH}${path}?${query.toString()}`;
    },
    async get(fileId) {
      const path = pathOf(fileId);
      if (!path) return null;
      if (!options.dir) return memory.get(path) ?? null;
      try {
        return new Uint8Array(readFileSync(join(options.dir, path)));
      } catch {
        return null;
      }
    },
    async remove(fileId) {
      const path = pathOf(fileId);
      if (!path) return;
      if (options.dir) rmSync(join(options.dir, path), { force: true });
      else memory.delete(path);
    },
    publicRef(fileId) {
      const path = pathOf(fileId);
      if (!path || !isPublic(path)) throw new Error('not a public local file');
      return `${LOCAL_PHOTOS_PATH}${path}`;
    },
    fileIdOf(ref) {
      const path = ref.startsWith(LOCAL_PHOTOS_PATH) ? ref.slice(LOCAL_PHOTOS_PATH.length) : '';
      return isSafePath(path) && isPublic(path) ? `${ID_PREFIX}${path}` : null;
    },
  };
};

/** The file a local link names, when its signature holds and it has not expired; null otherwise. */
export const verifyLocalLink = (secret: string, url: URL, now = Date.now()): { fileId: string; fileName: string } | null => {
  if (!url.pathname.startsWith(LOCAL_FILES_PATH)) return null;
  const path = url.pathname.slice(LOCAL_FILES_PATH.length);
  const name = url.searchParams.get('name') ?? '';
  const expires = Number(url.searchParams.get('exp'));
  const given = Buffer.from(url.searchParams.get('sig') ?? '');
  if (!isSafePath(path) || !name || !Number.isFinite(expires) || expires < now) return null;
  const expected = Buffer.from(sign(secret, path, name, expires));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { fileId: `${ID_PREFIX}${path}`, fileName: name };
};
