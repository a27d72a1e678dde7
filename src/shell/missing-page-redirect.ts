import Taro from '@tarojs/taro';
import { MOVED_PAGES } from '../first-screen/moved-pages';
import { ROUTES } from '../routes';

/** What WeChat says about a page path the mini-program does not have (wx.onPageNotFound). */
export interface MissingPage {
  path: string;
  query?: Record<string, unknown>;
}

/** Characters that would end a query value early; anything else passes as WeChat handed it over (undecoded). */
const QUERY_BREAKERS = /[&=#?\s]/g;

/**
 * Where a path the mini-program has no page for goes: a page that moved to a subpackage (#12, shares and QR codes
 * made before the `inquiry/` move) to its new path with the same query, the one table the web's first screen uses
 * too (MOVED_PAGES); anything else unknown to the card, its query kept (the card reads what names a card).
 */
export const missingPageTarget = ({ path, query = {} }: MissingPage): string => {
  const route = `/${path.replace(/^\/+/, '').replace(/\/+$/, '')}`;
  const target = Object.prototype.hasOwnProperty.call(MOVED_PAGES, route) ? (MOVED_PAGES[route] as string) : ROUTES.card;
  const pairs = Object.entries(query)
    .filter(([, value]) => typeof value === 'string' || typeof value === 'number')
    .map(([key, value]) => `${key.replace(QUERY_BREAKERS, encodeURIComponent)}=${String(value).replace(QUERY_BREAKERS, encodeURIComponent)}`);
  return pairs.length ? `${target}?${pairs.join('&')}` : target;
};

/**
 * The mini-program's half of the old-path rewrite (the web's is in src/first-screen/first-screen-boot.ts): WeChat
 * asks at launch, before any page, and the redirect must be issued synchronously inside the callback.
 */
export const installMissingPageRedirect = (): void => {
  Taro.onPageNotFound((res) => {
    const url = missingPageTarget(res);
    Taro.redirectTo({ url }).catch(() => Taro.reLaunch({ url }).catch(() => undefined));
  });
};
