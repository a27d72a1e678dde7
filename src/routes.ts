import Taro from '@tarojs/taro';

/**
 * Every page of the app, by name. Pages open each other only through `openPage(ROUTES.x, params)`, and share
 * paths are built with `pageUrl`, so a page that moves changes here and nowhere else. Each package keeps its own
 * block, in the order of src/app.config.ts; tests/app/routes.test.ts checks both lists say the same.
 */
const MAIN_ROUTES = {
  card: '/pages/card/index',
  carriers: '/pages/carriers/index',
  carrierDetail: '/pages/carrier-detail/index',
} as const;

/** inquiry/ subpackage: the investor's next steps after the card (preloaded from the main pages). */
const INQUIRY_ROUTES = {
  leadForm: '/inquiry/lead-form/index',
  myLeads: '/inquiry/my-leads/index',
  directory: '/inquiry/directory/index',
} as const;

/** staff/ subpackage: the workspace. */
const STAFF_ROUTES = {
  staffInbox: '/staff/inbox/index',
  staffLeadDetail: '/staff/lead-detail/index',
  staffBind: '/staff/bind/index',
  staffEvents: '/staff/events/index',
  staffEventMode: '/staff/events/mode/index',
} as const;

/** share/ subpackage: the card owner's pages. */
const SHARE_ROUTES = {
  myCard: '/share/my-card/index',
  poster: '/share/poster/index',
  cardStats: '/share/stats/index',
} as const;

/** admin/ subpackage: the district office. */
const ADMIN_ROUTES = {
  adminHome: '/admin/home/index',
  adminDistrict: '/admin/district/index',
  adminOrg: '/admin/org/index',
  adminStaff: '/admin/staff/index',
  adminCarriers: '/admin/carriers/index',
  adminCarrierEdit: '/admin/carrier-edit/index',
  adminCarrierImport: '/admin/carrier-import/index',
  adminVacancy: '/admin/vacancy/index',
  adminAudit: '/admin/audit/index',
  adminPrivacy: '/admin/privacy/index',
  adminCalendar: '/admin/calendar/index',
  adminStaffImport: '/admin/staff-import/index',
} as const;

/** reports/ subpackage: 数据看板 and the leads behind its figures. */
const REPORTS_ROUTES = {
  reportDashboard: '/reports/dashboard/index',
  reportLeads: '/reports/leads/index',
  reportArena: '/reports/arena/index',
  reportBulletins: '/reports/bulletins/index',
  reportHeatmap: '/reports/heatmap/index',
} as const;

// A new subpackage adds its own block here and spreads it into ROUTES.
export const ROUTES = { ...MAIN_ROUTES, ...INQUIRY_ROUTES, ...STAFF_ROUTES, ...SHARE_ROUTES, ...ADMIN_ROUTES, ...REPORTS_ROUTES } as const;

export type RouteName = keyof typeof ROUTES;
export type Route = (typeof ROUTES)[RouteName];
export type RouteParams = Record<string, string | number | null | undefined>;

/** `/pages/x/index?a=1&b=2`: values encoded, empty ones left out. Also what share paths are made of. */
export const pageUrl = (route: Route, params: RouteParams = {}): string => {
  const query = Object.entries(params)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`)
    .join('&');
  return query ? `${route}?${query}` : route;
};

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

/**
 * `navigate` pushes (and replaces when the stack is full), `redirect` replaces the current page, `relaunch`
 * empties the stack, `switch` opens a tab page (no query), `back` returns to the page when it is right below
 * this one and otherwise replaces this one with it (a page opened from a notification has nothing below).
 */
export type OpenHow = 'navigate' | 'redirect' | 'relaunch' | 'switch' | 'back';

const isPageBelow = (route: Route): boolean => {
  const pages = typeof Taro.getCurrentPages === 'function' ? Taro.getCurrentPages() : [];
  const below = pages.length > 1 ? pages[pages.length - 2] : null;
  return Boolean(below) && `/${below?.route ?? ''}`.replace(/^\/+/, '/') === route;
};

const go = (url: string, how: Exclude<OpenHow, 'back'>): Promise<unknown> => {
  if (how === 'switch') return Taro.switchTab({ url: url.split('?')[0] as string });
  if (how === 'relaunch') return Taro.reLaunch({ url });
  if (how === 'redirect' || pageDepth() >= MAX_STACK) return Taro.redirectTo({ url });
  return Taro.navigateTo({ url });
};

/**
 * A page that did not open (a subpackage that failed to download on a weak network, most often) says so and
 * offers 重试, instead of leaving the visitor on a page that did nothing.
 */
const offerRetry = (retry: () => void): void => {
  Taro.showModal({ title: '页面没有打开', content: '网络不稳定，页面加载失败，请检查网络后重试。', confirmText: '重试', cancelText: '取消' })
    .then((answer) => {
      if (answer.confirm) retry();
    })
    .catch(() => undefined);
};

/** The one way to open a page. */
export const openPage = (route: Route, params: RouteParams = {}, how: OpenHow = 'navigate'): void => {
  const url = pageUrl(route, params);
  const attempt = (): void => {
    if (how === 'back' && isPageBelow(route)) {
      Taro.navigateBack({ delta: 1 }).catch(() => go(url, 'redirect').catch(() => offerRetry(attempt)));
      return;
    }
    go(url, how === 'back' ? 'redirect' : how).catch(() => offerRetry(attempt));
  };
  attempt();
};

/** Leaves this page: one step back, or `fallback` in its place when there is nothing to go back to. */
export const closePage = (fallback: Route, params: RouteParams = {}): void => {
  Taro.navigateBack({ delta: 1 }).catch(() => openPage(fallback, params, 'redirect'));
};
