/**
 * Share codes ride in a mini-program code's `scene` (≤ 32 chars of a restricted set), chat-share queries and
 * web links. Ten base-62 characters ≈ 59.5 bits: far beyond enumeration, far below the 32-char limit.
 */
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const SHARE_CODE_LENGTH = 10;
export const SHARE_CODE_PATTERN = /^[0-9A-Za-z]{10}$/;

/** Random source port: the backend passes crypto.randomBytes, tests pass a seeded generator. */
export type RandomBytes = (size: number) => Uint8Array;

export const makeShareCode = (randomBytes: RandomBytes): string => {
  let code = '';
  while (code.length < SHARE_CODE_LENGTH) {
    for (const byte of randomBytes(16)) {
      // Rejection sampling keeps every character equally likely (248 = 4 × 62).
      if (byte < 248 && code.length < SHARE_CODE_LENGTH) code += ALPHABET[byte % 62];
    }
  }
  return code;
};

export const isShareCode = (value: unknown): value is string => typeof value === 'string' && SHARE_CODE_PATTERN.test(value);

/** WeChat's `scene` alphabet and length, checked before asking for a mini-program code. */
export const isValidScene = (scene: string): boolean =>
  scene.length > 0 && scene.length <= 32 && /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]+$/.test(scene);

/**
 * Reads a share code out of whatever the entry point gave the page: a `scene` (already URI-decoded or not),
 * a plain-URL QR `q` parameter holding a full URL, or a query `s`.
 */
export const shareCodeFromEntry = (entry: { scene?: string; q?: string; s?: string }): string | null => {
  const candidates: string[] = [];
  if (entry.s) candidates.push(entry.s);
  if (entry.scene) {
    const scene = safeDecode(entry.scene);
    candidates.push(scene.startsWith('s=') ? scene.slice(2) : scene);
  }
  if (entry.q) {
    const url = safeDecode(entry.q);
    const match = /[?&#]s=([0-9A-Za-z]{10})(?:[&#]|$)/.exec(url);
    if (match) candidates.push(match[1]);
  }
  return candidates.find(isShareCode) ?? null;
};

const safeDecode = (s: string): string => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};
