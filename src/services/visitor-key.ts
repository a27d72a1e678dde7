import Taro from '@tarojs/taro';

/**
 * A random id kept on this device so anonymous visitors (Moments, the web) are counted once without any
 * identity: the backend stores only a salted hash of it. Not a secret and never used to recognise a person.
 */
const STORAGE_KEY = 'investcard.visitor';
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const LENGTH = 24;
const VALID = /^[A-Za-z0-9_-]{16,48}$/;

let memory: string | null = null;

const randomKey = (): string => {
  let key = '';
  for (let i = 0; i < LENGTH; i += 1) key += ALPHABET[Math.floor(Math.random() * ALPHABET.length)];
  return key;
};

export const deviceVisitorKey = (): string => {
  if (memory) return memory;
  try {
    const stored: unknown = Taro.getStorageSync(STORAGE_KEY);
    if (typeof stored === 'string' && VALID.test(stored)) {
      memory = stored;
      return stored;
    }
  } catch {
    // Storage unavailable: a per-session key still counts this visit.
  }
  memory = randomKey();
  try {
    Taro.setStorageSync(STORAGE_KEY, memory);
  } catch {
    // Same as above.
  }
  return memory;
};
