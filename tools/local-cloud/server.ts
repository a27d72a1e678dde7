import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PERSONA_HEADER } from '../../domain/api/contract';
import type { ActionResult } from '../../domain/common/result';
import { runAction } from '../../cloudfunctions/_lib/action-runner';
import type { ActionTable } from '../../cloudfunctions/_lib/define-action';
import type { Deps } from '../../cloudfunctions/_lib/deps';
import type { RequestContext } from '../../cloudfunctions/_lib/request-context';
import { listOutboxFor } from '../../cloudfunctions/_lib/notifications';
import { getCardContract } from '../../domain/api/public-read.contracts';
import { createFirstScreenPage } from './first-screen-page';
import { answerClientError, sendError, sendJson } from './http-answers';
import { DEFAULT_PERSONA_ID, findPersona, PERSONAS } from './personas';
import { answerTooLarge, readBody } from './request-body';
import { createStaticHost, sendPage } from './static-host';
import { webVisitorOf } from './web-visitor-cookie';
import { LOCAL_FILES_PATH, LOCAL_PHOTOS_PATH, verifyLocalLink } from './local-files';
import { PHOTO_MIME, sniffPhotoType } from '../../domain/carrier/carrier-photo.rules';

const MAX_BODY_BYTES = 256 * 1024;

export interface LocalCloudOptions {
  deps: Deps;
  actions: ActionTable;
  port: number;
  host?: string;
  /** The H5 build to serve at `/`; omitted in API-only tests. */
  staticDir?: string;
  /** Slow or stalled clients (slowloris): bounds on how long a request may take to arrive. */
  timeouts?: Partial<LocalCloudTimeouts>;
}

export interface LocalCloudTimeouts {
  /** The request line and headers must arrive within this, or the client gets 408 and a close. */
  headersMs: number;
  /** The whole request, body included. */
  requestMs: number;
  /** How often Node checks the two above (they are only as precise as this). */
  checkEveryMs: number;
  /** After a 413: how long to read and drop the rest of the body so the answer is not lost to a reset. */
  drainMs: number;
}

const DEFAULT_TIMEOUTS: LocalCloudTimeouts = { headersMs: 10_000, requestMs: 30_000, checkEveryMs: 1_000, drainMs: 5_000 };
const DRAIN_BYTES = 8 * 1024 * 1024;

export interface RunningLocalCloud {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The action a path names, or null when its percent-encoding is malformed (`/api/%E0`). */
const actionOfPath = (path: string): string | null => {
  try {
    return decodeURIComponent(path.slice('/api/'.length));
  } catch {
    return null;
  }
};

/** The request target as a URL, or null when it cannot be one (`GET http://[ HTTP/1.1`). */
const parseTarget = (target: string | undefined): URL | null => {
  try {
    return new URL(target ?? '/', 'http://local');
  } catch {
    return null;
  }
};

const errorText = (error: unknown) => (error instanceof Error ? error.message : 'unknown');

let requestCounter = 0;

/**
 * The local cloud: the same action tables the cloud functions deploy, over HTTP, with identity taken from
 * the persona header of each request (never from process state), plus the H5 build as static files.
 */
export const startLocalCloud = async (options: LocalCloudOptions): Promise<RunningLocalCloud> => {
  const { deps, actions } = options;
  const serveStatic = options.staticDir && existsSync(options.staticDir) ? createStaticHost(options.staticDir) : null;

  const nextRequestId = () => {
    requestCounter = (requestCounter + 1) % 1_000_000_000;
    return `local-${requestCounter}`;
  };

  // The card page arrives with its card already in it (see first-screen-page.ts); read as an anonymous visitor.
  const firstScreenPage = serveStatic
    ? createFirstScreenPage({
        indexFile: join(options.staticDir as string, 'index.html'),
        answerCard: (request) =>
          runAction(actions, deps, { openid: null, appid: null, origin: 'local', requestId: nextRequestId() }, { action: getCardContract.name, input: request }),
      })
    : null;

  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };

