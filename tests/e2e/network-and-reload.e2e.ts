import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type LocalCloudProcess } from '../../tools/local-cloud/local-cloud-process';
import { openPhonePage, screenshot, settle, startCloudAndBrowser, stopCloudAndBrowser } from './support/browser';

/**
 * Issue 10 item 8, network and reload: a half-filled inquiry survives a reload (fields back, consent not), and a
 * page whose code cannot be fetched says so with 重试 instead of showing nothing.
 */

const valueOf = (page: Page, testId: string, tag: 'input' | 'textarea' = 'input'): Promise<string> => page.getByTestId(testId).locator(tag).first().inputValue();

describe('network and reload in the browser', () => {
  let cloud: LocalCloudProcess;
  let browser: Browser;

  before(async () => {
    ({ cloud, browser } = await startCloudAndBrowser());
  });
  after(() => stopCloudAndBrowser(cloud, browser));

  it('a half-filled inquiry comes back after a reload, without the consent', async () => {
    const page = await openPhonePage(browser, 'investor');
    await page.goto(`${cloud.url}#/inquiry/lead-form/index?cardId=card-staff-head&channel=chat`);
    await page.getByTestId('lead-form').waitFor({ timeout: 30_000 });
    await settle(page);

    await page.getByTestId('field-name').locator('input').fill('郑晓川');
    await page.getByTestId('field-phone').locator('input').fill('+86 139-0013-9000');
    await page.getByTestId('field-message').locator('textarea').fill('计划建设智能装备生产基地。');
    await page.getByTestId('consent-checkbox').click();
    assert.equal(await page.getByTestId('consent-checkbox').getAttribute('aria-checked'), 'true');

    await page.reload();
    await page.getByTestId('lead-form').waitFor({ timeout: 30_000 });
    await settle(page);
    assert.equal(await valueOf(page, 'field-name'), '郑晓川');
    assert.equal(await valueOf(page, 'field-phone'), '+86 139-0013-9000');
    assert.equal(await valueOf(page, 'field-message', 'textarea'), '计划建设智能装备生产基地。');
    assert.equal(await page.getByTestId('consent-checkbox').getAttribute('aria-checked'), 'false');
    await page.close();
  });

  it('a page whose code does not arrive shows a clear state, and 重试 opens it once the network is back', async () => {
    const page = await openPhonePage(browser);
    await page.goto(`${cloud.url}#/pages/card/index?cardId=card-staff-head`);
    await page.getByTestId('card-page').waitFor({ timeout: 30_000 });
    await settle(page);

    // The network goes: every script and stylesheet not yet fetched fails.
    const offline = (route: { abort: () => Promise<void> }) => route.abort();
    await page.route(/\.(js|css)(\?|$)/, offline);
    await page.getByTestId('action-carriers').click();
    const failure = page.getByTestId('page-load-failure');
    await failure.waitFor({ timeout: 15_000 });
    assert.match((await failure.textContent()) ?? '', /页面没有加载出来，请检查网络后重试/);
    assert.match(page.url(), /pages\/carriers\/index/);
    await screenshot(page, 'page-load-failure');

    await page.unroute(/\.(js|css)(\?|$)/, offline);
    await failure.getByTestId('retry-button').click();
    await page.getByTestId('carriers-page').waitFor({ timeout: 30_000 });
    assert.equal(await page.getByTestId('page-load-failure').count(), 0);
    await page.close();
  });
});
