import { createHash } from 'node:crypto';

/** Salted, truncated SHA-256: counts one visitor once without being able to tell who they are. */
export const visitorHash = (salt: string, identity: string): string => createHash('sha256').update(`${salt}\u0000${identity}`).digest('hex').slice(0, 32);

/** Deterministic document id from parts (for dedupe by insert), within the store's id alphabet and length. */
export const hashedId = (prefix: string, ...parts: string[]): string => `${prefix}_${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 40)}`;
