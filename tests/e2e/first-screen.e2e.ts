import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { APP_ASSETS_GLOBAL, FIRST_SCREEN_MARKS, type AppAssets } from '../../src/first-screen/first-screen-handoff';
import { type LocalCloudProcess } from '../../tools/local-cloud/local-cloud-process';
import { openPhonePage, screenshot, startCloudAndBrowser, stopCloudAndBrowser } from './support/browser';

/**
 * The H5 first screen: a new visitor sees the card as plain HTML before the app's JavaScript has run —
 * rendered into the page by the web host for a web link, painted by index.html's boot script for a hash
 * link — and the app takes over with the same answer, without asking again.
 */
const HEAD_CARD = 'card-staff-head';
const FIRST_SCREEN = '#investcard-first-screen';

/** Counts the page's own `card.get` requests (the web host's server-side read is not one of them). */
const countCardReads = (page: Page): (() => number) => {
  let n = 0;
  page.on('request', (r) => {
    if (r.url().endsWith('/api/card.get')) n += 1;
  });
  return () => n;
};

const appHasTakenOver = async (page: Page) => {
  await page.getByTestId('owner-contact').waitFor({ timeout: 30_000 });
  await page.waitForFunction((sel) => !document.querySelector(sel), FIRST_SCREEN, { timeout: 30_000 });
};

/** When the boot script painted the first screen, started the app, and the app took it down (ms). */
const firstScreenMarks = (page: Page) =>
  // No helper functions inside: tsx would wrap them in a `__name` the page does not have.
  page.evaluate(
    (names) => ({
      painted: performance.getEntriesByName(names.painted)[0]?.startTime ?? Number.NaN,
      appStart: performance.getEntriesByName(names.appStart)[0]?.startTime ?? Number.NaN,
      dismissed: performance.getEntriesByName(names.dismissed)[0]?.startTime ?? Number.NaN,
    }),
    FIRST_SCREEN_MARKS,
  );

const heroBox = async (page: Page, root: string) => {
  const box = await page.locator(`${root} .district-hero`).first().boundingBox();
  assert.ok(box, `no hero in ${root}`);
  return box;
};

