import { useCallback, useEffect, useRef, useState } from 'react';
import { isSinglePageMode } from '../platform/launch-mode';

const HINT_MS = 3500;

export interface FullModeGuard {
  /** Moments single-page mode: the page is read-only. */
  readOnly: boolean;
  /** The explanation currently shown, if any. */
  hint: string | null;
  /**
   * Runs `action` in full mode; in single-page mode shows why it cannot run instead. Returns whether it ran.
   * `what` names the action for the visitor, e.g. 拨打电话.
   */
  guard: (what: string, action: () => void) => boolean;
}

/** The explanation a Moments visitor gets for an action that needs the full mini-program. */
export const fullModeMessage = (what: string): string => `朋友圈预览中无法${what}，请点击屏幕下方「前往小程序」后操作`;

/** Single-page-mode guard for a page's actions (see utils/launch-mode); `message` words the hint (English pages). */
export const useFullMode = (message: (what: string) => string = fullModeMessage): FullModeGuard => {
  const [readOnly] = useState(isSinglePageMode);
  const [hint, setHint] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const guard = useCallback(
    (what: string, action: () => void): boolean => {
      if (!readOnly) {
        action();
        return true;
      }
      setHint(message(what));
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => setHint(null), HINT_MS);
      return false;
    },
    [readOnly, message],
  );

  return { readOnly, hint, guard };
};
