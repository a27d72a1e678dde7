import { bootFirstScreen } from '../../../src/first-screen/first-screen-boot';
import {
  dismissFirstScreen,
  FIRST_SCREEN_ELEMENT_ID,
  FIRST_SCREEN_GLOBAL,
  FIRST_SCREEN_STYLE_ID,
  peekPrefetchedAnswer,
  SERVED_CARD_ELEMENT_ID,
  servedCardJson,
  takePrefetchedResponse,
} from '../../../src/first-screen/first-screen-handoff';
import { renderCardFirstScreen } from '../../../src/first-screen/card-first-screen';
import { aCardView, failResult, okResult } from '../support/card-view.mother';

const ASSETS = { js: ['/js/runtime.js', '/js/app.js'], css: ['/css/app.css'] };
const OPTIONS = { apiBase: '', coverWaitMs: 20, cardWaitMs: 200, dismissAfterMs: 60_000 };

type FetchCall = [string, RequestInit];

const answering = (answer: unknown) => jest.fn((_url: string, _init: RequestInit) => Promise.resolve({ json: () => Promise.resolve(answer) } as Response));

const setPage = (url: string, body = '<div id="app"></div>') => {
  window.history.replaceState(null, '', url);
  document.head.innerHTML = `<style id="${FIRST_SCREEN_STYLE_ID}"></style>`;
  document.body.innerHTML = body;
};

const screenEl = () => document.getElementById(FIRST_SCREEN_ELEMENT_ID);
const scripts = () => [...document.head.querySelectorAll('script')].map((s) => s.getAttribute('src'));
const preloads = () => [...document.head.querySelectorAll('link[rel="preload"]')].map((l) => `${l.getAttribute('as')} ${l.getAttribute('href')}`);
const stylesheets = () => [...document.head.querySelectorAll('link[rel="stylesheet"]')] as HTMLLinkElement[];
/** Browsers fire load on stylesheets; jsdom does not fetch them, so the test does. */
const loadStylesheets = () => stylesheets().forEach((l) => l.dispatchEvent(new Event('load')));
/** Lets promises and (fake) timers, frames included, run their course. */
const settle = (ms = 60) => jest.advanceTimersByTimeAsync(ms);

const boot = (fetchImpl: unknown) => {
  (window as unknown as { fetch: unknown }).fetch = fetchImpl;
  bootFirstScreen(window as Window & typeof globalThis, ASSETS, OPTIONS);
};

beforeEach(() => {
  jest.useFakeTimers();
});

afterEach(() => {
  // A boot's pending timers must not start the app in the next test's page.
  jest.clearAllTimers();
  jest.useRealTimers();
  delete (window as unknown as Record<string, unknown>)[FIRST_SCREEN_GLOBAL];
  window.localStorage.clear();
});

