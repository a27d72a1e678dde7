import Taro from '@tarojs/taro';
import type { ShareChannel } from '../../domain/lead/lead.schema';

/**
 * How this visit entered the app. WeChat tells the mini-program its scene value; the web build has none.
 *
 * Scene 1154 is a page opened from Moments in single-page mode: no login, no OPENID, no forms, no navigation,
 * no saving, no `button open-type`. Pages render read-only then and point to WeChat's own "前往小程序" bar.
 */
export const MOMENTS_SCENE = 1154;
/** Tapping "前往小程序" at the bottom of a single-page-mode page opens the full mini-program with this scene. */
const FROM_MOMENTS_SCENE = 1155;
const QR_SCENES = new Set([1011, 1012, 1013, 1047, 1048, 1049]);
const CHAT_SCENES = new Set([1007, 1008]);

type EnterOptions = { scene?: unknown } | null | undefined;

const readScene = (read: (() => EnterOptions) | undefined): number | null => {
  if (typeof read !== 'function') return null;
  try {
    const scene = Number(read()?.scene);
    return Number.isFinite(scene) && scene > 0 ? scene : null;
  } catch {
    return null;
  }
};

/** The scene of the latest entry (hot starts included), falling back to the cold-start one; null on the web. */
export const entryScene = (): number | null => {
  if (process.env.TARO_ENV !== 'weapp') return null;
  return readScene(Taro.getEnterOptionsSync) ?? readScene(Taro.getLaunchOptionsSync);
};

/** True in Moments single-page mode: render read-only and never call an API that needs full mode. */
export const isSinglePageMode = (): boolean => entryScene() === MOMENTS_SCENE;

/** The share channel a scene stands for. */
export const channelForScene = (scene: number | null): ShareChannel => {
  if (scene === MOMENTS_SCENE || scene === FROM_MOMENTS_SCENE) return 'moments';
  if (scene !== null && QR_SCENES.has(scene)) return 'qr';
  if (scene !== null && CHAT_SCENES.has(scene)) return 'chat';
  return 'direct';
};

/** The channel this visit came through: the web build is always a web link. */
export const entryChannel = (): ShareChannel => (process.env.TARO_ENV === 'h5' ? 'web_link' : channelForScene(entryScene()));
