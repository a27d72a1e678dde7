/**
 * Identity and request facts, read once at the edge (getWXContext in a cloud function, the persona header in
 * the local cloud) and passed down as data. Nothing below the edge reads identity from anywhere else.
 */
export interface RequestContext {
  /** WeChat OPENID; null when the caller has none (Moments single-page mode, the web, timers). */
  openid: string | null;
  appid: string | null;
  /** Where the call came from, for logs only; never for authorization. */
  origin: 'wechat' | 'local' | 'timer' | 'test';
  requestId: string;
}
