import { createHash, createHmac } from 'node:crypto';
import { DomainError } from '../../domain/common/result';

/** Shortest ANALYTICS_SALT the cloud accepts: a long random string, not a word someone could guess. */
export const MIN_ANALYTICS_SECRET_LENGTH = 32;

/** The day's key: HMAC(secret, day). Without the secret one day's key says nothing about another's. */
const dayKey = (secret: string, day: string): Buffer => createHmac('sha256', secret).update(`investcard:visitors:${day}`).digest();

/**
 * A visitor's hash for one day: HMAC(dayKey, identity), truncated. The same person gets unrelated hashes on two
 * days, so nothing stored can follow them from one day to the next; within the day it counts them once.
 */
export const dailyVisitorHash = (secret: string | null, day: string, identity: string): string => {
  if (!secret) throw new DomainError('CONFIG.ANALYTICS_SECRET_MISSING');
  return createHmac('sha256', dayKey(secret, day)).update(identity).digest('hex').slice(0, 32);
};

/** Deterministic document id from parts (for dedupe by insert), within the store's id alphabet and length. */
export const hashedId = (prefix: string, ...parts: string[]): string => `${prefix}_${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 40)}`;
