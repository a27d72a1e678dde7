/**
 * A page whose code did not arrive. On the web each page is its own chunk, fetched the first time the page
 * opens: with the network (or the host) down, Taro's router has already changed the address and then fails
 * with a ChunkLoadError nobody catches, leaving a page that shows nothing. In the mini-program a subpackage
 * (staff/, share/) is downloaded the same way, and WeChat reports a failed one through `wx.onLazyLoadError`.
 */
export interface PageLoadFailure {
  /** What failed, for the log: the chunk's or subpackage's own message. */
  detail: string;
}

/** webpack's failed chunk (script or its CSS), as it reaches an unhandled rejection. */
export const isChunkLoadError = (reason: unknown): boolean => {
  if (typeof reason !== 'object' || reason === null) return false;
  const { name, message } = reason as { name?: unknown; message?: unknown };
  if (name === 'ChunkLoadError') return true;
  return typeof message === 'string' && /Loading (CSS )?chunk [\w./-]+ failed/i.test(message);
};

type Unsubscribe = () => void;

/** Web: reports failed page chunks (and stops them surfacing as uncaught errors). */
export const watchChunkLoadFailures = (target: Pick<Window, 'addEventListener' | 'removeEventListener'>, onFailure: (failure: PageLoadFailure) => void): Unsubscribe => {
  const onRejection = (event: PromiseRejectionEvent): void => {
    if (!isChunkLoadError(event.reason)) return;
    event.preventDefault();
    onFailure({ detail: String((event.reason as { message?: unknown }).message ?? 'ChunkLoadError') });
  };
  target.addEventListener('unhandledrejection', onRejection);
  return () => target.removeEventListener('unhandledrejection', onRejection);
};

interface LazyLoadErrorResult {
  errMsg?: string;
  subpackage?: string[];
}
interface WxLazyLoad {
  onLazyLoadError?: (listener: (res: LazyLoadErrorResult) => void) => void;
  offLazyLoadError?: (listener: (res: LazyLoadErrorResult) => void) => void;
}

/** Mini-program: reports subpackages WeChat failed to load (base library ≥ 2.24.3; older ones have no such event). */
export const watchLazyLoadFailures = (wxApi: WxLazyLoad | undefined, onFailure: (failure: PageLoadFailure) => void): Unsubscribe => {
  if (!wxApi || typeof wxApi.onLazyLoadError !== 'function') return () => undefined;
  const listener = (res: LazyLoadErrorResult): void => onFailure({ detail: `${res.errMsg ?? 'lazy load failed'} ${(res.subpackage ?? []).join(',')}`.trim() });
  wxApi.onLazyLoadError(listener);
  return () => wxApi.offLazyLoadError?.(listener);
};
