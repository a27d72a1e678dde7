import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type LocalCloudProcess } from '../../tools/local-cloud/local-cloud-process';
import { openPhonePage, screenshot, settle, startCloudAndBrowser, stopCloudAndBrowser } from './support/browser';

/**
 * Issue 15.1 in Chromium against the H5 build and a local cloud: a web visitor with no WeChat identity (the
 * 访客 persona: no openid, so the local cloud gives the browser its own anonymous visitor cookie) submits an
 * inquiry — the page solves the proof-of-work challenge — and gets a claim code; the same browser sees it in
 * 我的咨询; a WeChat persona claims it by the code and then follows it in their own 我的咨询.
 */

const fill = async (page: Page, testId: string, value: string): Promise<void> => {
  await page.getByTestId(testId).locator('input').first().fill(value);
};

/** Taro's web picker is a wheel: drag the column up by `index` rows (34 px each), then 确定. */
const pick = async (page: Page, pickerTestId: string, label: string, index: number): Promise<void> => {
  await page.getByTestId(pickerTestId).click();
  const overlay = page.locator('.weui-picker__overlay').filter({ has: page.getByText(label, { exact: true }) });
  const column = overlay.locator('taro-picker-group').first();
  await column.waitFor();
  await settle(page);
  const box = await column.boundingBox();
  assert.ok(box, 'picker column on screen');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x, y - 34 * index, { steps: 8 });
  await page.mouse.up();
  await overlay.getByText('确定', { exact: true }).click();
  await page.getByTestId(pickerTestId).getByText(label, { exact: true }).waitFor();
};

describe('web inquiry without WeChat, claimed in WeChat', () => {
  let cloud: LocalCloudProcess;
  let browser: Browser;
  let claimCode = '';
  let visitorPage: Page;

  before(async () => {
    ({ cloud, browser } = await startCloudAndBrowser());
  });
  after(() => stopCloudAndBrowser(cloud, browser));

  it('a web visitor is told up front, submits with a Hong Kong number, and gets the promise and a claim code', async () => {
    visitorPage = await openPhonePage(browser, 'visitor');
    const page = visitorPage;
    await page.goto(`${cloud.url}#/inquiry/lead-form/index?cardId=card-staff-head&channel=web_link`);
    await page.getByTestId('lead-form').waitFor({ timeout: 30_000 });
    await page.getByTestId('web-note').getByText(/无需登录微信/).waitFor();

    await fill(page, 'field-name', '陈嘉欣');
    await fill(page, 'field-phone', '+852 9123 4567');
    await page.getByTestId('phone-preview').getByText('将按 +85291234567 保存').waitFor();
    await page.getByTestId('field-industry').getByText('先进制造', { exact: true }).click();
    await pick(page, 'scale-picker', '1亿–5亿元', 3);
    await page.getByTestId('consent-checkbox').click();
    await page.getByTestId('submit-lead').click();

    const done = page.getByTestId('lead-confirmation');
    await done.waitFor({ timeout: 30_000 });
    assert.equal((await page.getByTestId('promise').innerText()).trim(), '我们将在 8 个工作小时内回复');
    claimCode = (await page.getByTestId('claim-code').innerText()).trim();
    assert.match(claimCode, /^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
    await screenshot(page, 'web-inquiry-claim-code');

    // The browser's own cookie is its identity: 我的咨询 in the same browser shows the inquiry.
    const cookies = await page.context().cookies();
    assert.ok(cookies.some((c) => c.name === 'investcard_visitor' && c.httpOnly), 'an HttpOnly visitor cookie');
    await page.getByTestId('open-my-leads').click();
    await page.getByTestId('my-lead').first().waitFor({ timeout: 30_000 });
    assert.equal(await page.getByTestId('my-lead').count(), 1);
  });

  it('another browser with no persona sees none of it', async () => {
    const stranger = await openPhonePage(browser, 'visitor');
    await stranger.goto(`${cloud.url}#/inquiry/my-leads/index`);
    await stranger.getByText('还没有咨询记录').waitFor({ timeout: 30_000 });
    await stranger.context().close();
  });

  it('a WeChat persona claims it with the code; it shows in their 我的咨询; the code cannot be used again', async () => {
    assert.ok(claimCode, 'the visitor step produced a claim code');
    const page = await openPhonePage(browser, 'investor-b');
    await page.goto(`${cloud.url}#/inquiry/my-leads/index?claim=${claimCode}`);
    await page.getByText('还没有咨询记录').waitFor({ timeout: 30_000 });
    assert.equal(await page.getByTestId('claim-lead').locator('input').inputValue(), claimCode);
    await page.getByTestId('claim-submit').click();
    await page.getByTestId('claim-done').waitFor({ timeout: 15_000 });
    await page.getByTestId('my-lead').first().waitFor();
    assert.equal(await page.getByTestId('my-lead').count(), 1);
    await screenshot(page, 'web-inquiry-claimed');

    await page.getByTestId('claim-lead').locator('input').fill(claimCode);
    await page.getByTestId('claim-submit').click();
    await page.getByTestId('claim-error').getByText('该认领码已被使用').waitFor();
    await page.context().close();
    await visitorPage.context().close();
  });
});
