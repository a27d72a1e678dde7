import type { ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ErrorCode } from '../../domain/common/error-codes';
import { fail } from '../../domain/common/result';

/**
 * How the local cloud answers at the HTTP level. Every refusal carries the same typed envelope the actions use
 * (`{ok:false,error:{code,message}}`), so the H5 transport and a curl user read one shape whatever went wrong.
 */

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } as const;

export const sendJson = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  // A client that went away, or a response already under way, cannot be answered again.
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { ...JSON_HEADERS, 'content-length': String(Buffer.byteLength(text)), ...headers });
  res.end(text);
};

export const sendError = (res: ServerResponse, status: number, code: ErrorCode, fields?: string[], headers?: Record<string, string>) =>
  sendJson(res, status, fail(code, fields), headers);

/** A whole HTTP/1.1 response as bytes, for sockets the parser gave up on (no ServerResponse exists for them). */
export const rawErrorResponse = (status: number, reason: string, code: ErrorCode): string => {
  const text = JSON.stringify(fail(code));
  return [
    `HTTP/1.1 ${status} ${reason}`,
    'content-type: application/json; charset=utf-8',
    'cache-control: no-store',
    `content-length: ${Buffer.byteLength(text)}`,
    'connection: close',
    '',
    text,
  ].join('\r\n');
};

const CLIENT_ERROR_ANSWERS: Record<string, [number, string, ErrorCode]> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large', 'HTTP.HEADERS_TOO_LARGE'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', 'HTTP.TIMEOUT'],
};

/**
 * The server's `clientError` handler: a request line, header or framing the parser rejects, or a request that
 * stayed incomplete past its timeout. Node's default answers in plain text and destroys the socket at once;
 * here the client gets the typed envelope, then a clean close.
 */
export const answerClientError = (error: Error & { code?: string }, socket: Duplex, log: (code: string) => void) => {
  log(error.code ?? 'unknown');
  const inResponse = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent === true;
  if (error.code === 'ECONNRESET' || !socket.writable || inResponse) {
    socket.destroy();
    return;
  }
  const [status, reason, code] = CLIENT_ERROR_ANSWERS[error.code ?? ''] ?? [400, 'Bad Request', 'HTTP.BAD_REQUEST'];
  socket.end(rawErrorResponse(status, reason, code));
  // A peer that never reads must not keep the socket: end() waits for the write to drain.
  setTimeout(() => socket.destroy(), 2_000).unref();
};
