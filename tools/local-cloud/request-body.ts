import type { IncomingMessage, ServerResponse } from 'node:http';
import { fail } from '../../domain/common/result';

export type BodyOutcome = { kind: 'complete'; text: string } | { kind: 'too_large' } | { kind: 'aborted' };

/**
 * Reads a request body up to `maxBytes`. Stops collecting at the limit (or at once when Content-Length already
 * says more) and reports `too_large`; a client that disconnects mid-body is `aborted` (nobody left to answer).
 */
export const readBody = (req: IncomingMessage, maxBytes: number): Promise<BodyOutcome> =>
  new Promise((resolve) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      resolve({ kind: 'too_large' });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (outcome: BodyOutcome) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('close', onClose);
      resolve(outcome);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) settle({ kind: 'too_large' });
      else chunks.push(chunk);
    };
    const onEnd = () => settle({ kind: 'complete', text: Buffer.concat(chunks).toString('utf8') });
    // 'close' before 'end' means the peer went away (truncated body, reset).
    const onClose = () => settle({ kind: 'aborted' });
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('close', onClose);
  });

export interface TooLargeOptions {
  /** Bytes of the rest of the body read and dropped before giving up on a polite close. */
  drainBytes: number;
  /** How long to wait for the rest of the body. */
  drainMs: number;
}

/**
 * Answers 413 with the typed error and then closes. Closing a socket whose peer is still sending makes the
 * kernel send a reset, which can overtake the answer: so the whole response is written at once, the rest
 * of the body is read and dropped (bounded in bytes and time), and only then is the response ended, which
 * closes the connection (`connection: close`).
 */
export const answerTooLarge = (req: IncomingMessage, res: ServerResponse, options: TooLargeOptions) => {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(fail('HTTP.PAYLOAD_TOO_LARGE', ['(body)']));
  res.writeHead(413, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': String(Buffer.byteLength(text)),
    connection: 'close',
  });
  res.write(text);
  let drained = 0;
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    req.off('data', onData);
    res.end();
  };
  const onData = (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > options.drainBytes) finish();
  };
  const timer = setTimeout(finish, options.drainMs);
  timer.unref();
  if (req.readableEnded || req.destroyed) return finish();
  req.on('data', onData);
  req.once('end', finish);
  req.once('close', finish);
  req.resume();
};
