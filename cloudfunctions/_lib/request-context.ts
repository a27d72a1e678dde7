/**
 * Identity and request facts, read once at the edge (getWXContext in a cloud function, the persona header in
 * the local cloud) and passed down as data. Nothing below the edge reads identity from anywhere else.
 */
export interface RequestContext {
  /** WeChat OPENID; null when the caller has none (Moments single-page mode, the web, timers). */
  openid: string | null;
  appid: string | null;
  /**
   * A web visitor without WeChat: CloudBase's anonymous sign-in uid (TCB_UUID) in the cloud, a signed
   * per-browser cookie in the local cloud. Only inquiry intake and 我的咨询 accept it; it is never staff.
   */
  visitor?: string | null;
  /** The caller's address (CLIENTIP / the socket), for per-address limits on anonymous inquiries only. */
  clientIp?: string | null;
  /** Where the call came from, for logs only; never for authorization. */
  origin: 'wechat' | 'local' | 'timer' | 'test';
  requestId: string;
}
