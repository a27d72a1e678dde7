import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type LocalCloudProcess } from '../../tools/local-cloud/local-cloud-process';
import { openPhonePage, screenshot, settle, startCloudAndBrowser, stopCloudAndBrowser } from './support/browser';

const HEAD_CARD = 'card-staff-head';

/**
 * The card's account links and the owner's shortcuts, as `session.whoami` answers for each demo persona of the
 * local cloud: the owner gets 分享与名片, other staff the workspace, investors 我的咨询 and the staff binding,
 * an unidentified visitor nothing.
 */
describe('card page account entries in the browser', () => {
  let cloud: LocalCloudProcess;
  let browser: Browser;

  /**
   * The head's card as `persona`, with the demo identity pill hidden (it floats over the bottom of the page),
   * once the page has its answer to `session.whoami` (asked after the card arrives).
   */
  const openCard = async (persona: string): Promise<Page> => {
    const page = await openPhonePage(browser, persona);
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        const style = document.createElement('style');
        style.textContent = '[data-testid="persona-switcher"] { display: none !important; }';
        document.head.appendChild(style);
      });
    });
    const whoami = page.waitForResponse((res) => res.url().endsWith('/api/session.whoami'), { timeout: 30_000 });
    await page.goto(`${cloud.url}#/pages/card/index?cardId=${HEAD_CARD}`);
    await page.getByTestId('card-page').waitFor({ timeout: 30_000 });
    await whoami;
    await settle(page);
    return page;
  };

  before(async () => {
    ({ cloud, browser } = await startCloudAndBrowser());
  });
  after(() => stopCloudAndBrowser(cloud, browser));

  it('gives the owner 分享与名片 above the account links, and its 生成海报 opens his poster', async () => {
    const head = await openCard('head');
    await head.getByTestId('share-entry').waitFor({ timeout: 15_000 });
    await head.getByTestId('account-link-workspace').waitFor();
    assert.equal(await head.getByTestId('account-link-bind').count(), 0);
    await head.getByTestId('share-entry').scrollIntoViewIfNeeded();
    await screenshot(head, 'card-owner-entries');

    await head.getByTestId('share-entry-poster').click();
    await head.getByTestId('poster-page').waitFor({ timeout: 30_000 });
    assert.match(head.url(), new RegExp(`#/share/poster/index\\?cardId=${HEAD_CARD}$`));
  });

  it('gives other staff the workspace only, and an investor 我的咨询 with the staff binding', async () => {
    const commissioner = await openCard('commissioner');
    await commissioner.getByTestId('account-link-workspace').waitFor({ timeout: 15_000 });
    assert.equal(await commissioner.getByTestId('share-entry').count(), 0);

    const investor = await openCard('investor');
    await investor.getByTestId('account-link-my-leads').waitFor({ timeout: 15_000 });
    await investor.getByTestId('account-link-bind').waitFor();
    assert.equal(await investor.getByTestId('account-link-workspace').count(), 0);
    assert.equal(await investor.getByTestId('share-entry').count(), 0);
    await investor.getByTestId('account-links').scrollIntoViewIfNeeded();
    await screenshot(investor, 'card-investor-entries');

    await investor.getByTestId('account-link-my-leads').click();
    await investor.waitForURL(/#\/inquiry\/my-leads\/index\?cardId=card-staff-head$/, { timeout: 30_000 });
  });

  it('shows an unidentified visitor neither block', async () => {
    const visitor = await openCard('visitor');
    // Nothing appears to wait for: give the answer time to render before checking it stayed empty.
    await visitor.waitForTimeout(500);
    assert.equal(await visitor.getByTestId('account-links').count(), 0);
    assert.equal(await visitor.getByTestId('share-entry').count(), 0);
  });
});
