import Taro from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';

/**
 * Form drafts kept on the device, so what someone typed survives a reload, a crash of the page or a failed
 * submit. One storage entry per form (and per lead for the reply box); each form clears its own on success.
 */
const PREFIX = 'investcard.draft:';

/** The draft stored under `key`, if there is one that `parse` accepts (an older or tampered entry is dropped). */
export const readDraft = <T>(key: string, parse: (raw: unknown) => T | null): T | null => {
  try {
    const raw: unknown = Taro.getStorageSync(PREFIX + key);
    if (raw === '' || raw === null || raw === undefined) return null;
    return parse(typeof raw === 'string' ? (JSON.parse(raw) as unknown) : raw);
  } catch {
    return null;
  }
};

export const writeDraft = (key: string, value: unknown): void => {
  try {
    Taro.setStorageSync(PREFIX + key, JSON.stringify(value));
  } catch {
    // Storage full or unavailable (private browsing): the form still works, only the draft is not kept.
  }
};

export const clearDraft = (key: string): void => {
  try {
    if (typeof Taro.removeStorageSync === 'function') Taro.removeStorageSync(PREFIX + key);
    else Taro.setStorageSync(PREFIX + key, '');
  } catch {
    // Nothing kept, nothing to clear.
  }
};

export interface DraftOptions<T> {
  /** Turns what storage holds back into a value, or null when it is not a usable draft. */
  parse: (raw: unknown) => T | null;
  /** What is stored (e.g. without a honeypot); the whole value by default. */
  stored?: (value: T) => unknown;
  /** Nothing worth keeping: the entry is removed instead of written. */
  isEmpty: (value: T) => boolean;
}

/**
 * `useState` kept on the device under `key` (null: not kept, e.g. before the lead id is known). The first
 * render starts from the stored draft when there is one; every change is written; `clear()` drops it (call it
 * when the form was sent). Also says whether this visit started from a draft.
 */
export const useDraft = <T>(
  key: string | null,
  initial: () => T,
  { parse, stored, isEmpty }: DraftOptions<T>,
): [T, Dispatch<SetStateAction<T>>, { restored: boolean; clear: () => void }] => {
  const [start] = useState(() => (key ? readDraft(key, parse) : null));
  const [value, setValue] = useState<T>(() => start ?? initial());
  const latest = useRef({ stored, isEmpty });
  latest.current = { stored, isEmpty };

  useEffect(() => {
    if (!key) return;
    if (latest.current.isEmpty(value)) clearDraft(key);
    else writeDraft(key, latest.current.stored ? latest.current.stored(value) : value);
  }, [key, value]);

  const clear = useCallback(() => {
    if (key) clearDraft(key);
  }, [key]);

  return [value, setValue, { restored: start !== null, clear }];
};

/**
 * A parser for the draft of an edit form: a stored object is accepted field by field where each field has the
 * kind its `blank` has (text stays text, a list stays a list; a field that may be null takes text or null), and
 * missing fields come from `blank`. Anything else — an older form's shape, a tampered entry — is no draft.
 */
export const formDraftOf =
  <T extends object>(blank: T) =>
  (raw: unknown): T | null => {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return null;
    const kind = (x: unknown) => (x === null ? 'null' : Array.isArray(x) ? 'array' : typeof x);
    const out: Record<string, unknown> = { ...(blank as Record<string, unknown>) };
    for (const [field, value] of Object.entries(raw as Record<string, unknown>)) {
      if (!(field in blank)) return null;
      const expected = kind((blank as Record<string, unknown>)[field]);
      const actual = kind(value);
      const fits = actual === expected || (expected === 'null' && actual === 'string') || (actual === 'null' && expected === 'string');
      if (!fits) return null;
      out[field] = value;
    }
    return out as T;
  };

/**
 * The draft of a form whose starting values load later (an office edit form over a stored record): nothing is
 * written until the user changed something (`dirty`), then every change is; `clear()` after a successful save.
 * Read the draft back with `readDraft(key, formDraftOf(blank))` once the record has loaded.
 */
export const useEditDraft = <T>(key: string, value: T | null, dirty: boolean): { clear: () => void } => {
  const keyRef = useRef(key);
  keyRef.current = key;
  useEffect(() => {
    if (dirty && value !== null) writeDraft(key, value);
  }, [key, value, dirty]);
  return { clear: useCallback(() => clearDraft(keyRef.current), []) };
};