describe('index.html boot script: the card before the app', () => {
  it('starts the app at once on other pages, stylesheets first, scripts in order', async () => {
    setPage('/#/pages/carriers/index?districtId=d1');
    const fetch = answering(okResult(aCardView()));
    boot(fetch);
    expect(fetch).not.toHaveBeenCalled();
    expect(screenEl()).toBeNull();
    expect(stylesheets().map((l) => l.getAttribute('href'))).toEqual(['/css/app.css']);
    // The scripts download meanwhile and run once the stylesheet is in.
    expect(preloads()).toEqual(['script /js/runtime.js', 'script /js/app.js']);
    expect(scripts()).toEqual([]);
    loadStylesheets();
    expect(scripts()).toEqual(['/js/runtime.js', '/js/app.js']);
    expect([...document.head.querySelectorAll('script')].every((s) => s.async === false)).toBe(true);
  });

  it('asks for the card once, paints it, then starts the app and hands it the answer', async () => {
    setPage('/#/pages/card/index?cardId=card_wang&s=Ab3dEf9hJk');
    const answer = okResult(aCardView({ shareCode: 'Ab3dEf9hJk' }));
    const fetch = answering(answer);
    boot(fetch);
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0] as FetchCall;
    expect(url).toBe('/api/card.get');
    expect(JSON.parse(init.body as string)).toEqual({ input: { cardId: 'card_wang', shareCode: 'Ab3dEf9hJk' } });
    expect(preloads()).toEqual([]);
    await settle();
    expect(screenEl()?.querySelector('.contact-card__name')?.textContent).toBe('王建国');
    loadStylesheets();
    expect(scripts()).toEqual(['/js/runtime.js', '/js/app.js']);
    // The app's own call for the same card gets the answer, once; any other call gets nothing.
    expect(takePrefetchedResponse('card.get', { cardId: 'card_li' })).toBeNull();
    await expect(takePrefetchedResponse('card.get', { cardId: 'card_wang', shareCode: 'Ab3dEf9hJk' })).resolves.toEqual(answer);
    expect(takePrefetchedResponse('card.get', { cardId: 'card_wang', shareCode: 'Ab3dEf9hJk' })).toBeNull();
  });

  it('goes when the app shows its own card page, and never comes back', async () => {
    setPage('/');
    boot(answering(okResult(aCardView())));
    await settle();
    expect(screenEl()).not.toBeNull();
    dismissFirstScreen();
    expect(screenEl()).toBeNull();
    expect(document.getElementById(FIRST_SCREEN_STYLE_ID)).toBeNull();
  });

  it('shows the device copy at once, then the fresh answer', async () => {
    setPage('/#/pages/card/index?cardId=card_wang');
    const cached = aCardView({ district: { ...aCardView().district, slogan: '上次看到的口号' } });
    // The app's cache entry, as Taro's web storage keeps it.
    window.localStorage.setItem('investcard.cache.card:card_wang:-', JSON.stringify({ data: { f: 1, savedAt: '2026-11-01T00:00:00.000Z', data: cached } }));
    let resolve: (v: unknown) => void = () => undefined;
    const fetch = jest.fn(() => new Promise((r) => (resolve = r)));
    boot(fetch);
    expect(screenEl()?.querySelector('.district-hero__slogan')?.textContent).toBe('上次看到的口号');
    resolve({ json: () => Promise.resolve(okResult(aCardView())) });
    await settle();
    expect(screenEl()?.querySelector('.district-hero__slogan')?.textContent).toBe('产城融合新高地，智造未来看临江');
  });

  it('ignores a device copy that no longer fits the card shape', async () => {
    setPage('/#/pages/card/index?cardId=card_wang');
    window.localStorage.setItem('investcard.cache.card:card_wang:-', JSON.stringify({ data: { f: 1, savedAt: 'x', data: { district: { name: '<b>' } } } }));
    boot(jest.fn(() => new Promise(() => undefined)));
    expect(screenEl()).toBeNull();
  });

  it('leaves not-found and failures to the app, which starts at once', async () => {
    setPage('/#/pages/card/index?cardId=card_gone');
    boot(answering(failResult('CARD.NOT_FOUND', '名片不存在')));
    await settle();
    expect(screenEl()).toBeNull();
    expect(stylesheets()).toHaveLength(1);

    delete (window as unknown as Record<string, unknown>)[FIRST_SCREEN_GLOBAL];
    setPage('/#/pages/card/index?cardId=card_wang');
    boot(jest.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    await settle();
    expect(screenEl()).toBeNull();
    expect(stylesheets()).toHaveLength(1);
    // The app asks again itself: the failed answer is handed over as a failure, not as data.
    await expect(takePrefetchedResponse('card.get', { cardId: 'card_wang' })).rejects.toThrow('Failed to fetch');
  });

  it('starts the app anyway when the card is slow to come', async () => {
    setPage('/#/pages/card/index?cardId=card_wang');
    boot(jest.fn(() => new Promise(() => undefined)));
    expect(stylesheets()).toHaveLength(0);
    await settle(OPTIONS.cardWaitMs + 50);
    expect(stylesheets()).toHaveLength(1);
  });

  it('turns a query-string card address into the hash route the app reads', async () => {
    setPage('/?cardId=card_wang&s=Ab3dEf9hJk');
    const fetch = answering(okResult(aCardView()));
    boot(fetch);
    expect(window.location.pathname).toBe('/');
    expect(window.location.search).toBe('');
    expect(window.location.hash).toBe('#/pages/card/index?cardId=card_wang&s=Ab3dEf9hJk');
    expect(JSON.parse((fetch.mock.calls[0] as FetchCall)[1].body as string)).toEqual({ input: { cardId: 'card_wang', shareCode: 'Ab3dEf9hJk' } });
  });

  it('uses the card the web host rendered into the page: no request at all', async () => {
    const served = { input: { cardId: 'card_wang' }, answer: okResult(aCardView()) };
    setPage(
      '/?cardId=card_wang',
      `<div id="${FIRST_SCREEN_ELEMENT_ID}">${renderCardFirstScreen(aCardView())}</div><div id="app"></div><script id="${SERVED_CARD_ELEMENT_ID}" type="application/json">${servedCardJson(served)}</script>`,
    );
    const fetch = answering(okResult(aCardView()));
    boot(fetch);
    expect(fetch).not.toHaveBeenCalled();
    expect(screenEl()).not.toBeNull();
    await settle();
    loadStylesheets();
    expect(scripts()).toEqual(['/js/runtime.js', '/js/app.js']);
    await expect(takePrefetchedResponse('card.get', { cardId: 'card_wang' })).resolves.toEqual(served.answer);
  });

  it('lets the app render the rendered card in its first frame: the answer can be read at once, until the app asks', async () => {
    const served = { input: { cardId: 'card_wang' }, answer: okResult(aCardView()) };
    setPage(
      '/?cardId=card_wang',
      `<div id="${FIRST_SCREEN_ELEMENT_ID}">${renderCardFirstScreen(aCardView())}</div><div id="app"></div><script id="${SERVED_CARD_ELEMENT_ID}" type="application/json">${servedCardJson(served)}</script>`,
    );
    boot(answering(okResult(aCardView())));
    expect(peekPrefetchedAnswer('card.get', { cardId: 'card_li' })).toBeUndefined();
    // Reading it does not take it: the app's request still gets it, with no request of its own.
    expect(peekPrefetchedAnswer('card.get', { cardId: 'card_wang' })).toEqual(served.answer);
    expect(peekPrefetchedAnswer('card.get', { cardId: 'card_wang' })).toEqual(served.answer);
    await expect(takePrefetchedResponse('card.get', { cardId: 'card_wang' })).resolves.toEqual(served.answer);
    expect(peekPrefetchedAnswer('card.get', { cardId: 'card_wang' })).toBeUndefined();
  });

  it('has the fetched answer readable at once once it has arrived', async () => {
    setPage('/#/pages/card/index?cardId=card_wang');
    const answer = okResult(aCardView());
    let resolve: (v: unknown) => void = () => undefined;
    boot(jest.fn(() => new Promise((r) => (resolve = r))));
    expect(peekPrefetchedAnswer('card.get', { cardId: 'card_wang' })).toBeUndefined();
    resolve({ json: () => Promise.resolve(answer) });
    await settle();
    expect(peekPrefetchedAnswer('card.get', { cardId: 'card_wang' })).toEqual(answer);
  });

  it('on a card address loads the card page\'s own files with the app\'s, so the router need not ask for them', async () => {
    const withPage = { ...ASSETS, cardPage: { js: ['/js/592.js'], css: ['/css/592.css'] } };
    setPage('/#/pages/card/index?cardId=card_wang');
    (window as unknown as { fetch: unknown }).fetch = answering(okResult(aCardView()));
    bootFirstScreen(window as Window & typeof globalThis, withPage, OPTIONS);
    await settle();
    expect(preloads()).toEqual(['script /js/runtime.js', 'script /js/app.js', 'script /js/592.js']);
    expect(stylesheets().map((l) => l.getAttribute('href'))).toEqual(['/css/app.css', '/css/592.css']);
    stylesheets()[0]?.dispatchEvent(new Event('load'));
    // Scripts wait for every stylesheet, the page's too.
    expect(scripts()).toEqual([]);
    stylesheets()[1]?.dispatchEvent(new Event('load'));
    expect(scripts()).toEqual(['/js/runtime.js', '/js/app.js', '/js/592.js']);
  });

  it('adds the English dictionary for an English visitor only, before the card page', async () => {
    const withAll = { ...ASSETS, cardPage: { js: ['/js/592.js'], css: [] }, english: { js: ['/js/english/dictionary.js'], css: [] } };
    setPage('/#/pages/card/index?cardId=card_wang&lang=en');
    (window as unknown as { fetch: unknown }).fetch = answering(okResult(aCardView()));
    bootFirstScreen(window as Window & typeof globalThis, withAll, OPTIONS);
    await settle();
    loadStylesheets();
    expect(scripts()).toEqual(['/js/runtime.js', '/js/app.js', '/js/english/dictionary.js', '/js/592.js']);

    document.head.innerHTML = '';
    delete (window as unknown as Record<string, unknown>)[FIRST_SCREEN_GLOBAL];
    setPage('/#/pages/card/index?cardId=card_wang&lang=zh');
    bootFirstScreen(window as Window & typeof globalThis, withAll, OPTIONS);
    await settle();
    loadStylesheets();
    expect(scripts()).toEqual(['/js/runtime.js', '/js/app.js', '/js/592.js']);
  });

  it('loads only the app\'s files on another page', () => {
    const withPage = { ...ASSETS, cardPage: { js: ['/js/592.js'], css: ['/css/592.css'] } };
    setPage('/#/pages/carriers/index?districtId=d1');
    (window as unknown as { fetch: unknown }).fetch = answering(okResult(aCardView()));
    bootFirstScreen(window as Window & typeof globalThis, withPage, OPTIONS);
    expect(preloads()).toEqual(['script /js/runtime.js', 'script /js/app.js']);
    loadStylesheets();
    expect(scripts()).toEqual(['/js/runtime.js', '/js/app.js']);
  });

  it('sends an old address of a moved page to its new one, then starts the app at once', () => {
    setPage('/?from=qr#/pages/lead-form/index?cardId=card_wang&channel=web_link');
    const fetch = answering(okResult(aCardView()));
    boot(fetch);
    expect(window.location.hash).toBe('#/inquiry/lead-form/index?cardId=card_wang&channel=web_link');
    expect(window.location.search).toBe('?from=qr');
    expect(fetch).not.toHaveBeenCalled();
    expect(stylesheets()).toHaveLength(1);
  });

  it('drops the card the web host rendered when the hash opens another page', () => {
    const served = { input: {}, answer: okResult(aCardView()) };
    setPage(
      '/#/inquiry/directory/index?cardId=card_wang',
      `<div id="${FIRST_SCREEN_ELEMENT_ID}">${renderCardFirstScreen(aCardView())}</div><div id="app"></div><script id="${SERVED_CARD_ELEMENT_ID}" type="application/json">${servedCardJson(served)}</script>`,
    );
    boot(answering(okResult(aCardView())));
    expect(screenEl()).toBeNull();
    expect(stylesheets()).toHaveLength(1);
  });

  it('does not trust a rendered card for another address: it asks for the right one', async () => {
    const served = { input: { cardId: 'card_li' }, answer: okResult(aCardView({ cardId: 'card_li' })) };
    setPage(
      '/#/pages/card/index?cardId=card_wang',
      `<div id="${FIRST_SCREEN_ELEMENT_ID}">stale</div><div id="app"></div><script id="${SERVED_CARD_ELEMENT_ID}" type="application/json">${servedCardJson(served)}</script>`,
    );
    const fetch = answering(okResult(aCardView()));
    boot(fetch);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(screenEl()).toBeNull();
    await settle();
    expect(screenEl()?.querySelector('.district-hero__name')?.textContent).toBe('临江新区');
  });

  it('goes when the visitor leaves the card before the app takes over', async () => {
    setPage('/#/pages/card/index?cardId=card_wang');
    boot(answering(okResult(aCardView())));
    await settle();
    expect(screenEl()).not.toBeNull();
    window.location.hash = '#/pages/carriers/index?districtId=d1';
    await settle(20);
    expect(screenEl()).toBeNull();
  });

  it('keeps the card and says so when the app’s scripts fail to load', async () => {
    setPage('/#/pages/card/index?cardId=card_wang');
    (window as unknown as { fetch: unknown }).fetch = answering(okResult(aCardView()));
    bootFirstScreen(window as Window & typeof globalThis, ASSETS, { ...OPTIONS, dismissAfterMs: 1000 });
    await settle();
    loadStylesheets();
    document.head.querySelector('script')?.dispatchEvent(new Event('error'));
    expect(screenEl()?.querySelector('[role="status"]')?.textContent).toBe('完整名片加载失败，请检查网络后刷新');
    await settle(1500);
    // The app never rendered: the card stays rather than leaving an empty page.
    expect(screenEl()).not.toBeNull();
  });

  it('goes after a while anyway once the app shows something of its own', async () => {
    setPage('/#/pages/card/index?cardId=card_wang');
    (window as unknown as { fetch: unknown }).fetch = answering(okResult(aCardView()));
    bootFirstScreen(window as Window & typeof globalThis, ASSETS, { ...OPTIONS, dismissAfterMs: 1000 });
    await settle();
    expect(screenEl()).not.toBeNull();
    document.getElementById('app')?.appendChild(document.createElement('div'));
    await settle(1500);
    expect(screenEl()).toBeNull();
  });

  it('never lets served JSON close its script element', () => {
    const json = servedCardJson({ input: {}, answer: { ok: true, data: { name: '</script><script>alert(1)</script>\u2028' } } });
    expect(json).not.toMatch(/[<>\u2028]/);
    expect(JSON.parse(json)).toEqual({ input: {}, answer: { ok: true, data: { name: '</script><script>alert(1)</script>\u2028' } } });
  });
});
