import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type LocalCloudProcess } from '../../tools/local-cloud/local-cloud-process';
import { openPhonePage, screenshot, settle, startCloudAndBrowser, stopCloudAndBrowser } from './support/browser';

/**
 * Issue 15.2–3 in Chromium against the H5 build and a local cloud: the card turns English by its switch (and stays
 * so after a reload) or by a link's `lang=en`; carriers and a carrier's details follow; a foreign investor sends
 * an inquiry with an email address as the only way to reach them.
 */

const fill = async (page: Page, testId: string, value: string): Promise<void> => {
  await page.getByTestId(testId).locator('input').first().fill(value);
};

/** Taro's web picker is a wheel: drag the column up by `index` rows (34 px each), then its own 确定. */
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

describe('the investor path in English', () => {
  let cloud: LocalCloudProcess;
  let browser: Browser;

  before(async () => {
    ({ cloud, browser } = await startCloudAndBrowser());
  });
  after(() => stopCloudAndBrowser(cloud, browser));

  it('the card switches to English, and the device remembers it', async () => {
    const page = await openPhonePage(browser);
    await page.goto(cloud.url);
    await page.getByTestId('card-page').waitFor({ timeout: 30_000 });
    await page.getByText('区域概况').first().waitFor();
    await page.getByTestId('language-switch-en').click();
    await page.getByText('About the district').first().waitFor({ timeout: 10_000 });
    const text = await page.getByTestId('card-page').innerText();
    assert.match(text, /Contact us/);
    assert.match(text, /Investment Card/);
    assert.doesNotMatch(text, /联系我们|区域概况|留言咨询/);
    await screenshot(page, 'card-english');

    await page.reload();
    await page.getByTestId('card-page').waitFor({ timeout: 30_000 });
    await page.getByText('About the district').first().waitFor({ timeout: 30_000 });
    assert.equal(await page.getByTestId('language-switch-en').getAttribute('aria-checked'), 'true');
  });

  it('a link with lang=en opens the card in English in a fresh browser, then carriers and a carrier in English', async () => {
    const page: Page = await openPhonePage(browser);
    await page.goto(`${cloud.url}#/pages/card/index?lang=en`);
    await page.getByTestId('card-page').waitFor({ timeout: 30_000 });
    await page.getByText('Contact us').first().waitFor({ timeout: 30_000 });

    await page.getByTestId('action-carriers').click();
    await page.getByTestId('carrier-list').waitFor({ timeout: 30_000 });
    const list = await page.getByTestId('carriers-page').innerText();
    assert.match(list, /Factory/);
    assert.match(list, /m²/);
    assert.doesNotMatch(list, /㎡|可租售|总面积|筛选/);

    await page.getByTestId('carrier-list').getByTestId('carrier-summary-card').first().click();
    await page.getByTestId('carrier-detail').waitFor({ timeout: 30_000 });
    await page.getByText('Site manager').first().waitFor({ timeout: 30_000 });
    const detail = await page.getByTestId('carrier-detail').innerText();
    assert.match(detail, /Indicative price/);
    assert.doesNotMatch(detail, /参考价格|载体管理方|查看地图/);
    await screenshot(page, 'carrier-detail-english');
  });

  it('content in English from the data: the card’s English slogan, and a carrier without English marked «中文»', async () => {
    const page = await openPhonePage(browser);
    await page.goto(`${cloud.url}#/pages/card/index?cardId=card-staff-head&lang=en`);
    await page.getByTestId('card-page').waitFor({ timeout: 30_000 });
    await page.getByTestId('district-slogan').getByText('Invest by the river, invest now').waitFor({ timeout: 30_000 });
    const card = await page.getByTestId('card-page').innerText();
    assert.match(card, /Lin Zhiyuan/);
    assert.match(card, /Linjiang Financial Centre/);
    assert.doesNotMatch(card, /临江而立|林致远/);
    assert.equal(await page.getByTestId('card-page').getByTestId('chinese-mark').count(), 0);
    await screenshot(page, 'card-english-content');

    // factory-002 has no English in the demo seed: its Chinese texts stay, marked, and read as Chinese.
    await page.goto(`${cloud.url}#/pages/carrier-detail/index?carrierId=factory-002&lang=en`);
    await page.getByTestId('carrier-detail').waitFor({ timeout: 30_000 });
    await page.getByText('Site manager').first().waitFor({ timeout: 30_000 });
    const marks = page.getByTestId('carrier-detail').getByTestId('chinese-mark');
    assert.ok((await marks.count()) >= 2, 'the Chinese-only texts are marked');
    assert.equal((await marks.first().innerText()).trim(), '中文');
    assert.equal(await marks.first().getAttribute('aria-label'), 'Available in Chinese only');
    const heading = page.locator('.carrier-detail__name');
    assert.equal(await heading.getAttribute('lang'), 'zh');
    assert.equal(await heading.getAttribute('data-content-lang'), 'zh');
    await screenshot(page, 'carrier-detail-chinese-only-marked');
  });

  it('the form in English submits with an email as the only contact', async () => {
    const page = await openPhonePage(browser);
    await page.goto(`${cloud.url}#/pages/lead-form/index?cardId=card-staff-head&lang=en`);
    await page.getByTestId('lead-form').waitFor({ timeout: 30_000 });
    await page.getByText('Your contact details').waitFor({ timeout: 30_000 });

    await fill(page, 'field-name', 'Anna Schmidt');
    await fill(page, 'field-email', 'anna.schmidt@rhein.example');
    await fill(page, 'field-industry', 'Smart manufacturing');
    await pick(page, 'scale-picker', 'CNY 100–500 million', 3);
    await page.getByTestId('consent-checkbox').click();
    await page.getByTestId('submit-lead').click();

    const done = page.getByTestId('lead-confirmation');
    await done.waitFor({ timeout: 30_000 });
    assert.equal((await page.getByTestId('promise').innerText()).trim(), 'We reply within 8 working hours');
    assert.match(await done.innerText(), /Inquiry sent/);
    await screenshot(page, 'lead-form-english-email-only');
  });

  it('without any way to reach them, the English form says so under the phone field and sends nothing', async () => {
    const page = await openPhonePage(browser);
    await page.goto(`${cloud.url}#/pages/lead-form/index?cardId=card-staff-head&lang=en`);
    await page.getByTestId('lead-form').waitFor({ timeout: 30_000 });
    await fill(page, 'field-name', 'Anna Schmidt');
    await page.getByTestId('consent-checkbox').click();
    await page.getByTestId('submit-lead').click();
    await page.getByTestId('field-phone-error').getByText('Please give a phone number, an email or a WeChat ID').waitFor({ timeout: 10_000 });
    assert.equal(await page.getByTestId('lead-confirmation').count(), 0);
  });
});