  const handleAction = async (req: IncomingMessage, res: ServerResponse, action: string) => {
    const personaId = (req.headers[PERSONA_HEADER] as string | undefined) ?? DEFAULT_PERSONA_ID;
    const persona = findPersona(personaId);
    if (!persona) return sendError(res, 400, 'AUTH.FORBIDDEN', ['persona']);
    const body = await readBody(req, MAX_BODY_BYTES);
    if (body.kind === 'aborted') return;
    if (body.kind === 'too_large') return answerTooLarge(req, res, { drainBytes: DRAIN_BYTES, drainMs: timeouts.drainMs });
    let parsed: unknown;
    try {
      parsed = body.text.length ? JSON.parse(body.text) : {};
    } catch {
      return sendError(res, 400, 'VALIDATION.INVALID_INPUT', ['(body)']);
    }
    const input = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as { input?: unknown }).input : undefined;
    // No persona identity (the web): this browser's anonymous visitor, from its own cookie, for this request only.
    const web = persona.openid || !deps.analyticsSecret ? null : webVisitorOf(req, deps.analyticsSecret);
    const ctx: RequestContext = { openid: persona.openid, appid: null, origin: 'local', requestId: nextRequestId(), visitor: web?.visitor ?? null, clientIp: req.socket.remoteAddress ?? null };
    const result: ActionResult<unknown> = await runAction(actions, deps, ctx, { action, input });
    sendJson(res, 200, result, web?.setCookie ? { 'set-cookie': web.setCookie } : {});
  };

  const listOutbox = async (req: IncomingMessage, res: ServerResponse) => {
    const persona = findPersona((req.headers[PERSONA_HEADER] as string | undefined) ?? DEFAULT_PERSONA_ID);
    if (!persona) return sendError(res, 400, 'AUTH.FORBIDDEN', ['persona']);
    const items = persona.openid ? await listOutboxFor(deps.store, persona.openid, 50) : [];
    sendJson(res, 200, { ok: true, data: { items: items.map((e) => ({ id: e._id, kind: e.message.kind, page: e.message.page, fields: e.message.fields, status: e.status, createdAt: e.createdAt })) } });
  };

  // Exports and bulletins: the signed, short-lived link an action answered, as a download.
  const serveFile = async (res: ServerResponse, url: URL) => {
    const link = deps.analyticsSecret ? verifyLocalLink(deps.analyticsSecret, url) : null;
    const bytes = link ? await deps.files.get(link.fileId) : null;
    if (!link || !bytes) return sendError(res, 404, 'HTTP.NOT_FOUND');
    const type = /\.pdf$/i.test(link.fileName) ? 'application/pdf' : /\.csv$/i.test(link.fileName) ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    res.writeHead(200, { 'content-type': type, 'content-length': bytes.byteLength, 'cache-control': 'private, no-store', 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(link.fileName)}` });
    res.end(Buffer.from(bytes));
  };

  // Carrier photos: public images, served with the type their bytes are (never what a name claims).
  const servePhoto = async (res: ServerResponse, path: string) => {
    const fileId = deps.files.fileIdOf(path);
    const bytes = fileId ? await deps.files.get(fileId) : null;
    const type = bytes ? sniffPhotoType(bytes) : null;
    if (!bytes || !type) return sendError(res, 404, 'HTTP.NOT_FOUND');
    res.writeHead(200, { 'content-type': PHOTO_MIME[type], 'content-length': bytes.byteLength, 'cache-control': 'public, max-age=86400', 'x-content-type-options': 'nosniff' });
    res.end(Buffer.from(bytes));
  };

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = parseTarget(req.url);
    if (!url) return sendError(res, 400, 'HTTP.BAD_REQUEST');
    if (req.httpVersion === '1.1' && req.headers.host === undefined) return sendError(res, 400, 'HTTP.BAD_REQUEST', ['host'], { connection: 'close' });
    const path = url.pathname;
    if (path === '/healthz') return sendJson(res, 200, { ok: true });
    if (path === '/api/_local/personas' && req.method === 'GET') {
      return sendJson(res, 200, { ok: true, data: { personas: PERSONAS.map(({ id, label, kind }) => ({ id, label, kind })), defaultPersona: 'investor' } });
    }
    if (path === '/api/_local/outbox' && req.method === 'GET') return listOutbox(req, res);
    if (path.startsWith(LOCAL_FILES_PATH) && req.method === 'GET') return serveFile(res, url);
    if (path.startsWith(LOCAL_PHOTOS_PATH) && req.method === 'GET') return servePhoto(res, path);
    if (path.startsWith('/api/')) {
      if (req.method !== 'POST') return sendError(res, 405, 'HTTP.METHOD_NOT_ALLOWED', undefined, { allow: 'POST' });
      const action = actionOfPath(path);
      if (action === null) return sendError(res, 400, 'HTTP.BAD_REQUEST', ['(path)']);
      return handleAction(req, res, action);
    }
    if (firstScreenPage && req.method === 'GET' && (path === '/' || path === '/index.html')) {
      const html = await firstScreenPage(url, req.headers['accept-language']);
      if (res.headersSent || res.destroyed) return;
      return sendPage(req, res, html);
    }
    if (serveStatic) return serveStatic(req, res, path, () => sendError(res, 404, 'HTTP.NOT_FOUND'));
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('H5 build not found: run `npm run build:h5`.');
  };

  // The last line of defence: whatever a request does, it is answered (or its socket closed) and the process
  // keeps serving everyone else.
  const onRequestFailed = (req: IncomingMessage, res: ServerResponse, error: unknown) => {
    deps.log.error('local_cloud.request_failed', { method: req.method ?? '', error: errorText(error) });
    if (!res.headersSent && !res.destroyed) sendError(res, 500, 'INTERNAL.UNEXPECTED');
    else res.destroy();
  };

  const server = createServer(
    {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      connectionsCheckingInterval: timeouts.checkEveryMs,
      // Node would answer a missing Host itself, with an empty body: route() answers it in the typed envelope.
      requireHostHeader: false,
    },
    (req, res) => {
      // A reset mid-request or mid-response surfaces here; without a listener it would be thrown.
      req.on('error', (error) => deps.log.info('local_cloud.request_stream_error', { error: errorText(error) }));
      res.on('error', (error) => deps.log.info('local_cloud.response_stream_error', { error: errorText(error) }));
      try {
        route(req, res).catch((error: unknown) => onRequestFailed(req, res, error));
      } catch (error) {
        onRequestFailed(req, res, error);
      }
    },
  );
  server.keepAliveTimeout = 5_000;
  server.on('clientError', (error: Error & { code?: string }, socket) =>
    answerClientError(error, socket, (code) => deps.log.info('local_cloud.client_error', { code })),
  );

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  // After start-up an error on the listening socket (e.g. too many open files on accept) is logged, not fatal.
  server.on('error', (error) => deps.log.error('local_cloud.server_error', { error: errorText(error) }));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};
