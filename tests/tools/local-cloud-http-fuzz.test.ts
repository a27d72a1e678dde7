import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PERSONA_HEADER } from '../../domain/api/contract';
import { isErrorCode } from '../../domain/common/error-codes';
import { ALL_ACTIONS } from '../../tools/local-cloud/all-actions';
import { removeDataDir, startLocalCloudProcess, type LocalCloudProcess } from '../../tools/local-cloud/local-cloud-process';
import { startLocalCloud, type RunningLocalCloud } from '../../tools/local-cloud/server';
import { createTestBackend, leadInput, OPENID, type TestBackend } from '../support/test-backend';

/**
 * The local cloud at the HTTP level, over raw sockets: whatever bytes arrive, the client gets an answer with
 * the typed envelope or a clean close within a bounded wait, and the server keeps answering everyone else.
 */

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

interface Exchange {
  responses: RawResponse[];
  /** The server closed the connection (FIN), as opposed to a reset or nothing at all. */
  closed: boolean;
  reset: boolean;
  timedOut: boolean;
  /** What the server sent could not be read as HTTP responses. */
  malformed: string | null;
}

/** Reads a chunked body from `raw`; returns the body and the bytes it took, or null if incomplete. */
const readChunked = (raw: Buffer): { body: Buffer; used: number } | null => {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = raw.indexOf('\r\n', at);
    if (lineEnd === -1) return null;
    const size = parseInt(raw.subarray(at, lineEnd).toString('latin1'), 16);
    if (!Number.isFinite(size)) throw new Error('bad chunk size in a response');
    at = lineEnd + 2;
    if (size === 0) return { body: Buffer.concat(parts), used: at + 2 };
    parts.push(raw.subarray(at, at + size));
    at += size + 2;
  }
};

/** Splits what the server sent into responses (content-length or chunked framing). */
const parseResponses = (raw: Buffer): RawResponse[] => {
  const out: RawResponse[] = [];
  let rest = raw;
  while (rest.length > 0) {
    const headEnd = rest.indexOf('\r\n\r\n');
    if (headEnd === -1) break;
    const [statusLine, ...lines] = rest.subarray(0, headEnd).toString('latin1').split('\r\n');
    const m = /^HTTP\/1\.1 (\d{3}) /.exec(statusLine);
    if (!m) throw new Error(`not an HTTP status line: ${JSON.stringify(statusLine)}`);
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const at = line.indexOf(':');
      headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
    }
    const bodyStart = headEnd + 4;
    if (headers['transfer-encoding'] === 'chunked') {
      const chunked = readChunked(rest.subarray(bodyStart));
      if (!chunked) break;
      out.push({ status: Number(m[1]), headers, body: chunked.body.toString('utf8') });
      rest = rest.subarray(bodyStart + chunked.used);
    } else {
      const length = Number(headers['content-length'] ?? 0);
      out.push({ status: Number(m[1]), headers, body: rest.subarray(bodyStart, bodyStart + length).toString('utf8') });
      rest = rest.subarray(bodyStart + length);
    }
  }
  return out;
};

interface ExchangeOptions {
  /** Pieces written one after another, `pauseMs` apart. */
  pauseMs?: number;
  /** Half-close after writing (the server still answers: HTTP servers allow half-open sockets). */
  endAfterWrite?: boolean;
  /** Stop reading after this long. */
  waitMs?: number;
  /** Stop as soon as this many responses arrived. */
  responses?: number;
}

const exchange = (port: number, pieces: Array<string | Buffer>, options: ExchangeOptions = {}): Promise<Exchange> =>
  new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let reset = false;
    let settled = false;
    const settle = (closed: boolean, timedOut: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      let responses: RawResponse[] = [];
      let malformed: string | null = null;
      try {
        responses = parseResponses(Buffer.concat(chunks));
      } catch (error) {
        malformed = (error as Error).message;
      }
      resolve({ responses, closed, reset, timedOut, malformed });
    };
    const timer = setTimeout(() => settle(false, true), options.waitMs ?? 4_000);
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      try {
        if (options.responses && parseResponses(Buffer.concat(chunks)).length >= options.responses) settle(false, false);
      } catch {
        settle(false, false);
      }
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNRESET' || error.code === 'EPIPE') reset = true;
    });
    socket.on('close', () => settle(!reset, false));
    socket.on('connect', async () => {
      for (const [i, piece] of pieces.entries()) {
        if (i > 0 && options.pauseMs) await new Promise((r) => setTimeout(r, options.pauseMs));
        if (socket.destroyed) return;
        socket.write(piece);
      }
      if (options.endAfterWrite !== false) socket.end();
    });
  });

