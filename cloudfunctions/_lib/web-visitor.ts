import { createHmac, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../../domain/common/result';
import { claimCodeFromBytes, challengeSigningText, meetsDifficulty, parseChallenge, type ParsedChallenge } from '../../domain/lead/web-challenge.rules';

/**
 * Server-side halves of the web visitor's challenge and claim code. Both are keyed by the deployment's secret
 * (ANALYTICS_SALT), each under its own label, so one secret never signs two kinds of thing alike.
 */
const hmacHex = (secret: string | null, label: string, text: string): string => {
  if (!secret) throw new DomainError('CONFIG.ANALYTICS_SECRET_MISSING');
  return createHmac('sha256', secret).update(`${label}\u0000${text}`).digest('hex');
};

export const signChallenge = (secret: string | null, c: Omit<ParsedChallenge, 'signature'>, visitor: string): string =>
  `${c.id}.${c.expiresAtMs}.${c.bits}.${hmacHex(secret, 'challenge', challengeSigningText(c, visitor))}`;

/**
 * Checks a solved challenge: signed by us for this very visitor, not expired, at least `minBits` hard, and
 * the nonce meets it. Whether it was used before is the caller's check (in the lead's transaction).
 */
export const verifySolvedChallenge = (secret: string | null, proof: { challenge: string; nonce: string }, visitor: string, now: Date, minBits: number): ParsedChallenge => {
  const parsed = parseChallenge(proof.challenge);
  if (!parsed) throw new DomainError('LEAD.CHALLENGE_INVALID', ['proof']);
  const expected = Buffer.from(hmacHex(secret, 'challenge', challengeSigningText(parsed, visitor)), 'hex');
  const given = Buffer.from(parsed.signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new DomainError('LEAD.CHALLENGE_INVALID', ['proof']);
  if (parsed.expiresAtMs <= now.getTime() || parsed.bits < minBits) throw new DomainError('LEAD.CHALLENGE_INVALID', ['proof']);
  if (!meetsDifficulty(proof.challenge, proof.nonce, parsed.bits)) throw new DomainError('LEAD.CHALLENGE_INVALID', ['proof']);
  return parsed;
};

/** A web inquiry's claim code: the same for a retried submission, unguessable without the secret. */
export const claimCodeForLead = (secret: string | null, leadId: string): string =>
  claimCodeFromBytes(Buffer.from(hmacHex(secret, 'claim', leadId), 'hex'));

/** The claim document's id: a hash of the code, so the stored ids cannot be turned back into codes. */
export const claimDocumentId = (secret: string | null, code: string): string => `cl_${hmacHex(secret, 'claim-id', code).slice(0, 40)}`;

/** What CloudBase sets for a web caller signed in through the web SDK (verified by CloudBase, never the body). */
export interface CloudbaseCaller {
  TCB_UUID?: string;
  TCB_ISANONYMOUS_USER?: string;
}

/** A CloudBase uid as the service issues them; anything else is not taken as an identity. */
const CLOUDBASE_UID = /^[A-Za-z0-9_-]{6,64}$/;

/**
 * The web-visitor identity of a caller with no WeChat identity who signed in anonymously through the CloudBase
 * web SDK: `tcb_<uid>`, the cloud's counterpart of the local cloud's per-browser `lv_<id>`. A WeChat user (openid)
 * is never a web visitor; a non-anonymous or malformed CloudBase login is none either.
 */
export const webVisitorOfCloudbaseCaller = (openid: string | null, caller: CloudbaseCaller): string | null => {
  if (openid) return null;
  if (caller.TCB_ISANONYMOUS_USER !== 'true') return null;
  const uid = caller.TCB_UUID;
  return typeof uid === 'string' && CLOUDBASE_UID.test(uid) ? `tcb_${uid}` : null;
};
