import Taro from '@tarojs/taro';
import { SHARE_CHANNELS, type ShareChannel } from '../../domain/lead/lead.schema';
import { isShareCode } from '../../domain/share/share-code.rules';
import { entryChannel } from './launch-mode';

/** The investor path. The lead form belongs to the lead issue; pages only route to it with the source attached. */
export const PAGES = {
  card: '/pages/card/index',
  carriers: '/pages/carriers/index',
  carrierDetail: '/pages/carrier-detail/index',
  directory: '/pages/directory/index',
  leadForm: '/pages/lead-form/index',
} as const;

/** Where this visit came from, carried along from page to page so an inquiry credits the right card and share. */
export interface Journey {
  cardId: string | null;
  shareCode: string | null;
  channel: ShareChannel;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

const decoded = (value: string | undefined): string => {
  if (!value) return '';
  try {
    return decodeURIComponent(value).trim();
  } catch {
    return value.trim();
  }
};

/** A well-formed id from the query, or null (a broken link must not reach the backend as garbage). */
export const idParam = (value: string | undefined): string | null => {
  const v = decoded(value);
  return ID.test(v) ? v : null;
};

const isChannel = (value: string): value is ShareChannel => (SHARE_CHANNELS as readonly string[]).includes(value);

/** Reads the journey a page was opened with; a page entered directly falls back to the entry's own channel. */
export const journeyFromParams = (params: Partial<Record<string, string>>): Journey => {
  const s = decoded(params.s);
  const channel = decoded(params.channel);
  return {
    cardId: idParam(params.cardId),
    shareCode: isShareCode(s) ? s : null,
    channel: isChannel(channel) ? channel : entryChannel(),
  };
};

/** `path?a=1&b=2`, skipping empty values. */
export const withQuery = (path: string, params: Record<string, string | number | null | undefined>): string => {
  const query = Object.entries(params)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`)
    .join('&');
  return query ? `${path}?${query}` : path;
};

const journeyQuery = (journey: Journey) => ({ cardId: journey.cardId, s: journey.shareCode, channel: journey.channel });

export const carriersUrl = (districtId: string, journey: Journey): string => withQuery(PAGES.carriers, { districtId, ...journeyQuery(journey) });
export const carrierDetailUrl = (carrierId: string, journey: Journey): string => withQuery(PAGES.carrierDetail, { carrierId, ...journeyQuery(journey) });
export const directoryUrl = (districtId: string, journey: Journey): string => withQuery(PAGES.directory, { districtId, ...journeyQuery(journey) });
export const leadFormUrl = (journey: Journey, carrierId?: string): string =>
  withQuery(PAGES.leadForm, { ...(carrierId ? { carrierId } : {}), ...journeyQuery(journey) });
/** Another person's card: a fresh visit of that card, not a hop of the share this visit came through. */
export const personCardUrl = (cardId: string): string => withQuery(PAGES.card, { cardId });

/** How many pages are open (1 when this page is the entry). */
export const pageDepth = (): number => {
  try {
    return typeof Taro.getCurrentPages === 'function' ? Math.max(1, Taro.getCurrentPages().length) : 1;
  } catch {
    return 1;
  }
};

/** WeChat keeps at most 10 pages: past that a new page replaces the current one instead of failing. */
const MAX_STACK = 10;

export const openPage = (url: string): void => {
  const go = pageDepth() >= MAX_STACK ? Taro.redirectTo : Taro.navigateTo;
  go({ url }).catch(() => {
    Taro.showToast({ title: '页面打开失败，请稍后重试', icon: 'none' }).catch(() => undefined);
  });
};

/** The web address of an app page (H5 hash routing), for 复制链接 on the web. */
export const webPageUrl = (pathWithQuery: string): string => {
  if (typeof window === 'undefined') return pathWithQuery;
  const { origin, pathname } = window.location;
  return `${origin}${pathname}#${pathWithQuery}`;
};

/**
 * The web address of a card (query `cardId`, `s`): the form web links take, so the web host can render the
 * card into the page (see src/first-screen); the page turns it into the card's hash route.
 */
export const webCardUrl = (query: string): string => {
  if (typeof window === 'undefined') return `/?${query}`;
  const { origin, pathname } = window.location;
  return `${origin}${pathname}?${query}`;
};

/** A map pin on the web (AMap's URI API: no key, opens the AMap app when installed). Coordinates are GCJ-02. */
export const webMapUrl = (place: { lat: number; lng: number; name: string }): string =>
  `https://uri.amap.com/marker?position=${place.lng},${place.lat}&name=${encodeURIComponent(place.name)}&coordinate=gaode&callnative=1`;