const post = (path: string, body: string | Buffer, headers: Record<string, string> = {}) => {
  const head = [`POST ${path} HTTP/1.1`, 'host: 127.0.0.1', 'content-type: application/json', `content-length: ${Buffer.byteLength(body)}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  return [`${head.join('\r\n')}\r\n\r\n`, body];
};

const expectTyped = (response: RawResponse | undefined, status: number, code?: string, label = '') => {
  expect({ label, status: response?.status }).toEqual({ label, status });
  const body = JSON.parse(response?.body ?? '') as { ok: boolean; error: { code: string; message: string } };
  expect(body.ok).toBe(false);
  expect(isErrorCode(body.error.code)).toBe(true);
  expect(body.error.message.length).toBeGreaterThan(0);
  if (code) expect(body.error.code).toBe(code);
};

/** A response or a clean close (never a reset, never silence), and any error answer typed. */
const expectAnsweredOrClosed = (result: Exchange, label: string) => {
  if (result.timedOut || result.reset) throw new Error(`${label}: ${result.timedOut ? 'no answer and no close' : 'connection reset'}`);
  if (result.malformed) throw new Error(`${label}: ${result.malformed}`);
  for (const r of result.responses) {
    if (r.status >= 400) {
      let body: { ok?: boolean; error?: { code: string } } = {};
      try {
        body = JSON.parse(r.body) as typeof body;
      } catch {
        // reported below
      }
      if (body.ok !== false || !isErrorCode(body.error?.code)) throw new Error(`${label}: untyped ${r.status}: ${JSON.stringify(r)}`);
    }
  }
};

/** Small deterministic PRNG so a failing mutation can be replayed. */
const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

describe('local cloud over raw sockets: no request ends the server', () => {
  let b: TestBackend;
  let cloud: RunningLocalCloud;
  let staticDir: string;

  const stillServes = async () => {
    const res = await fetch(new URL('/api/card.get', cloud.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', [PERSONA_HEADER]: 'visitor' },
      body: JSON.stringify({ input: {} }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, data: { cardId: 'card-staff-head' } });
  };

  beforeAll(async () => {
    b = await createTestBackend();
    staticDir = mkdtempSync(join(tmpdir(), 'investcard-h5-'));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><html><body><div id="app"></div></body></html>');
    cloud = await startLocalCloud({
      deps: b.deps,
      actions: ALL_ACTIONS,
      port: 0,
      staticDir,
      timeouts: { headersMs: 800, requestMs: 1_500, checkEveryMs: 100, drainMs: 1_000 },
    });
  });
  afterAll(async () => {
    await cloud.close();
    await b.close();
    rmSync(staticDir, { recursive: true, force: true });
  });

  it('answers a malformed percent-encoding in the action path with a typed 400', async () => {
    for (const path of ['/api/%E0', '/api/%', '/api/%zz', '/api/card.get%E0%A4%A']) {
      const r = await exchange(cloud.port, post(path, '{"input":{}}'));
      expectTyped(r.responses[0], 400, 'HTTP.BAD_REQUEST');
    }
    await stillServes();
  });

  it('answers an invalid absolute request target with a typed 400', async () => {
    for (const target of ['http://[', 'http://[::1', 'http://a b/', 'http://:/']) {
      const r = await exchange(cloud.port, [`GET ${target} HTTP/1.1\r\nhost: x\r\n\r\n`]);
      expectAnsweredOrClosed(r, target);
      expectTyped(r.responses[0], 400);
    }
    // A valid absolute target is served like its path.
    const ok = await exchange(cloud.port, ['GET http://elsewhere.example/healthz HTTP/1.1\r\nhost: x\r\n\r\n']);
    expect(ok.responses[0]?.status).toBe(200);
    await stillServes();
  });

  it('answers bad request lines and headers with a typed 400 (431 when too large), then closes', async () => {
    // null: nothing that Node counts as a request arrived, so a clean close is the answer.
    const cases: Array<[string, string | Buffer, number | null]> = [
      ['garbage line', 'GARBAGE\r\n\r\n', 400],
      ['unknown version', 'GET / HTTP/9.9\r\nhost: x\r\n\r\n', 400],
      ['space in target', 'GET /a b HTTP/1.1\r\nhost: x\r\n\r\n', 400],
      ['header without colon', 'GET / HTTP/1.1\r\nhost: x\r\nbroken header\r\n\r\n', 400],
      ['NUL in a header', 'GET / HTTP/1.1\r\nhost: x\r\nx-a: a\u0000b\r\n\r\n', 400],
      ['control byte in target', Buffer.from('GET /\u0001 HTTP/1.1\r\nhost: x\r\n\r\n', 'latin1'), 400],
      ['blank lines only', '\r\n\r\n\r\n', null],
      ['bare CR soup', '\n\r\r\r\n', null],
      ['no host header', 'GET / HTTP/1.1\r\n\r\n', 400],
      ['non-numeric content-length', 'POST /api/card.get HTTP/1.1\r\nhost: x\r\ncontent-length: abc\r\n\r\n{}', 400],
      ['conflicting content-lengths', 'POST /api/card.get HTTP/1.1\r\nhost: x\r\ncontent-length: 2\r\ncontent-length: 3\r\n\r\n{}', 400],
      ['content-length with transfer-encoding', 'POST /api/card.get HTTP/1.1\r\nhost: x\r\ncontent-length: 2\r\ntransfer-encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n', 400],
      ['bad chunk size', 'POST /api/card.get HTTP/1.1\r\nhost: x\r\ntransfer-encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n', 400],
      ['header too large', `GET / HTTP/1.1\r\nhost: x\r\nx-big: ${'a'.repeat(20_000)}\r\n\r\n`, 431],
    ];
    for (const [label, raw, status] of cases) {
      const r = await exchange(cloud.port, [raw]);
      expectAnsweredOrClosed(r, label);
      if (status === null) expect(r.responses).toEqual([]);
      else expectTyped(r.responses[0], status, undefined, label);
      expect({ label, closed: r.closed }).toEqual({ label, closed: true });
    }
    await stillServes();
  });

  it('answers bad bodies and wrong methods with typed errors', async () => {
    const badJson = await exchange(cloud.port, post('/api/card.get', '{"input":'));
    expectTyped(badJson.responses[0], 400, 'VALIDATION.INVALID_INPUT');
    const deep = await exchange(cloud.port, post('/api/card.get', `{"input":${'['.repeat(100_000)}`));
    expectTyped(deep.responses[0], 400, 'VALIDATION.INVALID_INPUT');
    const binary = await exchange(cloud.port, post('/api/card.get', Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28])));
    expectTyped(binary.responses[0], 400, 'VALIDATION.INVALID_INPUT');
    // Well-formed JSON of the wrong shape reaches the action runner, which refuses it in its own words.
    const arrayBody = await exchange(cloud.port, post('/api/card.get', '[1,2]'));
    expect(arrayBody.responses[0]?.status).toBe(200);
    expect(JSON.parse(arrayBody.responses[0]?.body ?? '')).toMatchObject({ ok: true });
    const unknownAction = await exchange(cloud.port, post('/api/..%2F..%2Fetc', '{}'));
    expect(JSON.parse(unknownAction.responses[0]?.body ?? '')).toMatchObject({ ok: false, error: { code: 'ACTION.UNKNOWN' } });

    const badPersona = await exchange(cloud.port, post('/api/card.get', '{}', { [PERSONA_HEADER]: 'root\u00ff' }));
    expectTyped(badPersona.responses[0], 400, 'AUTH.FORBIDDEN');

    for (const method of ['GET', 'PUT', 'DELETE', 'OPTIONS', 'PATCH']) {
      const r = await exchange(cloud.port, [`${method} /api/card.get HTTP/1.1\r\nhost: x\r\ncontent-length: 0\r\n\r\n`]);
      expectTyped(r.responses[0], 405, 'HTTP.METHOD_NOT_ALLOWED');
      expect(r.responses[0]?.headers.allow).toBe('POST');
    }
    const head = await exchange(cloud.port, ['HEAD /api/card.get HTTP/1.1\r\nhost: x\r\n\r\n'], { responses: 1 });
    expect(head.responses[0]?.status).toBe(405);
    const missing = await exchange(cloud.port, ['GET /no/such/file.js HTTP/1.1\r\nhost: x\r\n\r\n']);
    expectTyped(missing.responses[0], 404, 'HTTP.NOT_FOUND');
    await stillServes();
  });

  it('the local endpoints answer as before: health, personas, a persona’s outbox', async () => {
    expect(await (await fetch(new URL('/healthz', cloud.url))).json()).toEqual({ ok: true });
    const personas = (await (await fetch(new URL('/api/_local/personas', cloud.url))).json()) as { ok: boolean; data: { personas: unknown[] } };
    expect(personas.data.personas.length).toBeGreaterThan(3);
    await b.ok('lead.submit', leadInput(), OPENID.investorA);
    const outbox = (await (await fetch(new URL('/api/_local/outbox', cloud.url), { headers: { [PERSONA_HEADER]: 'head' } })).json()) as { ok: boolean; data: { items: Array<{ kind: string }> } };
    expect(outbox.data.items.map((i) => i.kind)).toContain('lead_new');
  });

  it('serves a chunked body and pipelined requests', async () => {
    const body = '{"input":{}}';
    const chunked = await exchange(cloud.port, [
      'POST /api/card.get HTTP/1.1\r\nhost: x\r\ntransfer-encoding: chunked\r\n\r\n',
      `5\r\n${body.slice(0, 5)}\r\n`,
      `${(body.length - 5).toString(16)}\r\n${body.slice(5)}\r\n0\r\n\r\n`,
    ], { pauseMs: 20 });
    expect(JSON.parse(chunked.responses[0]?.body ?? '')).toMatchObject({ ok: true });

    const one = post('/api/card.get', body).join('');
    const pipelined = await exchange(cloud.port, [one + 'GET /healthz HTTP/1.1\r\nhost: x\r\n\r\n' + one], { responses: 3 });
    expect(pipelined.responses.map((r) => r.status)).toEqual([200, 200, 200]);
  });

  it('answers an oversized body with a typed 413 the client receives, then closes', async () => {
    const big = Buffer.alloc(400 * 1024, 'a');
    // Declared too large: refused before reading, the rest read and dropped so the answer is not lost to a reset.
    const declared = await exchange(cloud.port, post('/api/lead.submit', big));
    expectTyped(declared.responses[0], 413, 'HTTP.PAYLOAD_TOO_LARGE');
    expect(declared.responses[0]?.headers.connection).toBe('close');
    expect(declared.reset).toBe(false);
    expect(declared.closed).toBe(true);

    // Not declared (chunked): noticed at the limit.
    const chunks = Array.from({ length: 10 }, () => `${(48 * 1024).toString(16)}\r\n${'b'.repeat(48 * 1024)}\r\n`);
    const streamed = await exchange(cloud.port, ['POST /api/lead.submit HTTP/1.1\r\nhost: x\r\ntransfer-encoding: chunked\r\n\r\n', ...chunks, '0\r\n\r\n'], { pauseMs: 5 });
    expectTyped(streamed.responses[0], 413, 'HTTP.PAYLOAD_TOO_LARGE');
    expect(streamed.reset).toBe(false);

    // A client that never stops sending is cut off after the bounded drain, having had its answer first.
    const endless = await exchange(cloud.port, ['POST /api/lead.submit HTTP/1.1\r\nhost: x\r\ncontent-length: 999999999\r\n\r\n', ...Array.from({ length: 40 }, () => Buffer.alloc(256 * 1024, 'c'))], { pauseMs: 50, waitMs: 6_000 });
    expectTyped(endless.responses[0], 413, 'HTTP.PAYLOAD_TOO_LARGE');
    expect(endless.timedOut).toBe(false);
    await stillServes();
  });

  it('closes truncated bodies cleanly and times out slowloris clients while serving others', async () => {
    // The peer leaves mid-body: nobody to answer, nothing crashes.
    const truncated = await exchange(cloud.port, ['POST /api/lead.submit HTTP/1.1\r\nhost: x\r\ncontent-length: 100\r\n\r\n{"inp']);
    expect(truncated.timedOut).toBe(false);
    expect(truncated.reset).toBe(false);

    // Headers trickling in forever, and a body that stalls: each gets a typed 408 within the bounded wait.
    const slowHeaders = exchange(cloud.port, ['GET / HTTP/1.1\r\n', 'host: x\r\n', 'x-a: 1\r\n', 'x-b: 2\r\n', 'x-c: 3\r\n', 'x-d: 4\r\n'], { pauseMs: 300, endAfterWrite: false, waitMs: 5_000 });
    const slowBody = exchange(cloud.port, ['POST /api/lead.submit HTTP/1.1\r\nhost: x\r\ncontent-length: 50\r\n\r\n', '{"a"'], { endAfterWrite: false, waitMs: 5_000 });
    await stillServes(); // while both are stalled
    for (const r of await Promise.all([slowHeaders, slowBody])) {
      expect(r.timedOut).toBe(false);
      expectTyped(r.responses[0], 408, 'HTTP.TIMEOUT');
    }
    await stillServes();
  });

  it('survives hundreds of mutated requests, then still answers a normal one', async () => {
    const random = prng(20261201);
    const seeds = [
      post('/api/card.get', '{"input":{}}').join(''),
      post('/api/lead.submit', '{"input":{"contact":{"name":"李"}}}', { [PERSONA_HEADER]: 'investor' }).join(''),
      'GET /?cardId=card-staff-head&s=abcdefghij HTTP/1.1\r\nhost: x\r\n\r\n',
      'GET /api/_local/outbox HTTP/1.1\r\nhost: x\r\nx-investcard-persona: investor\r\n\r\n',
      'POST /api/carrier.search HTTP/1.1\r\nhost: x\r\ntransfer-encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n',
    ];
    const alphabet = ['%', '%E0', '%C0%AF', '\r\n', '\n', '\r', '\u0000', ' ', ':', '[', 'http://[', '\u00ff', '\ud83d\ude00', '{', '"', '0', 'chunked', '\t'];
    const mutate = (text: string): Buffer => {
      const bytes = [...Buffer.from(text, 'utf8')];
      const edits = 1 + Math.floor(random() * 4);
      for (let e = 0; e < edits; e += 1) {
        const at = Math.floor(random() * bytes.length);
        const op = random();
        if (op < 0.3) bytes[at] = Math.floor(random() * 256);
        else if (op < 0.6) bytes.splice(at, 0, ...Buffer.from(alphabet[Math.floor(random() * alphabet.length)], 'utf8'));
        else if (op < 0.8) bytes.splice(at, 1 + Math.floor(random() * 8));
        else bytes.length = Math.max(1, at); // truncated
      }
      return Buffer.from(bytes);
    };
    const failures: string[] = [];
    const total = 300;
    for (let start = 0; start < total; start += 10) {
      const batch = Array.from({ length: 10 }, (_unused, k) => {
        const raw = mutate(seeds[(start + k) % seeds.length]);
        return exchange(cloud.port, [raw], { waitMs: 4_000 }).then((r) => {
          try {
            // A truncated request may legitimately wait for the rest until its timeout closes it.
            expectAnsweredOrClosed(r, JSON.stringify(raw.toString('latin1')));
          } catch (error) {
            failures.push((error as Error).message);
          }
        });
      });
      await Promise.all(batch);
    }
    expect(failures).toEqual([]);
    await stillServes();
  }, 120_000);
});

describe('the local cloud process (npm start) outlives the requests that used to end it', () => {
  let proc: LocalCloudProcess;
  beforeAll(async () => {
    proc = await startLocalCloudProcess();
  }, 90_000);
  afterAll(async () => {
    await proc.stop();
    removeDataDir(proc.dataDir);
  });

  it('answers `POST /api/%E0` and `GET http://[` and keeps running', async () => {
    const port = Number(new URL(proc.url).port);
    const percent = await exchange(port, post('/api/%E0', '{"input":{}}'));
    expectTyped(percent.responses[0], 400, 'HTTP.BAD_REQUEST');
    const target = await exchange(port, ['GET http://[ HTTP/1.1\r\nhost: x\r\n\r\n']);
    expectTyped(target.responses[0], 400, 'HTTP.BAD_REQUEST');
    const big = await exchange(port, post('/api/lead.submit', Buffer.alloc(300 * 1024, 'x')));
    expectTyped(big.responses[0], 413, 'HTTP.PAYLOAD_TOO_LARGE');
    expect(proc.child.exitCode).toBeNull();
    const health = await fetch(new URL('/healthz', proc.url));
    expect(await health.json()).toEqual({ ok: true });
  });
});
