import { cloudFileLink } from './cloud-file-links';

/**
 * Turns an image reference from the backend (see domain/common/text.ts imageRef) into something an <Image>
 * can load on this platform, or null when it cannot (the component then shows its fallback).
 * - `https://…` loads everywhere.
 * - `cloud://…` is a WeChat cloud file id: the mini-program loads it, a browser cannot — the web shows the temp
 *   URL the CloudBase transport noted for it (src/platform/cloud-file-links.ts), or nothing.
 * - `/assets/…` is an image bundled with the app (src/assets, copied into both builds by config/index.ts):
 *   a package path in the mini-program, a path under the site root (publicPath '/') on the web. The demo seed's
 *   pictures (src/seed-assets) are bundled with the web build only: a mini-program's seed names them in cloud
 *   storage instead (`npm run seed:export -- --files cloud://…`, #12).
 * - `/api/_local/photos/…` is an uploaded carrier photo in the local cloud: the web loads it from the host.
 */
export const imageUrlOn = (platform: 'web' | 'mini-program', ref: string | null | undefined): string | null => {
  if (!ref) return null;
  if (ref.startsWith('https://')) return ref;
  if (ref.startsWith('cloud://')) return platform === 'web' ? cloudFileLink(ref) : ref;
  if (ref.startsWith('/assets/')) return ref;
  // A carrier photo the local cloud stores (the web demo): served by the same origin as the API.
  if (ref.startsWith('/api/_local/photos/')) return platform === 'web' ? ref : null;
  return null;
};

/** `imageUrlOn` for the platform this build runs on. */
export const imageUrl = (ref: string | null | undefined): string | null => imageUrlOn(process.env.TARO_ENV === 'h5' ? 'web' : 'mini-program', ref);
