import Taro from '@tarojs/taro';
import { useCallback, useEffect, useRef } from 'react';

const PREFIX = 'investcard:admin-draft:';

/** A saved draft of an edit form, or null; anything unreadable counts as none. */
export const readDraft = <T>(key: string): T | null => {
  try {
    const raw: unknown = Taro.getStorageSync(PREFIX + key);
    if (!raw) return null;
    return (typeof raw === 'string' ? JSON.parse(raw) : raw) as T;
  } catch {
    return null;
  }
};

export const clearDraft = (key: string): void => {
  try {
    Taro.removeStorageSync(PREFIX + key);
  } catch {
    // Nothing to clear.
  }
};

/**
 * Keeps an edit form's values on the device while it is edited (admins prepare content over several sittings),
 * so a reload or a failed save loses nothing; cleared after a successful save.
 */
export const useFormDraft = <T>(key: string, value: T | null, dirty: boolean): { clear: () => void } => {
  const keyRef = useRef(key);
  keyRef.current = key;
  useEffect(() => {
    if (!dirty || value === null) return;
    try {
      Taro.setStorageSync(PREFIX + key, JSON.stringify(value));
    } catch {
      // Storage full or unavailable: the form still works.
    }
  }, [key, value, dirty]);
  return { clear: useCallback(() => clearDraft(keyRef.current), []) };
};
