import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const nav = {
  navigateTo: jest.fn((_o: { url: string }) => Promise.resolve({ errMsg: 'navigateTo:ok' })),
  redirectTo: jest.fn((_o: { url: string }) => Promise.resolve({ errMsg: 'redirectTo:ok' })),
  reLaunch: jest.fn((_o: { url: string }) => Promise.resolve({ errMsg: 'reLaunch:ok' })),
  switchTab: jest.fn((_o: { url: string }) => Promise.resolve({ errMsg: 'switchTab:ok' })),
  navigateBack: jest.fn((_o: { delta: number }) => Promise.resolve({ errMsg: 'navigateBack:ok' })),
  showModal: jest.fn((_o: Record<string, unknown>) => Promise.resolve({ confirm: false, cancel: true })),
  getCurrentPages: jest.fn((): { route?: string }[] => [{ route: 'pages/card/index' }]),
};
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: nav }));

const { ROUTES, closePage, openPage, pageUrl } = require('../../src/routes') as typeof import('../../src/routes');
const { CARD_ROUTE, MOVED_PAGES } = require('../../src/first-screen/first-screen-route') as typeof import('../../src/first-screen/first-screen-route');

const ROOT = join(__dirname, '../..');

/** src/app.config.ts as WeChat reads it: main pages plus every subpackage's pages under its root. */
const appConfigPages = (): string[] => {
  (globalThis as { defineAppConfig?: (c: unknown) => unknown }).defineAppConfig = (c) => c;
  const config = (require('../../src/app.config') as { default: { pages: string[]; subPackages?: { root: string; pages: string[] }[] } }).default;
  return [...config.pages, ...(config.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))].map((p) => `/${p}`);
};

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  Object.values(nav).forEach((fn) => fn.mockClear());
  nav.navigateTo.mockImplementation(() => Promise.resolve({ errMsg: 'navigateTo:ok' }));
  nav.navigateBack.mockImplementation(() => Promise.resolve({ errMsg: 'navigateBack:ok' }));
  nav.showModal.mockImplementation(() => Promise.resolve({ confirm: false, cancel: true }));
  nav.getCurrentPages.mockImplementation(() => [{ route: 'pages/card/index' }]);
});

describe('ROUTES and app.config', () => {
  it('every route is a page of app.config, and every page of app.config has a route', () => {
    const pages = appConfigPages();
    expect(pages.length).toBeGreaterThanOrEqual(12);
    expect([...Object.values(ROUTES)].sort()).toEqual([...pages].sort());
  });

  it('has one name per path', () => {
    expect(new Set(Object.values(ROUTES)).size).toBe(Object.keys(ROUTES).length);
  });

  it('the first screen (no Taro allowed there) names the card page the same way', () => {
    expect(CARD_ROUTE).toBe(ROUTES.card);
  });

  it('every moved page leads from a path that is no page any more to one that is', () => {
    const routes = new Set<string>(Object.values(ROUTES));
    expect(Object.keys(MOVED_PAGES).length).toBeGreaterThanOrEqual(3);
    for (const [from, to] of Object.entries(MOVED_PAGES)) {
      expect(routes.has(from)).toBe(false);
      expect(routes.has(to)).toBe(true);
    }
    expect(Object.values(MOVED_PAGES)).toEqual(expect.arrayContaining([ROUTES.leadForm, ROUTES.myLeads, ROUTES.directory]));
  });

  it('no file under src/ spells a page path outside the routes module', () => {
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name) && !/\.config\.ts$/.test(name)) {
          const rel = relative(ROOT, path);
          // The moved-pages table names old paths, which are no routes any more (that is its point).
          if (rel === 'src/routes.ts' || rel === 'src/first-screen/first-screen-route.ts' || rel === 'src/first-screen/moved-pages.ts') continue;
          if (/['"`]\/(pages|inquiry|staff|share|admin|reports)\/[a-z-]+\/index/.test(readFileSync(path, 'utf8'))) offenders.push(rel);
        }
      }
    };
    walk(join(ROOT, 'src'));
    expect(offenders).toEqual([]);
  });
});

