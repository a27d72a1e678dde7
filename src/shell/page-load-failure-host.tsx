import Taro from '@tarojs/taro';
import { watchLazyLoadFailures } from '../platform/page-load-failure';

/** Opens the current page again (its subpackage is downloaded anew). */
const reopenCurrentPage = (): void => {
  const pages = Taro.getCurrentPages();
  const current = pages[pages.length - 1];
  if (!current?.route) return;
  const query = Object.entries((current as { options?: Record<string, string> }).options ?? {})
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
  Taro.reLaunch({ url: `/${current.route}${query ? `?${query}` : ''}` }).catch(() => undefined);
};

/** A subpackage that failed to download (weak network) is said out loud with 重试, instead of a page that stays blank. */
export const offerReopen = (): void => {
  Taro.showModal({ title: '页面没有完全加载', content: '网络不稳定，部分内容加载失败，请检查网络后重试。', confirmText: '重试', cancelText: '取消' })
    .then((answer) => {
      if (answer.confirm) reopenCurrentPage();
    })
    .catch(() => undefined);
};

// Registered as the app starts, before any page opens. Page opens that fail outright are handled where they
// start (routes.ts openPage).
if (process.env.TARO_ENV === 'weapp') watchLazyLoadFailures((globalThis as { wx?: Parameters<typeof watchLazyLoadFailures>[0] }).wx, offerReopen);

/** The mini-program needs nothing rendered for this (see `page-load-failure-host.h5.tsx` for the web). */
export function PageLoadFailureHost() {
  return null;
}
