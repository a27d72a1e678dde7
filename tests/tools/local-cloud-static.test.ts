import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { H5PrecompressPlugin, precompressDirectory } from '../../config/h5-precompress';
import { ALL_ACTIONS } from '../../tools/local-cloud/all-actions';
import { startLocalCloud, type RunningLocalCloud } from '../../tools/local-cloud/server';
import { cacheControlFor, IMMUTABLE_CACHE, negotiateEncoding, REVALIDATE_CACHE } from '../../tools/local-cloud/static-host';
import { createTestBackend, type TestBackend } from '../support/test-backend';

/**
 * The web host's static side over real HTTP (node:http, which never decodes a body, so the bytes on the wire
 * are what is checked): encoding negotiation, cache headers per kind of file, and what a browser gets back
 * after decoding is the build's file byte for byte.
 */

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

const rawGet = (url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawAnswer> =>
  new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (chunk: Buffer) => parts.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });

const decode = (answer: RawAnswer): Buffer => {
  const encoding = answer.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(answer.body);
  if (encoding === 'gzip') return gunzipSync(answer.body);
  if (encoding === undefined) return answer.body;
  throw new Error(`unexpected content-encoding ${String(encoding)}`);
};

// Big and repetitive enough to be worth compressing, like a real bundle.
const APP_JS = `(()=>{${Array.from({ length: 400 }, (_, i) => `window.__m${i}=function(a){return a+${i}};`).join('')}})();\n`;
const APP_CSS = Array.from({ length: 200 }, (_, i) => `.c${i}{margin:${i}px;color:var(--color-text)}`).join('\n');
const INDEX_HTML = `<!doctype html><html lang="zh-CN"><head><title>招商名片</title><style>${'.x{}'.repeat(400)}</style></head><body><div id="app"></div></body></html>`;
const TINY_JS = 'window.t=1;';

describe('precompressing the H5 build', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'investcard-precompress-'));
    mkdirSync(join(dir, 'js'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'js', 'app.1a2b3c4d.js'), APP_JS);
    writeFileSync(join(dir, 'js', 'tiny.0f0f0f0f.js'), TINY_JS);
    writeFileSync(join(dir, 'assets', 'photo.jpg'), Buffer.alloc(4096, 7));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a brotli and a gzip copy of each text file, byte-identical once decoded; skips images and tiny files', async () => {
    expect(await precompressDirectory(dir)).toBe(1);
    const original = readFileSync(join(dir, 'js', 'app.1a2b3c4d.js'));
    expect(brotliDecompressSync(readFileSync(join(dir, 'js', 'app.1a2b3c4d.js.br'))).equals(original)).toBe(true);
    expect(gunzipSync(readFileSync(join(dir, 'js', 'app.1a2b3c4d.js.gz'))).equals(original)).toBe(true);
    expect(readFileSync(join(dir, 'js', 'app.1a2b3c4d.js.br')).length).toBeLessThan(original.length / 4);
    expect(existsSync(join(dir, 'js', 'tiny.0f0f0f0f.js.br'))).toBe(false);
    expect(existsSync(join(dir, 'assets', 'photo.jpg.gz'))).toBe(false);
  });

  it('runs as a webpack plugin once the output is on disk', async () => {
    let afterEmit: (() => Promise<void>) | null = null;
    new H5PrecompressPlugin().apply({ outputPath: dir, hooks: { afterEmit: { tapPromise: (_name, run) => (afterEmit = run) } } });
    expect(afterEmit).not.toBeNull();
    await (afterEmit as unknown as () => Promise<void>)();
    expect(existsSync(join(dir, 'js', 'app.1a2b3c4d.js.br'))).toBe(true);
    expect(existsSync(join(dir, 'js', 'app.1a2b3c4d.js.gz'))).toBe(true);
  });
});

describe('encoding negotiation', () => {
  it.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip, deflate', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0.5, gzip;q=0.8', 'gzip'],
    ['gzip;q=0.5, br;q=0.5', 'br'],
    ['*', 'br'],
    ['*;q=0.1, br;q=0', 'gzip'],
    ['x-gzip', 'gzip'],
    ['identity', null],
    ['gzip;q=0, br;q=0', null],
    ['', null],
    [undefined, null],
    ['br;q=abc, gzip', 'gzip'],
    ['BR', 'br'],
  ])('accept-encoding %p → %p', (header, expected) => {
    expect(negotiateEncoding(header)).toBe(expected);
  });
});

describe('cache policy per kind of file', () => {
  it.each([
    ['/js/app.1a2b3c4d.js', IMMUTABLE_CACHE],
    ['/js/pages-card-index.89abcdef.js', IMMUTABLE_CACHE],
    ['/css/app.0123456789abcdef0123.css', IMMUTABLE_CACHE],
    ['/static/images/cover.deadbeef.png', IMMUTABLE_CACHE],
    ['/', REVALIDATE_CACHE],
    ['/index.html', REVALIDATE_CACHE],
    ['/favicon.ico', REVALIDATE_CACHE],
    ['/assets/district/cover.svg', REVALIDATE_CACHE],
    ['/js/app.js', REVALIDATE_CACHE],
  ])('%s → %s', (path, expected) => {
    expect(cacheControlFor(path)).toBe(expected);
  });
});