describe('page paths the backend sends', () => {
  it('every page a notification or share link opens is a route of the app', () => {
    const sent = new Set<string>();
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith('.ts')) for (const m of readFileSync(path, 'utf8').matchAll(/['"`]\/?((?:pages|inquiry|staff|share|admin|reports)\/[a-z-]+\/index)/g)) sent.add(`/${m[1]}`);
      }
    };
    walk(join(ROOT, 'cloudfunctions'));
    expect(sent.size).toBeGreaterThanOrEqual(3);
    const routes = new Set<string>(Object.values(ROUTES));
    expect([...sent].filter((p) => !routes.has(p))).toEqual([]);
  });
});

describe('pageUrl', () => {
  it('encodes values and leaves out empty ones, keeping their order', () => {
    expect(pageUrl(ROUTES.carriers, { districtId: 'd 1', cardId: null, s: undefined, channel: '', n: 2 })).toBe('/pages/carriers/index?districtId=d%201&n=2');
    expect(pageUrl(ROUTES.card)).toBe('/pages/card/index');
  });
});

describe('openPage', () => {
  it('pushes a page by default, and replaces the current one when WeChat’s 10-page stack is full', () => {
    openPage(ROUTES.carrierDetail, { carrierId: 'c1' });
    expect(nav.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/carrier-detail/index?carrierId=c1' });
    nav.getCurrentPages.mockImplementation(() => Array.from({ length: 10 }, () => ({ route: 'pages/carriers/index' })));
    openPage(ROUTES.carrierDetail, { carrierId: 'c2' });
    expect(nav.navigateTo).toHaveBeenCalledTimes(1);
    expect(nav.redirectTo).toHaveBeenLastCalledWith({ url: '/pages/carrier-detail/index?carrierId=c2' });
  });

  it('redirects, relaunches and switches when asked', () => {
    openPage(ROUTES.myLeads, { cardId: 'card_a' }, 'redirect');
    expect(nav.redirectTo).toHaveBeenLastCalledWith({ url: '/inquiry/my-leads/index?cardId=card_a' });
    openPage(ROUTES.staffInbox, {}, 'relaunch');
    expect(nav.reLaunch).toHaveBeenLastCalledWith({ url: '/staff/inbox/index' });
    openPage(ROUTES.card, { cardId: 'x' }, 'switch');
    expect(nav.switchTab).toHaveBeenLastCalledWith({ url: '/pages/card/index' });
  });

  it('goes back when the page asked for is right below, and opens it in place otherwise', () => {
    nav.getCurrentPages.mockImplementation(() => [{ route: 'pages/card/index' }, { route: 'inquiry/my-leads/index' }]);
    openPage(ROUTES.card, { cardId: 'card_a' }, 'back');
    expect(nav.navigateBack).toHaveBeenLastCalledWith({ delta: 1 });
    expect(nav.redirectTo).not.toHaveBeenCalled();
    nav.getCurrentPages.mockImplementation(() => [{ route: 'pages/carriers/index' }, { route: 'inquiry/my-leads/index' }]);
    openPage(ROUTES.card, { cardId: 'card_a' }, 'back');
    expect(nav.navigateBack).toHaveBeenCalledTimes(1);
    expect(nav.redirectTo).toHaveBeenLastCalledWith({ url: '/pages/card/index?cardId=card_a' });
  });

  it('a page that fails to open (a subpackage not downloaded) says so and opens it again on 重试', async () => {
    nav.navigateTo.mockImplementation(() => Promise.reject({ errMsg: 'navigateTo:fail loadSubpackage: fail' }));
    nav.showModal.mockImplementationOnce(() => Promise.resolve({ confirm: true, cancel: false }));
    openPage(ROUTES.staffInbox);
    await flush();
    expect(nav.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '页面没有打开', confirmText: '重试' }));
    expect(nav.navigateTo).toHaveBeenCalledTimes(2);
    await flush();
    // The second failure asks again; declining leaves it there.
    expect(nav.showModal).toHaveBeenCalledTimes(2);
    await flush();
    expect(nav.navigateTo).toHaveBeenCalledTimes(2);
  });
});

describe('closePage', () => {
  it('goes back, or opens the fallback in place when there is nothing to go back to', async () => {
    closePage(ROUTES.staffInbox);
    expect(nav.navigateBack).toHaveBeenCalledWith({ delta: 1 });
    nav.navigateBack.mockImplementation(() => Promise.reject({ errMsg: 'navigateBack:fail' }));
    closePage(ROUTES.staffInbox);
    await flush();
    expect(nav.redirectTo).toHaveBeenLastCalledWith({ url: '/staff/inbox/index' });
  });
});
