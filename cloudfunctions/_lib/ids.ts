import type { RandomBytes } from '../../domain/share/share-code.rules';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';
let sequence = 0;

/**
 * Ids that sort by creation: time (ms, base 36) + a per-process sequence (orders events written in the same
 * millisecond by one container) + 10 random base-36 characters (no collisions across containers).
 */
export const newId = (prefix: string, now: Date, randomBytes: RandomBytes): string => {
  sequence = (sequence + 1) % 46656;
  let rand = '';
  for (const b of randomBytes(10)) rand += ALPHABET[b % 36];
  return `${prefix}_${now.getTime().toString(36).padStart(9, '0')}${sequence.toString(36).padStart(3, '0')}${rand}`;
};
