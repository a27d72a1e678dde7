import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { type LocalCloudProcess } from '../../tools/local-cloud/local-cloud-process';
import { openPhonePage, screenshot, settle, startCloudAndBrowser, stopCloudAndBrowser } from './support/browser';

/** Foundation: the H5 build, served by the local cloud, shows the seeded card from SQLite in Chromium. */
describe('district card in the browser', () => {
  let cloud: LocalCloudProcess;
  let browser: Browser;

  before(async () => {
    ({ cloud, browser } = await startCloudAndBrowser());
  });
  after(() => stopCloudAndBrowser(cloud, browser));

  it('renders the seeded district card with its commissioner from a bare link', async () => {
    const page = await openPhonePage(browser);
    await page.goto(cloud.url);
    await page.getByTestId('card-page').waitFor({ timeout: 30_000 });
    await settle(page);
    const text = await page.getByTestId('card-page').innerText();
    assert.match(text, /云川市临江区（演示）/);
    assert.match(text, /临江而立，投资正当时/);
    assert.match(text, /演示数据/);
    assert.match(text, /林致远/);
    assert.match(text, /13800138001/);
    assert.ok(await page.getByTestId('call-button').first().isVisible());
    const shot = await screenshot(page, 'district-card');
    assert.ok(shot.endsWith('.png'));
  });

  it('offers the ways on, not a retry that cannot succeed, when the card does not exist', async () => {
    const page = await openPhonePage(browser);
    await page.goto(`${cloud.url}#/pages/card/index?cardId=card-missing`);
    await page.getByText('未找到该名片，可能已下线').waitFor({ timeout: 30_000 });
    assert.equal(await page.getByText('重试').count(), 0);
    for (const way of ['查看区招商名片', '浏览可用载体', '找对接部门']) assert.ok(await page.getByText(way).first().isVisible(), way);
    // The district's own card opens from there.
    await page.getByTestId('dead-end-default-card').click();
    await page.getByTestId('card-page').waitFor({ timeout: 30_000 });
    await page.getByText('林致远').first().waitFor({ timeout: 30_000 });
  });
});
