import Taro from '@tarojs/taro';

/**
 * WeChat's font size (设置 › 通用 › 字体大小, and 关怀模式) as the factor the type-scale tokens multiply by
 * (src/styles/tokens.css `--text-scale`). The mini-program's rpx sizes ignore the setting by themselves; the page
 * root carries `--text-scale` instead (src/shell/text-scale-host.ts). H5 follows the browser's own text size
 * through the root rem and never sets it.
 */
export const TEXT_SCALE_MIN = 1;
/** Up to 200 %: what the layouts are checked at (tests/e2e/text-scaling.e2e.ts). */
export const TEXT_SCALE_MAX = 2;
/** WeChat's standard font size in px, for base libraries that report only `fontSizeSetting`. */
const STANDARD_FONT_PX = 16;

/** The page data key the page template binds `<page-meta page-style>` to (config/weapp-a11y-plugin.ts). */
export const TEXT_SCALE_DATA_KEY = 'textScaleStyle';

const finite = (n: unknown): number | null => (typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : null);

/** The factor from what WeChat reports: `fontSizeScaleFactor`, else `fontSizeSetting / 16`; never below 1, at most 2. */
export const textScaleOf = (appBase: { fontSizeScaleFactor?: unknown } | null, systemInfo: () => { fontSizeSetting?: unknown } | null): number => {
  let factor = finite(appBase?.fontSizeScaleFactor);
  if (factor === null) {
    const setting = finite(systemInfo()?.fontSizeSetting);
    factor = setting === null ? 1 : setting / STANDARD_FONT_PX;
  }
  return Math.round(Math.min(TEXT_SCALE_MAX, Math.max(TEXT_SCALE_MIN, factor)) * 1000) / 1000;
};

/** The page root's style for a factor. */
export const textScaleStyle = (scale: number): string => `--text-scale:${scale}`;

const attempt = <T>(read: () => T): T | null => {
  try {
    return read() ?? null;
  } catch {
    return null;
  }
};

/** The current factor on this device (1 where WeChat says nothing, e.g. an old base library). */
export const readTextScale = (): number =>
  textScaleOf(
    attempt(() => (typeof Taro.getAppBaseInfo === 'function' ? (Taro.getAppBaseInfo() as { fontSizeScaleFactor?: unknown }) : null)),
    () => attempt(() => Taro.getSystemInfoSync() as { fontSizeSetting?: unknown }),
  );