describe('the local cloud serving an H5 build', () => {
  let backend: TestBackend;
  let cloud: RunningLocalCloud;
  let dir: string;
  const at = (path: string) => new URL(path, cloud.url).toString();

  beforeAll(async () => {
    backend = await createTestBackend();
    dir = mkdtempSync(join(tmpdir(), 'investcard-h5-static-'));
    mkdirSync(join(dir, 'js'));
    mkdirSync(join(dir, 'css'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), INDEX_HTML);
    writeFileSync(join(dir, 'js', 'app.1a2b3c4d.js'), APP_JS);
    writeFileSync(join(dir, 'css', 'app.0123456789abcdef0123.css'), APP_CSS);
    writeFileSync(join(dir, 'assets', 'cover.svg'), `<svg xmlns="http://www.w3.org/2000/svg">${'<g/>'.repeat(400)}</svg>`);
    // The icon the H5 build copies (config/index.ts).
    copyFileSync(join(__dirname, '..', '..', 'src', 'favicon.ico'), join(dir, 'favicon.ico'));
    await precompressDirectory(dir);
    cloud = await startLocalCloud({ deps: backend.deps, actions: ALL_ACTIONS, port: 0, staticDir: dir });
  });
  afterAll(async () => {
    await cloud.close();
    backend.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['br', 'br'],
    ['gzip', 'gzip'],
    ['gzip, deflate, br', 'br'],
    ['br;q=0, gzip', 'gzip'],
  ])('a hashed script asked with accept-encoding %p comes %p, cached for a year, and decodes to the built bytes', async (accept, encoding) => {
    const answer = await rawGet(at('/js/app.1a2b3c4d.js'), { 'accept-encoding': accept });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe(encoding);
    expect(answer.headers['content-type']).toMatch(/javascript/);
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(String(answer.headers['vary']).toLowerCase()).toBe('accept-encoding');
    expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
    expect(answer.body.length).toBeLessThan(APP_JS.length / 4);
    expect(decode(answer).equals(readFileSync(join(dir, 'js', 'app.1a2b3c4d.js')))).toBe(true);
  });

  it('sends the plain file to a client that accepts no compression, still varying on it', async () => {
    for (const accept of [undefined, 'identity', 'br;q=0, gzip;q=0']) {
      const answer = await rawGet(at('/js/app.1a2b3c4d.js'), accept ? { 'accept-encoding': accept } : {});
      expect(answer.headers['content-encoding']).toBeUndefined();
      expect(String(answer.headers['vary']).toLowerCase()).toBe('accept-encoding');
      expect(answer.body.equals(readFileSync(join(dir, 'js', 'app.1a2b3c4d.js')))).toBe(true);
    }
  });

  it('a hashed stylesheet is compressed and immutable too', async () => {
    const answer = await rawGet(at('/css/app.0123456789abcdef0123.css'), { 'accept-encoding': 'gzip, br' });
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['content-type']).toMatch(/text\/css/);
    expect(answer.headers['cache-control']).toBe(IMMUTABLE_CACHE);
    expect(decode(answer).toString('utf8')).toBe(APP_CSS);
  });

  it('an unhashed file is compressed but revalidated each time, and its ETag answers 304 with the same headers', async () => {
    const first = await rawGet(at('/assets/cover.svg'), { 'accept-encoding': 'gzip' });
    expect(first.headers['content-encoding']).toBe('gzip');
    expect(first.headers['cache-control']).toBe('no-cache');
    const etag = String(first.headers['etag']);
    expect(etag).toMatch(/^W\//);
    const again = await rawGet(at('/assets/cover.svg'), { 'accept-encoding': 'gzip', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.headers['cache-control']).toBe('no-cache');
    expect(String(again.headers['vary']).toLowerCase()).toBe('accept-encoding');
    // Another encoding is another representation: the gzip ETag does not match the brotli one.
    const otherEncoding = await rawGet(at('/assets/cover.svg'), { 'accept-encoding': 'br', 'if-none-match': etag });
    expect(otherEncoding.status).toBe(200);
    expect(otherEncoding.headers['content-encoding']).toBe('br');
  });

  it.each([['/'], ['/index.html'], ['/?cardId=card_missing']])('the page %s is compressed as negotiated and never reused without revalidation', async (path) => {
    for (const [accept, encoding] of [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
      ['identity', undefined],
    ] as const) {
      const answer = await rawGet(at(path), { 'accept-encoding': accept });
      expect(answer.status).toBe(200);
      expect(answer.headers['content-encoding']).toBe(encoding);
      expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(answer.headers['cache-control']).toBe('no-cache');
      // The card in the page is in the browser's language.
      expect(String(answer.headers['vary']).toLowerCase()).toBe('accept-encoding, accept-language');
      expect(decode(answer).toString('utf8')).toContain('<div id="app"></div>');
    }
  });

  it('answers /favicon.ico with the app icon', async () => {
    const answer = await rawGet(at('/favicon.ico'), { 'accept-encoding': 'gzip, br' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/);
    const icon = decode(answer);
    // An ICO directory (reserved 0, type 1) with at least one image in it.
    expect(icon.readUInt16LE(0)).toBe(0);
    expect(icon.readUInt16LE(2)).toBe(1);
    expect(icon.readUInt16LE(4)).toBeGreaterThan(0);
    expect(icon.equals(readFileSync(join(dir, 'favicon.ico')))).toBe(true);
  });

  it('a missing file is a typed 404 that no cache keeps', async () => {
    const answer = await rawGet(at('/js/missing.1a2b3c4d.js'), { 'accept-encoding': 'br' });
    expect(answer.status).toBe(404);
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(answer.body.toString('utf8'))).toMatchObject({ ok: false, error: { code: 'HTTP.NOT_FOUND' } });
  });

  it('never sends a precompressed copy as if it were the plain file, nor lets the query pick one', async () => {
    const answer = await rawGet(at('/js/app.1a2b3c4d.js?x=1'), {});
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.body.equals(readFileSync(join(dir, 'js', 'app.1a2b3c4d.js')))).toBe(true);
  });
});
