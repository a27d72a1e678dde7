import { IDEMPOTENCY_KEY_PATTERN } from '../../domain/api/lead.contracts';

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * One key per fill of an inquiry (24 characters, ~143 bits): every resend of that fill carries it, so double taps,
 * retries after a lost answer and queued offline sends land on the same lead. Uses the platform's CSPRNG where
 * there is one. Shared by the investor's form and event mode.
 */
export const newIdempotencyKey = (): string => {
  const bytes = new Uint8Array(24);
  const cryptoApi = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto;
  if (cryptoApi?.getRandomValues) cryptoApi.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i += 1) bytes[i] = Math.floor(Math.random() * 256);
  let key = '';
  for (const b of bytes) key += KEY_ALPHABET[b % KEY_ALPHABET.length];
  return IDEMPOTENCY_KEY_PATTERN.test(key) ? key : newIdempotencyKey();
};
