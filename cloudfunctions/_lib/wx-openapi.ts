import type * as WxServerSdk from 'wx-server-sdk';
import type { ContentCheck, MediaCheck, Notifier, OutgoingMessage, QrPort } from './deps';

type Cloud = typeof WxServerSdk;

/**
 * WeChat open APIs behind our ports. `npm run build:functions` finds the `openapi.x.y` calls in each bundle
 * and writes them to config.json permissions, so a new call here is declared automatically.
 */

interface WxApiError {
  errCode?: number;
  errcode?: number;
}
const errCodeOf = (e: unknown): number | null => {
  const err = e as WxApiError;
  return typeof err?.errCode === 'number' ? err.errCode : typeof err?.errcode === 'number' ? err.errcode : null;
};

/** `security.msgSecCheck` v2. A moderation outage must not lose a lead: it degrades to "review". */
export const wxContentCheck = (cloud: Cloud): ContentCheck => ({
  async check(text, openid) {
    if (!openid) return 'review';
    try {
      const r = (await cloud.openapi.security.msgSecCheck({ openid, scene: 2, version: 2, content: text.slice(0, 2500) })) as { result?: { suggest?: string } };
      const suggest = r.result?.suggest;
      return suggest === 'risky' ? 'risky' : suggest === 'review' ? 'review' : 'pass';
    } catch {
      return 'review';
    }
  },
});

/** Subscription message templates are chosen in the mini-program console and configured per environment. */
const TEMPLATE_ENV: Record<OutgoingMessage['kind'], string> = {
  lead_new: 'TEMPLATE_LEAD_NEW',
  lead_assigned: 'TEMPLATE_LEAD_NEW',
  lead_overdue: 'TEMPLATE_LEAD_OVERDUE',
  lead_followup: 'TEMPLATE_LEAD_OVERDUE',
  vacancy_confirm: 'TEMPLATE_VACANCY_CONFIRM',
  lead_reply: 'TEMPLATE_LEAD_REPLY',
  bulletin_ready: 'TEMPLATE_BULLETIN_READY',
};

export const wxNotifier = (cloud: Cloud): Notifier => ({
  async send(message) {
    const templateId = process.env[TEMPLATE_ENV[message.kind]];
    if (!templateId) return { ok: false, code: 'template_not_configured' };
    try {
      await cloud.openapi.subscribeMessage.send({
        touser: message.toOpenid,
        templateId,
        page: message.page,
        miniprogramState: process.env.MINIPROGRAM_STATE ?? 'formal',
        data: Object.fromEntries(Object.entries(message.fields).map(([k, value]) => [k, { value }])),
      });
      return { ok: true };
    } catch (error) {
      const code = errCodeOf(error);
      // 43101: the user has no remaining subscription; recorded and retried after they top up.
      return { ok: false, code: code === 43101 ? 'subscription_missing' : `wx_${code ?? 'error'}` };
    }
  },
});

/**
 * Mini-program code via `wxacode.getUnlimited` with the share code as `scene`, stored once in cloud storage.
 * Before release set WXACODE_ENV_VERSION=trial (or develop) and WXACODE_CHECK_PATH=false: unpublished pages
 * fail the path check otherwise.
 */
export const wxQr = (cloud: Cloud, page: string): QrPort => ({
  async forShare(code) {
    const r = (await cloud.openapi.wxacode.getUnlimited({
      scene: code,
      page,
      checkPath: process.env.WXACODE_CHECK_PATH !== 'false',
      envVersion: process.env.WXACODE_ENV_VERSION ?? 'release',
      width: 430,
    })) as { buffer: Buffer };
    const uploaded = await cloud.uploadFile({ cloudPath: `share-codes/${code}.png`, fileContent: r.buffer });
    return { kind: 'wxacode', image: uploaded.fileID };
  },
});

/**
 * `security.mediaCheckAsync` v2 (scene 1: 资料): WeChat fetches the image from the temp URL and pushes the verdict
 * later as a `wxa_media_check` event (message push to the `admin` function, see README «Deploy»).
 */
export const wxMediaCheck = (cloud: Cloud): MediaCheck => ({
  // mediaCheckAsync reads jpg, png, bmp and a GIF's first frame only: a WebP could not be checked, a GIF only in part.
  reads: ['jpg', 'png'],
  async submit(_fileId, url, openid) {
    // Staff always have an openid in the cloud; without one WeChat has nobody to check for.
    if (!openid) throw new Error('mediaCheckAsync needs an openid');
    const r = (await cloud.openapi.security.mediaCheckAsync({ mediaUrl: url, mediaType: 2, version: 2, scene: 1, openid })) as { traceId?: string; trace_id?: string };
    const traceId = r.traceId ?? r.trace_id;
    if (!traceId) throw new Error('mediaCheckAsync answered no trace id');
    return { kind: 'pending', traceId };
  },
});