describe('H5 first screen', () => {
  let cloud: LocalCloudProcess;
  let browser: Browser;

  before(async () => {
    ({ cloud, browser } = await startCloudAndBrowser());
  });
  after(() => stopCloudAndBrowser(cloud, browser));

  it('shows the card from a web link with no app script at all, call link working, and keeps it', async () => {
    const page = await openPhonePage(browser);
    await page.route('**/js/*.js', (route) => route.abort());
    await page.goto(`${cloud.url}?cardId=${HEAD_CARD}`);
    const screen = page.locator(FIRST_SCREEN);
    await screen.waitFor({ timeout: 30_000 });
    const text = await screen.innerText();
    assert.match(text, /云川市临江区（演示）/);
    assert.match(text, /林致远/);
    assert.equal(await screen.locator('a[href^="tel:"]').first().getAttribute('href'), 'tel:13800138001');
    // The address is already the app's hash route for this card.
    assert.equal(new URL(page.url()).hash, `#/pages/card/index?cardId=${HEAD_CARD}`);
    // The app's scripts never arrive: the card stays, and says why nothing else happens.
    await screen.getByText('完整名片加载失败，请检查网络后刷新').waitFor({ timeout: 10_000 });
    await screenshot(page, 'first-screen');
    await page.context().close();
  });

  it('hands over to the app from a web link without a single card request from the browser', async () => {
    const page = await openPhonePage(browser);
    const reads = countCardReads(page);
    await page.goto(`${cloud.url}?cardId=${HEAD_CARD}`);
    await appHasTakenOver(page);
    assert.match(await page.getByTestId('card-page').innerText(), /林致远/);
    assert.equal(reads(), 0);
    const marks = await firstScreenMarks(page);
    assert.ok(marks.painted < marks.appStart && marks.appStart < marks.dismissed, JSON.stringify(marks));
    // The app works from here: a tap opens the carriers.
    await page.getByTestId('action-carriers').click();
    await page.waitForURL(/#\/pages\/carriers\/index/);
    await page.context().close();
  });

  it('hands an English browser its English card too: still no card request from the browser', async () => {
    // The web host reads the browser's language (accept-language) as the boot script will (navigator.language).
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'en-US' });
    const page = await context.newPage();
    const reads = countCardReads(page);
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await page.goto(`${cloud.url}?cardId=${HEAD_CARD}`);
    await appHasTakenOver(page);
    const text = await page.getByTestId('card-page').innerText();
    assert.match(text, /Lin Zhiyuan/);
    // The app's own words are English too: the dictionary's chunk came with the entry (a Chinese visitor never loads it).
    assert.match(text, /Send an inquiry/);
    const assets = await page.evaluate((name) => (window as unknown as Record<string, AppAssets>)[name] as AppAssets, APP_ASSETS_GLOBAL);
    assert.ok(assets.english && assets.english.js.length > 0, 'index.html names the English chunk');
    assert.deepEqual([...new Set(scripts)].sort(), [...assets.js, ...assets.english.js, ...(assets.cardPage?.js ?? [])].sort());
    assert.equal(reads(), 0);
    await context.close();
  });

  it('loads the card page with the entry: after the first screen no script is asked for that index.html did not name, and no image-preview code', async () => {
    const page = await openPhonePage(browser);
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await page.goto(`${cloud.url}?cardId=${HEAD_CARD}`);
    await appHasTakenOver(page);
    const assets = await page.evaluate((name) => (window as unknown as Record<string, AppAssets>)[name] as AppAssets, APP_ASSETS_GLOBAL);
    assert.ok(assets.cardPage && assets.cardPage.js.length > 0, 'index.html names the card page files');
    // The router found its page already loaded: no script request after the entry's (one round trip less).
    assert.deepEqual([...new Set(scripts)].sort(), [...assets.js, ...assets.cardPage.js].sort());
    // Taro's image preview (its Swiper and the swiper library, ~190 KB) comes only when a preview is opened.
    await page.getByTestId('wechat-qr-preview').click();
    await page.waitForFunction(() => document.querySelector('taro-swiper-core') !== null, undefined, { timeout: 30_000 });
    assert.ok(scripts.some((s) => /\/js\/preview-image\.[0-9a-f]+\.js$/.test(s)), scripts.join(' '));
    await page.context().close();
  });

  it('paints a hash link’s card from one request, which the app then reuses', async () => {
    const page = await openPhonePage(browser);
    const reads = countCardReads(page);
    await page.goto(`${cloud.url}#/pages/card/index?cardId=${HEAD_CARD}`);
    await appHasTakenOver(page);
    assert.equal(reads(), 1);
    // It was there first (it may come and go before a locator could look, hence the boot script's marks).
    const marks = await firstScreenMarks(page);
    assert.ok(marks.painted < marks.appStart && marks.appStart < marks.dismissed, JSON.stringify(marks));
    await page.context().close();
  });

  it('draws the hero exactly where and as large as the app does, so nothing jumps', async () => {
    const bare = await openPhonePage(browser);
    await bare.route('**/js/*.js', (route) => route.abort());
    await bare.goto(cloud.url);
    const first = await heroBox(bare, FIRST_SCREEN);
    await bare.context().close();

    const page = await openPhonePage(browser);
    await page.goto(cloud.url);
    await appHasTakenOver(page);
    const app = await heroBox(page, '#app');
    for (const k of ['x', 'y', 'width', 'height'] as const) assert.ok(Math.abs(first[k] - app[k]) < 1, `${k}: first screen ${first[k]} vs app ${app[k]}`);
    await page.context().close();
  });

  it('leaves every other page to the app', async () => {
    const page = await openPhonePage(browser);
    const reads = countCardReads(page);
    await page.goto(`${cloud.url}#/inquiry/directory/index?cardId=${HEAD_CARD}`);
    await page.getByText('林致远').first().waitFor({ timeout: 30_000 });
    assert.equal(await page.locator(FIRST_SCREEN).count(), 0);
    assert.ok(reads() <= 1, 'the directory reads the card at most once');
    await page.context().close();
  });

  it('shows nothing stale for a card that does not exist: the app explains', async () => {
    const page = await openPhonePage(browser);
    await page.goto(`${cloud.url}?cardId=card-missing`);
    await page.getByText('未找到该名片，可能已下线').waitFor({ timeout: 30_000 });
    assert.equal(await page.locator(FIRST_SCREEN).count(), 0);
    await page.context().close();
  });
});
