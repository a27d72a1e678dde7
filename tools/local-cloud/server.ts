import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import sirv from 'sirv';
import { PERSONA_HEADER } from '../../domain/api/contract';
import { fail, type ActionResult } from '../../domain/common/result';
import { runAction } from '../../cloudfunctions/_lib/action-runner';
import type { ActionTable } from '../../cloudfunctions/_lib/define-action';
import type { Deps } from '../../cloudfunctions/_lib/deps';
import type { RequestContext } from '../../cloudfunctions/_lib/request-context';
import type { OutboxEntry } from '../../cloudfunctions/_lib/notifications';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { getCardContract } from '../../domain/api/public-read.contracts';
import { createFirstScreenPage } from './first-screen-page';
import { DEFAULT_PERSONA_ID, findPersona, PERSONAS } from './personas';

const MAX_BODY_BYTES = 256 * 1024;

export interface LocalCloudOptions {
  deps: Deps;
  actions: ActionTable;
  port: number;
  host?: string;
  /** The H5 build to serve at `/`; omitted in API-only tests. */
  staticDir?: string;
}

export interface RunningLocalCloud {
  url: string;
  port: number;
  close(): Promise<void>;
}

const sendJson = (res: ServerResponse, status: number, body: unknown) => {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
};

const readBody = (req: IncomingMessage): Promise<string | null> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

let requestCounter = 0;

/**
 * The local cloud: the same action tables the cloud functions deploy, over HTTP, with identity taken from
 * the persona header of each request (never from process state), plus the H5 build as static files.
 */
export const startLocalCloud = async (options: LocalCloudOptions): Promise<RunningLocalCloud> => {
  const { deps, actions } = options;
  // dev: files are looked up per request, so an H5 rebuild is served without restarting.
  const serveStatic = options.staticDir && existsSync(options.staticDir) ? sirv(options.staticDir, { single: true, dev: true, etag: true }) : null;

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

  const handleAction = async (req: IncomingMessage, res: ServerResponse, action: string) => {
    const personaId = (req.headers[PERSONA_HEADER] as string | undefined) ?? DEFAULT_PERSONA_ID;
    const persona = findPersona(personaId);
    if (!persona) return sendJson(res, 400, fail('AUTH.FORBIDDEN', ['persona']));
    const raw = await readBody(req);
    if (raw === null) return sendJson(res, 413, fail('VALIDATION.INVALID_INPUT', ['(body)']));
    let body: unknown;
    try {
      body = raw.length ? JSON.parse(raw) : {};
    } catch {
      return sendJson(res, 400, fail('VALIDATION.INVALID_INPUT', ['(body)']));
    }
    const input = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as { input?: unknown }).input : undefined;
    const ctx: RequestContext = { openid: persona.openid, appid: null, origin: 'local', requestId: nextRequestId() };
    const result: ActionResult<unknown> = await runAction(actions, deps, ctx, { action, input });
    sendJson(res, 200, result);
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    const path = url.pathname;
    const done = (p: Promise<void> | void) =>
      Promise.resolve(p).catch((error: unknown) => {
        deps.log.error('local_cloud.request_failed', { path, error: error instanceof Error ? error.message : 'unknown' });
        if (!res.headersSent) sendJson(res, 500, fail('INTERNAL.UNEXPECTED'));
      });

    if (path === '/healthz') return sendJson(res, 200, { ok: true });
    if (path === '/api/_local/personas' && req.method === 'GET') {
      return sendJson(res, 200, { ok: true, data: { personas: PERSONAS.map(({ id, label, kind }) => ({ id, label, kind })), defaultPersona: 'investor' } });
    }
    if (path === '/api/_local/outbox' && req.method === 'GET') {
      const persona = findPersona((req.headers[PERSONA_HEADER] as string | undefined) ?? DEFAULT_PERSONA_ID);
      if (!persona) return sendJson(res, 400, fail('AUTH.FORBIDDEN', ['persona']));
      return void done(
        (async () => {
          const items = persona.openid
            ? await deps.store.find<OutboxEntry>(COLLECTIONS.outbox.name, { where: { 'message.toOpenid': persona.openid }, orderBy: [{ field: 'createdAt', direction: 'desc' }], limit: 50 })
            : [];
          sendJson(res, 200, { ok: true, data: { items: items.map((e) => ({ id: e._id, kind: e.message.kind, page: e.message.page, fields: e.message.fields, status: e.status, createdAt: e.createdAt })) } });
        })(),
      );
    }
    if (path.startsWith('/api/')) {
      if (req.method !== 'POST') return sendJson(res, 405, fail('ACTION.UNKNOWN'));
      return void done(handleAction(req, res, decodeURIComponent(path.slice('/api/'.length))));
    }
    if (firstScreenPage && req.method === 'GET' && (path === '/' || path === '/index.html')) {
      return void done(
        firstScreenPage(url).then((html) => {
          // Live vacancy figures are in the page: never reuse a stored copy.
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
          res.end(html);
        }),
      );
    }
    if (serveStatic) return serveStatic(req, res, () => sendJson(res, 404, fail('ACTION.UNKNOWN')));
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('H5 build not found: run `npm run build:h5`.');
  });
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
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
