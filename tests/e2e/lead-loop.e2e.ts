import assert from 'node:assert/strict';
import { callOk } from '../support/local-cloud-api';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type LocalCloudProcess } from '../../tools/local-cloud/local-cloud-process';
import { openPhonePage, screenshot, settle, startCloudAndBrowser, stopCloudAndBrowser } from './support/browser';

/**
 * Issue 4, the lead loop in Chromium against the H5 build and a local cloud on a fresh SQLite file:
 * an investor asks from the district head's card → the head finds it in the inbox (我的), reveals the contact,
 * replies and moves it to 已联系 → the investor sees the reply and the status in 我的咨询.
 */

const INVESTOR = { name: '郑晓川', company: '云启智能科技有限公司', phoneTyped: '+86 139-0013-9000', phone: '13900139000', masked: '139****9000' };
const REPLY = '郑总您好，已收到您的咨询。我们下周二可安排您实地考察临江高新区的标准厂房，请问是否方便？';

/** Taro's web pages scroll inside the page element: widen the viewport to the content to capture it whole. */
const fullScreenshot = async (page: Page, name: string): Promise<string> => {
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    document.querySelectorAll<HTMLElement>('.taro_page').forEach((el) => el.scrollTo(0, 0));
  });
  await settle(page);
  const viewport = page.viewportSize() ?? { width: 390, height: 844 };
  const height = await page.evaluate(() => {
    const pages = document.querySelectorAll<HTMLElement>('.taro_page');
    const current = pages[pages.length - 1];
    return Math.max(current?.scrollHeight ?? 0, document.documentElement.scrollHeight, document.body.scrollHeight);
  });
  await page.setViewportSize({ width: viewport.width, height: Math.min(Math.max(height, viewport.height), 5000) });
  try {
    return await screenshot(page, name);
  } finally {
    await page.setViewportSize(viewport);
  }
};

const api = <T>(cloud: LocalCloudProcess, persona: string, action: string, input: unknown): Promise<T> => callOk<T>(cloud.url, persona, action, input);

/** Earlier inquiries from other investors, so the inbox looks like a working day (and pages past one screen). */
const seedOtherLeads = async (cloud: LocalCloudProcess): Promise<void> => {
  const notice = await api<{ version: string }>(cloud, 'visitor', 'lead.privacyNotice', {});
  const others = [
    { who: 'e2e-a', cardId: 'card-staff-head', name: '沈嘉禾', company: '禾源生物医药（上海）有限公司', phone: '021-6543 2100', industry: '生物医药', scale: '100m_500m' },
    { who: 'e2e-b', cardId: 'card-staff-head', name: '顾铭', company: '铭远新能源集团', phone: '13700137000', industry: '新能源', scale: 'over_500m' },
    { who: 'e2e-c', cardId: 'card-staff-edu-head', name: '韩露', company: '启明教育科技', phone: '13600136000', industry: '教育培训', scale: '10m_50m' },
  ];
  for (const o of others) {
    await api(cloud, `guest-${o.who}`, 'lead.submit', {
      idempotencyKey: `e2e-seed-${o.who}-0000000000`,
      contact: { name: o.name, company: o.company, phone: o.phone },
      need: { industry: o.industry, scale: o.scale },
      message: `希望了解${o.industry}方向的落地政策与可用载体。`,
      source: { channel: 'chat', cardId: o.cardId },
      consent: { agreed: true, noticeVersion: notice.version },
    });
  }
};

const fill = async (page: Page, testId: string, value: string, tag: 'input' | 'textarea' = 'input'): Promise<void> => {
  await page.getByTestId(testId).locator(tag).first().fill(value);
};

/** Taro's web picker is a wheel: drag the column up by `index` rows (34 px each) from the first row, then 确定. */
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

