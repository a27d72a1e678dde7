import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { type LocalCloudProcess } from '../../tools/local-cloud/local-cloud-process';
import { callOk } from '../support/local-cloud-api';
import { openPhonePage, screenshot, settle, startCloudAndBrowser, stopCloudAndBrowser } from './support/browser';

/**
 * The staff's own tools on a lead, in the browser against the local cloud: the handler (the head) completes
 * 项目信息 — a credit code whose checksum fails is kept with a warning, the amount shows its tier — and, once the
 * lead is signed, 投资促进局's leader confirms 签约 with a note and a date; the confirmation shows on the lead.
 */
describe('lead facts and the bureau’s confirmation in the browser', () => {
  let cloud: LocalCloudProcess;
  let browser: Browser;
  let leadId: string;
  const api = <T>(persona: string, action: string, input: unknown) => callOk<T>(cloud.url, persona, action, input);
  const rev = async () => (await api<{ rev: number }>('head', 'lead.detail', { leadId })).rev;

  before(async () => {
    ({ cloud, browser } = await startCloudAndBrowser());
    const notice = await api<{ version: string }>('visitor', 'lead.privacyNotice', {});
    ({ leadId } = await api<{ leadId: string }>('guest-facts-a', 'lead.submit', {
      idempotencyKey: 'e2e-facts-a-000000000',
      contact: { name: '测试', company: '云帆智能科技有限公司', phone: '13700137011' },
      need: { industry: '人工智能', scale: 'undecided' },
      message: '想了解楼宇租金与人才政策。',
      source: { channel: 'chat', cardId: 'card-staff-head' },
      consent: { agreed: true, noticeVersion: notice.version },
    }));
  });
  after(() => stopCloudAndBrowser(cloud, browser));

  it('the handler completes 项目信息 with a checksum warning that does not block', async () => {
    const page = await openPhonePage(browser, 'head');
    await page.goto(`${cloud.url}#/staff/lead-detail/index?id=${leadId}`);
    await page.getByTestId('facts-section').waitFor({ timeout: 30_000 });
    await page.getByTestId('edit-facts').click();
    await page.getByTestId('facts-credit-code-input').locator('input').fill('91330106MA2B3C4D5X');
    await page.getByTestId('credit-code-warning').waitFor();
    await page.getByTestId('facts-amount-input').locator('input').fill('35000');
    await page.getByTestId('facts-tier').getByText('档位：3–10亿元').waitFor();
    await page.getByTestId('save-facts').click();
    await page.getByTestId('facts-warning').waitFor({ timeout: 30_000 });
    assert.match((await page.getByTestId('facts-credit-code-row').textContent()) ?? '', /91330106MA2B3C4D5X（校验位不符/);
    await page.getByTestId('facts-amount-row').getByText('35,000 万元（3–10亿元）').waitFor();
    await page.getByTestId('first-report-holder').waitFor({ timeout: 30_000 });
    await settle(page);
    await screenshot(page, 'lead-facts');
  });

  it('the bureau confirms 签约 with a note and a date on the lead page', async () => {
    for (const to of ['contacted', 'negotiating', 'signed']) await api('head', 'lead.transition', { leadId, to, rev: await rev() });
    const page = await openPhonePage(browser, 'invest-leader');
    await page.goto(`${cloud.url}#/staff/lead-detail/index?id=${leadId}`);
    await page.getByTestId('confirmation-signed-waiting').waitFor({ timeout: 30_000 });
    await page.getByTestId('open-confirm-signed').click();
    await page.getByTestId('confirm-note-input').locator('textarea').fill('已核验投资协议原件');
    await page.getByTestId('submit-confirm').click();
    const confirmed = page.getByTestId('confirmation-signed');
    await confirmed.waitFor({ timeout: 30_000 });
    assert.match((await confirmed.textContent()) ?? '', /已确认 · \d{4}-\d{2}-\d{2} · 陈启航：已核验投资协议原件/);
    await settle(page);
    await screenshot(page, 'lead-confirmation-bureau');
  });
});
