import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { type LocalCloudProcess } from '../../tools/local-cloud/local-cloud-process';
import { openPhonePage, settle, startCloudAndBrowser, stopCloudAndBrowser } from './support/browser';

/**
 * A «back» right after opening a page brings the page below back into view. Taro's web router puts the page it
 * leaves away on a timer (300 ms slide + 50 ms delay) and, unpatched, did not cancel that timer when the page was
 * shown again first: the card came back and was hidden a moment later — a blank screen (patches/@tarojs+router).
 */
describe('going back at once in the browser', () => {
  let cloud: LocalCloudProcess;
  let browser: Browser;

  before(async () => {
    ({ cloud, browser } = await startCloudAndBrowser());
  });
  after(() => stopCloudAndBrowser(cloud, browser));

  it('shows the card again when «back» comes as soon as the carriers page is on screen', async () => {
    const page = await openPhonePage(browser);
    await page.goto(`${cloud.url}#/pages/card/index?cardId=card-staff-head`);
    await page.getByTestId('card-page').waitFor({ timeout: 30_000 });
    await settle(page);

    // «back» in the same moment the router adds the carriers page: well inside the window of the leaving timer.
    const wentBack = page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          // No named helpers in here: the test runner's compiler would wrap them in a function the page lacks.
          const before = document.querySelectorAll('.taro_page').length;
          const observer = new MutationObserver(() => {
            if (document.querySelectorAll('.taro_page').length <= before) return;
            observer.disconnect();
            const at = performance.now();
            window.history.back();
            resolve(at);
          });
          observer.observe(document.body, { childList: true, subtree: true });
        }),
    );
    await page.getByTestId('action-carriers').click();
    await wentBack;
    await page.waitForFunction(() => !location.hash.includes('carriers'), undefined, { timeout: 10_000 });
    // Past every timer of both pages (slide, delay, unload).
    await page.waitForTimeout(1_000);
    await settle(page);

    const shown = await page.evaluate(() => [...document.querySelectorAll('.taro_page')].filter((el) => !el.classList.contains('taro_page_shade')).length);
    assert.equal(shown, 1, 'exactly one page is in view');
    assert.ok(await page.getByTestId('card-page').isVisible(), 'the card is in view again');
    await page.context().close();
  });
});
