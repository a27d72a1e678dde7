/**
 * The web visitor's proof of work: an anonymous caller must find a nonce whose SHA-256 over
 * `<challenge token>:<nonce>` starts with `bits` zero bits before `lead.submit` accepts them. Self-hosted (no
 * third-party captcha at run time); the function issues, signs and checks the token, and refuses a replay.
 * SHA-256 is written out here because the browser, the mini-program and the function must hash identically and
 * domain/ may not import Node's crypto (a few hundred thousand hashes a second is plenty for 16 bits).
 */

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const utf8 = (text: string): Uint8Array => {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
};

/** SHA-256 of a string's UTF-8 bytes, as 8 big-endian 32-bit words. */
export const sha256Words = (text: string): Uint32Array => {
  const bytes = utf8(text);
  const bitLength = bytes.length * 8;
  const padded = new Uint8Array(Math.ceil((bytes.length + 9) / 64) * 64);
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLength / 0x100000000));
  view.setUint32(padded.length - 4, bitLength >>> 0);
  const h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const w = new Uint32Array(64);
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let i = 0; i < 16; i += 1) w[i] = view.getUint32(offset + i * 4);
    for (let i = 16; i < 64; i += 1) {
      const a = w[i - 15];
      const b = w[i - 2];
      const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
      const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = h;
    for (let i = 0; i < 64; i += 1) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const t1 = (hh + S1 + ch + K[i] + w[i]) >>> 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += hh;
  }
  return h;
};

export const sha256Hex = (text: string): string => Array.from(sha256Words(text), (x) => x.toString(16).padStart(8, '0')).join('');

/** Zero bits at the start of the digest, counted up to 32 (difficulties never go higher). */
const leadingZeroBits = (word: number): number => (word === 0 ? 32 : Math.clz32(word));

/** Default difficulty: ~65 000 hashes on average, well under a second in a phone browser. */
export const WEB_CHALLENGE_BITS = 16;
/** How long an issued challenge may be solved and used. */
export const WEB_CHALLENGE_TTL_MS = 10 * 60_000;
export const WEB_CHALLENGE_PATTERN = /^[A-Za-z0-9]{16,32}\.[0-9]{10,14}\.[0-9]{1,2}\.[a-f0-9]{64}$/;
export const POW_NONCE_PATTERN = /^[0-9]{1,12}$/;

export const meetsDifficulty = (challenge: string, nonce: string, bits: number): boolean =>
  leadingZeroBits(sha256Words(`${challenge}:${nonce}`)[0]) >= bits;

export interface ParsedChallenge {
  id: string;
  expiresAtMs: number;
  bits: number;
  signature: string;
}

/** The parts of a token `<id>.<expiresAtMs>.<bits>.<signature>`; null when it is not one. */
export const parseChallenge = (token: string): ParsedChallenge | null => {
  if (!WEB_CHALLENGE_PATTERN.test(token)) return null;
  const [id, expires, bits, signature] = token.split('.');
  return { id, expiresAtMs: Number(expires), bits: Number(bits), signature };
};

/** What the function signs: the token's public parts bound to the visitor it was issued to. */
export const challengeSigningText = (c: Omit<ParsedChallenge, 'signature'>, visitor: string): string => `investcard:challenge:${c.id}.${c.expiresAtMs}.${c.bits}:${visitor}`;

/**
 * Looks for a nonce among `batch` candidates from `start`, so a page can yield between batches; `nonce` is
 * null when this batch held none (carry on from `next`).
 */
export const solveChallenge = (challenge: string, bits: number, start = 0, batch = 1_000_000): { nonce: string | null; next: number } => {
  for (let n = start; n < start + batch; n += 1) {
    if (meetsDifficulty(challenge, String(n), bits)) return { nonce: String(n), next: n + 1 };
  }
  return { nonce: null, next: start + batch };
};

/**
 * Claim codes: 10 characters from an alphabet without look-alikes (no 0/O, 1/I/L), ~50 bits, shown
 * grouped as `ABCDE-FGHJK`. Derived by the function from a secret and the lead id, so a retried submission
 * shows the same code and none can be guessed from another.
 */
export const CLAIM_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CLAIM_CODE_LENGTH = 10;

/** Upper-cases, drops spaces and dashes; null when what is left cannot be a claim code. */
export const normalizeClaimCode = (raw: string): string | null => {
  const compact = raw.normalize('NFKC').toUpperCase().replace(/[\s-]/g, '');
  if (compact.length !== CLAIM_CODE_LENGTH) return null;
  for (const ch of compact) if (!CLAIM_CODE_ALPHABET.includes(ch)) return null;
  return compact;
};

export const formatClaimCode = (code: string): string => `${code.slice(0, 5)}-${code.slice(5)}`;

/** A claim code from 10 (or more) random bytes. */
export const claimCodeFromBytes = (bytes: Uint8Array): string =>
  Array.from(bytes.slice(0, CLAIM_CODE_LENGTH), (b) => CLAIM_CODE_ALPHABET[b % CLAIM_CODE_ALPHABET.length]).join('');
