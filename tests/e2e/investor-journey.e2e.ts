import assert from 'node:assert/strict';
import { callOk } from '../support/local-cloud-api';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type LocalCloudProcess } from '../../tools/local-cloud/local-cloud-process';
import { openPhonePage, screenshot, settle, startCloudAndBrowser, stopCloudAndBrowser } from './support/browser';

const HEAD_CARD = 'card-staff-head';

/**
 * The investor journey in the H5 build against the local cloud: a share link from the district head, the
 * card with its commissioner, carriers filtered and searched, a detail with freshness and manager, and the
 * way into the lead form with the carrier attached.
 */
describe('investor journey in the browser', () => {
  let cloud: LocalCloudProcess;
  let browser: Browser;

  const api = <T>(persona: string, action: string, input: unknown): Promise<T> => callOk<T>(cloud.url, persona, action, input);

  /** The carrier cards of the list page (Taro's H5 router keeps earlier pages in the DOM, hidden). */
  const listedCarriers = (page: Page) =>
    page.getByTestId('carriers-page').getByTestId('carrier-summary-card').evaluateAll((cards) =>
      cards.map((card) => ({
        id: card.getAttribute('data-carrier-id') ?? '',
        type: card.querySelector('.carrier-summary-card__type')?.textContent ?? '',
        name: card.querySelector('.carrier-summary-card__name')?.textContent ?? '',
        vacancy: card.querySelector('.carrier-summary-card__fact-value')?.textContent ?? '',
      })),
    );

  /** Waits until the list shows a settled answer that satisfies `check`. */
  const waitForList = async (page: Page, check: (items: Awaited<ReturnType<typeof listedCarriers>>) => boolean, what: string) => {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const items = await listedCarriers(page);
      if (items.length && check(items) && (await page.getByTestId('carriers-page').getByTestId('list-skeleton').count()) === 0) return items;
      if (Date.now() > deadline) assert.fail(`list never showed ${what}: ${JSON.stringify(items)}`);
      await page.waitForTimeout(100);
    }
  };

  before(async () => {
    ({ cloud, browser } = await startCloudAndBrowser());
  });
  after(() => stopCloudAndBrowser(cloud, browser));

  it('a new investor goes from a shared card to an inquiry about a vacant factory', async () => {
    const share = await api<{ code: string; webUrl: string }>('head', 'share.create', { cardId: HEAD_CARD, channel: 'web_link' });
    // A web link names the card in its query string: the web host renders the card into the page.
    assert.match(share.webUrl, /\/\?cardId=card-staff-head&s=[0-9A-Za-z]{10}$/);

    // The card, from the share link.
    const page = await openPhonePage(browser);
    await page.goto(share.webUrl);
    const card = page.getByTestId('card-page');
    await card.waitFor({ timeout: 30_000 });
    await settle(page);
    const cardText = await card.innerText();
    assert.match(cardText, /云川市临江区（演示）/);
    assert.match(cardText, /林致远/);
    assert.match(cardText, /13800138001/);
    const owner = page.getByTestId('owner-contact');
    assert.equal(await owner.getByTestId('call-button').getAttribute('href'), 'tel:13800138001');
    assert.ok(await owner.getByTestId('copy-wechat-button').isVisible());
    for (const action of ['action-carriers', 'action-directory', 'action-lead', 'action-vcard', 'copy-link', 'bar-lead']) {
      assert.ok(await page.getByTestId(action).isVisible(), `${action} visible`);
    }
    await screenshot(page, 'journey-card');

    // The view was counted for the head, as a web link through his share.
    const stats = await api<{ views: number; viewsByChannel: Record<string, number> }>('head', 'card.stats', {});
    assert.ok((stats.viewsByChannel.web_link ?? 0) >= 1, `web_link views: ${JSON.stringify(stats.viewsByChannel)}`);

    // Carriers.
    await page.getByTestId('action-carriers').click();
    await page.waitForURL(/#\/pages\/carriers\/index\?districtId=[^&]+&cardId=card-staff-head&s=[0-9A-Za-z]{10}&channel=web_link/);
    const list = page.getByTestId('carriers-page');
    await list.getByTestId('carrier-list').waitFor({ timeout: 15_000 });
    await settle(page);
    const all = await waitForList(page, (items) => items.length >= 10, 'the first page');
    assert.ok(new Set(all.map((c) => c.type)).size >= 3, 'several types on the first page');

    await page.getByTestId('type-tab-factory').click();
    await waitForList(page, (items) => items.every((c) => c.type === '厂房'), 'factories only');

    await page.getByTestId('open-filters').click();
    await page.getByTestId('filter-has-vacancy').click();
    await page.getByTestId('filter-apply').click();
    await page.getByTestId('active-filters').getByText('有空置').waitFor();
    const vacant = await waitForList(page, (items) => items.every((c) => c.type === '厂房' && c.vacancy !== '暂无空置'), 'vacant factories');

    const search = list.locator('[data-testid="search-input"] input, input[data-testid="search-input"]').first();
    await search.fill('厂房');
    await page.getByTestId('search-submit').click();
    const found = await waitForList(page, (items) => items.every((c) => c.type === '厂房' && c.vacancy !== '暂无空置'), '厂房 search results');
    assert.ok(found.length >= 1 && found.length <= vacant.length);
    await settle(page);
    await screenshot(page, 'journey-carriers');

    // The detail.
    const chosen = found[0];
    await list.getByTestId('carrier-summary-card').first().click();
    await page.waitForURL(new RegExp(`#/pages/carrier-detail/index\\?carrierId=${chosen.id}&cardId=card-staff-head&s=`));
    const detail = page.getByTestId('carrier-detail');
    await detail.waitFor({ timeout: 15_000 });
    await settle(page);
    assert.match(await detail.innerText(), new RegExp(chosen.name));
    assert.match(await page.getByTestId('freshness').innerText(), /空置面积 · 核实于(今天| \d+ 天前)/);
    const manager = await page.getByTestId('carrier-manager').innerText();
    assert.match(manager, /1380013\d{4}/);
    assert.match((await page.getByTestId('manager-call').getAttribute('href')) ?? '', /^tel:1380013\d{4}$/);
    assert.match((await page.getByTestId('map-link').getAttribute('href')) ?? '', /^https:\/\/uri\.amap\.com\/marker\?position=/);
    await screenshot(page, 'journey-detail');

    // Into the lead form with the carrier attached.
    await page.getByTestId('inquire-carrier').click();
    await page.waitForURL(/#\/inquiry\/lead-form\/index\?/);
    const hash = await page.evaluate(() => window.location.hash);
    assert.ok(hash.includes('inquiry/lead-form/index'), hash);
    assert.ok(hash.includes(`carrierId=${chosen.id}`), hash);
    assert.ok(hash.includes('cardId=card-staff-head'), hash);
    assert.match(hash, /channel=web_link/);
  });

  it('the directory lists commissioners by unit and industry and opens their cards', async () => {
    const page = await openPhonePage(browser);
    await page.goto(`${cloud.url}#/pages/card/index?cardId=${HEAD_CARD}`);
    await page.getByTestId('card-page').waitFor({ timeout: 30_000 });
    await page.getByTestId('action-directory').click();
    await page.getByTestId('directory-group').first().waitFor({ timeout: 15_000 });
    await settle(page);
    const units = await page.getByTestId('directory-group').locator('.section-block__title').allInnerTexts();
    assert.ok(units.includes('临江区投资促进局'), units.join(','));
    await page.getByTestId('directory-mode-industry').click();
    const industries = await page.getByTestId('directory-group').locator('.section-block__title').allInnerTexts();
    assert.ok(industries.includes('先进制造'), industries.join(','));
    await screenshot(page, 'journey-directory');

    await page.getByTestId('directory-group').getByText('周若岚').first().click();
    await page.waitForURL(/#\/pages\/card\/index\?cardId=card-staff-commissioner/);
    await page.getByTestId('owner-contact').getByText('周若岚').waitFor({ timeout: 15_000 });
  });
});
