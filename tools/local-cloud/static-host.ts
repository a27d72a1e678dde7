import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import sirv from 'sirv';

/**
 * How the web host sends the H5 build: compressed (the build's precompressed `.br`/`.gz` files, see
 * config/h5-precompress.ts; the first-screen page compressed per answer), cached for a year when the name
 * carries a content hash, revalidated every time otherwise.
 */

export type ContentEncoding = 'br' | 'gzip';

/** For a name whose bytes can never change: a new build gives new content a new name. */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
/** index.html, the first-screen page and unhashed files (seed images, favicon): revalidated (ETag) each time. */
export const REVALIDATE_CACHE = 'no-cache';

/** `js/app.1a2b3c4d.js`, `css/app.<20 hex>.css`, `static/images/x.1a2b3c4d.png`: webpack's content hashes. */
const CONTENT_HASHED = /\.[0-9a-f]{8,32}\.[a-z0-9]+$/i;

export const cacheControlFor = (pathname: string): string => (CONTENT_HASHED.test(pathname) ? IMMUTABLE_CACHE : REVALIDATE_CACHE);

/**
 * The encoding to answer with, by the client's `accept-encoding` (RFC 9110 §12.5.3): brotli before gzip when
 * both are acceptable (smaller), `q=0` refuses a coding, `*` stands for any coding not named.
 */
export const negotiateEncoding = (acceptEncoding: string | string[] | undefined): ContentEncoding | null => {
  const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : (acceptEncoding ?? '');
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [rawName, ...params] = part.split(';');
    const name = (rawName ?? '').trim().toLowerCase();
    if (!name) continue;
    const qParam = params.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    weights.set(name, Number.isFinite(q) ? q : 0);
  }
  const weightOf = (coding: string) => weights.get(coding) ?? (coding === 'gzip' ? weights.get('x-gzip') : undefined) ?? weights.get('*') ?? 0;
  const br = weightOf('br');
  const gz = weightOf('gzip');
  if (br > 0 && br >= gz) return 'br';
  if (gz > 0) return 'gzip';
  return null;
};

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Sends a page made per request (the first screen): compressed as negotiated, never reused from a cache. */
export const sendPage = async (req: IncomingMessage, res: ServerResponse, html: string): Promise<void> => {
  const encoding = negotiateEncoding(req.headers['accept-encoding']);
  const bytes = Buffer.from(html, 'utf8');
  // Fast settings: this runs per request, and past quality 5 brotli costs milliseconds for a few hundred bytes.
  const body =
    encoding === 'br'
      ? await brotli(bytes, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: bytes.length } })
      : encoding === 'gzip'
        ? await gzipAsync(bytes, { level: 6 })
        : bytes;
  if (res.headersSent || res.destroyed) return;
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    // Live vacancy figures are in the page: never reuse a stored copy.
    'cache-control': REVALIDATE_CACHE,
    // The card in it is in the browser's language.
    vary: 'accept-encoding, accept-language',
    'content-length': String(body.length),
    ...(encoding ? { 'content-encoding': encoding } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
};

/** Types sirv's table (mrmime) leaves blank; a blank type would make browsers sniff. */
const MISSING_TYPES: Record<string, string> = { '.ico': 'image/x-icon' };

const missingTypeOf = (pathname: string): string | undefined => MISSING_TYPES[pathname.slice(pathname.lastIndexOf('.')).toLowerCase()];

export type StaticHandler = (req: IncomingMessage, res: ServerResponse, pathname: string, notFound: () => void) => void;

/** The build folder as static files, with the encoding and cache policy above. */
export const createStaticHost = (dir: string): StaticHandler => {
  // dev: files are looked up per request, so an H5 rebuild is served without restarting.
  const serve = sirv(dir, { single: true, dev: true, etag: true, brotli: true, gzip: true });
  return (req, res, pathname, notFound) => {
    const encoding = negotiateEncoding(req.headers['accept-encoding']);
    // sirv reads the header by substring; hand it the one coding chosen here (or none) so `q=0` is honoured.
    req.headers['accept-encoding'] = encoding ?? 'identity';
    // Set before sirv answers so a 304 carries them too; sirv keeps headers already on the response.
    res.setHeader('cache-control', cacheControlFor(pathname));
    res.setHeader('vary', 'accept-encoding');
    const type = missingTypeOf(pathname);
    if (type) res.setHeader('content-type', type);
    serve(req, res, notFound);
  };
};
