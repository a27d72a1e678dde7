import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { type LocalCloudProcess } from '../../tools/local-cloud/local-cloud-process';
import { callOk } from '../support/local-cloud-api';
import { openPhonePage, screenshot, settle, startCloudAndBrowser, stopCloudAndBrowser } from './support/browser';

/**
 * Issue 15.2–3 in Chromium against the H5 build and a local cloud: the card turns English by its switch (and stays
 * so after a reload) or by a link's `lang=en`; carriers and a carrier's details follow; a foreign investor sends
 * an inquiry with an email address as the only way to reach them; an inquiry about a carrier with no English
 * names it marked «中文», suggests sites in English, and gets the staff's recommendation back in English in
 * 我的咨询; the web's first paint marks Chinese-only content before the app runs.
 */

/** Words of the region's text left Chinese once marked content, the marks and the language switch are taken out. */
const chineseLeftIn = (region: Locator): Promise<string[]> =>
  region.evaluate((root) => {
    const copy = root.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('[data-content-lang="zh"], [data-testid="chinese-mark"], .language-switch').forEach((el) => el.remove());
    return (copy.textContent ?? '').split(/\s+/).filter((word) => /[\u3400-\u9fff]/.test(word));
  });

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

  it('an inquiry about a carrier with no English: its name marked, sites suggested in English, the recommendation answered in English', async () => {
    // 南岭工业坊 (factory-002) has no English in the demo seed.
    const investor = await openPhonePage(browser, 'investor');
    await investor.goto(`${cloud.url}#/pages/lead-form/index?cardId=card-staff-head&carrierId=factory-002&lang=en`);
    await investor.getByTestId('lead-form').waitFor({ timeout: 30_000 });
    const about = investor.getByTestId('lead-form-carrier');
    await about.getByTestId('chinese-mark').waitFor({ timeout: 30_000 });
    assert.match(await about.innerText(), /^About the site: 南岭工业坊/);
    assert.equal(await about.getByText('南岭工业坊').getAttribute('lang'), 'zh');

    await fill(investor, 'field-name', 'Anna Schmidt');
    await fill(investor, 'field-email', 'anna.schmidt@rhein.example');
    await fill(investor, 'field-industry', 'New energy');
    await pick(investor, 'scale-picker', 'CNY 100–500 million', 3);
    await pick(investor, 'carrier-type-picker', 'Factory', 2);
    await investor.getByTestId('field-area').locator('input').first().fill('1000');
    await investor.getByTestId('consent-checkbox').click();
    await investor.getByTestId('submit-lead').click();
    await investor.getByTestId('lead-confirmation').waitFor({ timeout: 30_000 });

    const suggested = investor.getByTestId('after-submit-matches');
    await suggested.waitFor({ timeout: 30_000 });
    const text = await suggested.innerText();
    assert.match(text, /Sites that may suit you/);
    assert.match(text, /[\d,]+ m² available: fits/);
    assert.doesNotMatch(text, /可能适合|空置|符合|㎡/);
    assert.deepEqual(await chineseLeftIn(suggested), []);
    await screenshot(investor, 'lead-form-english-matches');

    const [lead] = (await callOk<{ items: Array<{ id: string }> }>(cloud.url, 'investor', 'lead.mine', {})).items;
    assert.ok(lead, 'the inquiry was sent');

    // The head reads the matches in Chinese and recommends: the reply box fills in English, the investor's language.
    const staff = await openPhonePage(browser, 'head');
    await staff.goto(`${cloud.url}#/staff/lead-detail/index?id=${lead.id}`);
    await staff.getByTestId('lead-detail').waitFor({ timeout: 30_000 });
    await staff.getByTestId('matches-section').getByTestId('carrier-match').first().waitFor({ timeout: 30_000 });
    assert.match(await staff.getByTestId('recommend-hint').innerText(), /推荐将以英文填写/);
    await staff.getByTestId('recommend-matches').click();
    const box = staff.getByTestId('reply-input').locator('textarea');
    await staff.waitForFunction((el) => (el as HTMLTextAreaElement | null)?.value.startsWith('Based on your needs'), await box.elementHandle(), { timeout: 15_000 });
    const recommendation = await box.inputValue();
    assert.match(recommendation, /^1\. .+ \(Factory · .+\): [\d,]+ m² available: fits/m);
    await staff.getByTestId('send-reply').click();
    await staff.getByTestId('reply-thread').getByText(/Based on your needs/).first().waitFor({ timeout: 15_000 });
    await staff.context().close();

    // 我的咨询 in English: the carrier marked «中文», the recommendation in English.
    await investor.goto(`${cloud.url}#/inquiry/my-leads/index?lang=en`);
    const mine = investor.locator(`[data-testid="my-lead"][data-lead-id="${lead.id}"]`);
    await mine.waitFor({ timeout: 30_000 });
    await mine.getByText(/Based on your needs, we recommend these sites:/).waitFor({ timeout: 30_000 });
    assert.equal(await mine.locator('.my-lead-card__title').getByTestId('chinese-mark').count(), 1);
    assert.equal(await mine.getByText('南岭工业坊', { exact: true }).first().getAttribute('lang'), 'zh');
    // The handler and the reply's author by the office's English name for them (the seed's), not marked «中文».
    assert.match(await mine.getByTestId('handler-name').innerText(), /Lin Zhiyuan/);
    assert.doesNotMatch(await mine.innerText(), /林致远/);
    await screenshot(investor, 'my-leads-english-recommendation');
    await investor.context().close();
  });

  it('the web’s first paint of a card with no English marks its Chinese content «中文» before the app runs', async () => {
    // The app's scripts never arrive: what shows is the web host's first screen alone.
    const page = await openPhonePage(browser);
    await page.route('**/js/*.js', (route) => route.abort());
    await page.goto(`${cloud.url}?cardId=card-ws-staff-head&lang=en`);
    const first = page.locator('#investcard-first-screen').getByTestId('first-screen-card');
    await first.waitFor({ timeout: 30_000 });
    assert.equal(await first.getAttribute('data-lang'), 'en');
    assert.match(await first.innerText(), /About the district|Contact us/);
    const marks = first.getByTestId('chinese-mark');
    assert.ok((await marks.count()) >= 2, 'the Chinese-only texts are marked');
    assert.equal((await marks.first().innerText()).trim(), '中文');
    assert.equal(await marks.first().getAttribute('aria-label'), 'Available in Chinese only');
    assert.ok(await marks.first().isVisible());
    assert.deepEqual(await chineseLeftIn(first), []);
    await screenshot(page, 'first-screen-english-marked');
    await page.context().close();
  });
});