describe('lead loop in the browser', () => {
  let cloud: LocalCloudProcess;
  let browser: Browser;
  let leadId = '';
  let openedFromCard = false;

  before(async () => {
    ({ cloud, browser } = await startCloudAndBrowser());
    await seedOtherLeads(cloud);
  });
  after(() => stopCloudAndBrowser(cloud, browser));

  it('investor: asks from the card, must consent first, and sees the promise after submitting', async () => {
    const page = await openPhonePage(browser, 'investor');
    await page.goto(`${cloud.url}#/pages/card/index?cardId=card-staff-head`);
    await page.getByTestId('card-page').waitFor({ timeout: 30_000 });
    await settle(page);

    const ask = page.getByTestId('bar-lead').or(page.getByTestId('action-lead')).first();
    if (await ask.count()) {
      await ask.click();
      openedFromCard = true;
    } else {
      await page.goto(`${cloud.url}#/inquiry/lead-form/index?cardId=card-staff-head&channel=chat`);
    }
    const form = page.getByTestId('lead-form');
    await form.waitFor({ timeout: 30_000 });
    assert.match(page.url(), /cardId=card-staff-head/);
    await page.getByTestId('lead-form-recipient').getByText(/林致远/).waitFor();
    await page.getByText('我们将在 8 个工作小时内回复（1 个工作日）').first().waitFor();

    // The honeypot exists for bots only: off-screen, hidden from assistive tech, out of the tab order.
    const honeypot = page.getByTestId('honeypot');
    assert.equal(await honeypot.getAttribute('aria-hidden'), 'true');
    assert.equal(await honeypot.locator('input').getAttribute('tabindex'), '-1');
    const box = await honeypot.boundingBox();
    assert.ok(!box || box.x + box.width <= 0 || box.width <= 1, 'honeypot is off-screen');

    await fill(page, 'field-name', INVESTOR.name);
    await fill(page, 'field-company', INVESTOR.company);
    await fill(page, 'field-phone', '12345');
    await page.getByTestId('field-email').locator('input').focus();
    await page.getByTestId('field-phone-error').waitFor();
    await fill(page, 'field-phone', INVESTOR.phoneTyped);
    await page.getByTestId('phone-preview').getByText(`将按 ${INVESTOR.phone} 保存`).waitFor();
    await fill(page, 'field-email', 'zheng@yunqi-tech.cn');
    await page.getByTestId('field-industry').getByText('先进制造', { exact: true }).click();
    await pick(page, 'scale-picker', '1亿–5亿元', 3);
    await pick(page, 'carrier-type-picker', '厂房', 2);
    await fill(page, 'field-area', '3000');
    await page.getByTestId('field-area').locator('input').nth(1).fill('8000');
    await pick(page, 'timing-picker', '6 个月内', 1);
    await fill(page, 'field-message', '计划建设智能装备生产基地，需要 5000㎡ 左右的标准厂房，希望了解租金补贴政策。', 'textarea');

    // Without consent nothing is sent, and the page says why. Until then the button is dimmed and says so to
    // assistive tech (aria-disabled), yet a press still explains. Playwright will not click an aria-disabled
    // element, so this one press is delivered as the element's own click event.
    assert.equal(await page.getByTestId('submit-lead').getAttribute('aria-disabled'), 'true');
    await page.getByTestId('submit-lead').dispatchEvent('click');
    await page.getByTestId('consent-error').getByText('请先阅读并同意《个人信息保护说明》').waitFor();
    await fullScreenshot(page, 'lead-form');

    await page.getByTestId('open-privacy-notice').click();
    const notice = page.getByTestId('privacy-notice');
    await notice.getByText(/处理者/).waitFor();
    await notice.getByText('版本 2026-11').waitFor();
    await screenshot(page, 'lead-privacy-notice');
    await page.getByTestId('privacy-agree').click();
    assert.equal(await page.getByTestId('consent-checkbox').getAttribute('aria-checked'), 'true');

    await page.getByTestId('submit-lead').click();
    const done = page.getByTestId('lead-confirmation');
    await done.waitFor({ timeout: 15_000 });
    assert.equal((await page.getByTestId('promise').innerText()).trim(), '我们将在 8 个工作小时内回复');
    assert.match(await page.getByTestId('promise-due').innerText(), /即 1 个工作日，最晚 .+ 前由专员联系您/);
    await done.getByText('咨询已提交').waitFor();
    await fullScreenshot(page, 'lead-confirmation');

    // The head is told, and the notification opens the lead detail by id.
    const outbox = await fetch(new URL('/api/_local/outbox', cloud.url), { headers: { 'x-investcard-persona': 'head' } }).then(
      (r) => r.json() as Promise<{ data: { items: Array<{ kind: string; page: string; fields: Record<string, string> }> } }>,
    );
    const notified = outbox.data.items.find((i) => i.kind === 'lead_new' && i.fields.thing1 === '先进制造投资咨询');
    assert.ok(notified, 'head notified of the new lead');
    const m = /^staff\/lead-detail\/index\?id=([A-Za-z0-9_-]+)$/.exec(notified.page);
    assert.ok(m, `notification page: ${notified.page}`);
    leadId = m[1];
    await page.context().close();
  });

  it('staff (head): finds it in 我的, reveals the contact, replies and moves it to 已联系', async () => {
    assert.ok(leadId, 'the investor step produced a lead');
    const page = await openPhonePage(browser, 'head');
    await page.goto(`${cloud.url}#/staff/inbox/index`);
    await page.getByTestId('inbox-list').waitFor({ timeout: 30_000 });
    assert.equal(await page.getByTestId('tab-mine').getAttribute('aria-selected'), 'true');
    assert.equal((await page.getByTestId('tab-mine-count').innerText()).trim(), '3');
    // The education bureau's card is answered by the investment bureau's on-duty commissioner: 本单位, not 我的.
    assert.equal((await page.getByTestId('tab-unit-count').innerText()).trim(), '4');
    assert.equal((await page.getByTestId('tab-pool-count').innerText()).trim(), '0');
    const item = page.locator(`[data-testid="lead-item"][data-lead-id="${leadId}"]`);
    await item.getByText(INVESTOR.name).waitFor();
    assert.match(await item.innerText(), /新线索/);
    await fullScreenshot(page, 'staff-inbox');

    await page.getByTestId('tab-unit').click();
    await page.getByTestId('inbox-list').getByText('韩露').waitFor();
    await page.getByTestId('tab-pool').click();
    await page.getByTestId('inbox-empty').waitFor();
    await page.getByTestId('tab-mine').click();
    await item.waitFor();

    await item.click();
    const detail = page.getByTestId('lead-detail');
    await detail.waitFor({ timeout: 30_000 });
    assert.match(page.url(), new RegExp(`staff/lead-detail/index\\?id=${leadId}`));
    assert.equal((await page.getByTestId('phone-masked').innerText()).trim(), INVESTOR.masked);
    assert.equal(await detail.getByText(INVESTOR.phone).count(), 0, 'full number hidden until revealed');
    // Only the state machine's next steps are offered.
    assert.ok(await page.getByTestId('move-contacted').isVisible());
    assert.ok(await page.getByTestId('move-invalid').isVisible());
    assert.equal(await page.getByTestId('move-signed').count(), 0);

    await page.getByTestId('reveal-contact').click();
    await page.getByTestId('phone-full').getByText(INVESTOR.phone).waitFor();
    await page.getByTestId('event-timeline').locator('[data-type="contact_revealed"]').first().waitFor();

    await page.getByTestId('reply-input').locator('textarea').fill(REPLY);
    await page.getByTestId('send-reply').click();
    await page.getByTestId('reply-thread').getByText(REPLY).waitFor({ timeout: 15_000 });
    await page.getByText('已回复投资者').waitFor({ state: 'hidden' });

    await page.getByTestId('move-contacted').click();
    await page.getByTestId('stage-contacted').and(page.locator('[data-state="current"]')).waitFor({ timeout: 15_000 });
    assert.match(await detail.getByTestId('status-badge').first().innerText(), /已联系/);
    assert.ok(await page.getByTestId('move-site_visit').isVisible());
    await page.getByTestId('sla-note').getByText(/首次回复/).waitFor();
    await fullScreenshot(page, 'staff-lead-detail');
    await page.context().close();
  });

  it('investor: sees the reply, the status and the kept promise in 我的咨询', async () => {
    const page = await openPhonePage(browser, 'investor');
    await page.goto(`${cloud.url}#/inquiry/my-leads/index?cardId=card-staff-head`);
    const lead = page.locator(`[data-testid="my-lead"][data-lead-id="${leadId}"]`);
    await lead.waitFor({ timeout: 30_000 });
    assert.match(await lead.getByTestId('status-badge').innerText(), /已联系/);
    await lead.getByText(REPLY).waitFor();
    assert.equal((await lead.getByTestId('promise-state').innerText()).trim(), '已按时回复');
    assert.equal((await lead.getByTestId('handler-name').innerText()).trim(), '林致远');
    // Only the investor's own inquiries are listed.
    assert.equal(await page.getByTestId('my-lead').count(), 1);
    await fullScreenshot(page, 'my-leads');
    await page.context().close();
  });

  it('reports whether the card offered 留言咨询 (otherwise the form was opened by its link)', () => {
    assert.ok(openedFromCard, 'the card page has a 留言咨询 entry (bar-lead / action-lead)');
  });
});
