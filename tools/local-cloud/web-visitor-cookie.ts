import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The local cloud's stand-in for CloudBase anonymous sign-in: a browser with no persona gets its own anonymous
 * visitor id in a signed, HttpOnly cookie, read per request. A cookie whose signature does not hold (forged or
 * from another data directory) is ignored and a fresh id issued, so nobody can take another visitor's id.
 */
export const VISITOR_COOKIE = 'investcard_visitor';
const ONE_YEAR_S = 365 * 24 * 3600;

const signatureOf = (secret: string, id: string): string => createHmac('sha256', secret).update(`local-visitor\u0000${id}`).digest('hex').slice(0, 32);

export const visitorCookieValue = (secret: string, id: string): string => `${id}.${signatureOf(secret, id)}`;

const cookieOf = (req: IncomingMessage, name: string): string | null => {
  const header = req.headers.cookie;
  if (typeof header !== 'string' || header.length > 8192) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
};

/** The visitor of this request, and the Set-Cookie header to send when it is new. */
export const webVisitorOf = (req: IncomingMessage, secret: string): { visitor: string; setCookie: string | null } => {
  const value = cookieOf(req, VISITOR_COOKIE);
  const match = value ? /^([a-f0-9]{32})\.([a-f0-9]{32})$/.exec(value) : null;
  if (match) {
    const expected = Buffer.from(signatureOf(secret, match[1]));
    const given = Buffer.from(match[2]);
    if (expected.length === given.length && timingSafeEqual(expected, given)) return { visitor: `lv_${match[1]}`, setCookie: null };
  }
  const id = randomBytes(16).toString('hex');
  return { visitor: `lv_${id}`, setCookie: `${VISITOR_COOKIE}=${visitorCookieValue(secret, id)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${ONE_YEAR_S}` };
};
