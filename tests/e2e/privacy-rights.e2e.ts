import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type LocalCloudProcess } from '../../tools/local-cloud/local-cloud-process';
import { callOk, postAction } from '../support/local-cloud-api';
import { openPhonePage, screenshot, settle, startCloudAndBrowser, stopCloudAndBrowser } from './support/browser';

const HEAD_CARD = 'card-staff-head';

/** Taro's web modal (Taro.showModal): tap its confirm button. */
const confirmModal = async (page: Page, confirmText: string) => {
  const modal = page.locator('.taro__modal');
  await modal.getByText(confirmText, { exact: true }).click();
};

/**
 * PIPL end to end against the local cloud: investor A withdraws consent for one inquiry and asks for all their
 * data to be deleted from 我的咨询; the district admin answers in 管理 → 个人信息请求; the inquiries are anonymised
 * but the district dashboard still counts them.
 */
describe('personal data rights in the browser', () => {
  let cloud: LocalCloudProcess;
  let browser: Browser;
  const api = <T>(persona: string, action: string, input: unknown) => callOk<T>(cloud.url, persona, action, input);
  const leadIds: string[] = [];

  before(async () => {
    ({ cloud, browser } = await startCloudAndBrowser());
    const notice = await api<{ version: string }>('visitor', 'lead.privacyNotice', {});
    for (const [i, phone] of ['13700137101', '13700137102'].entries()) {
      const r = await api<{ leadId: string }>('investor', 'lead.submit', {
        idempotencyKey: `e2e-privacy-${i}-0000000000`,
        contact: { name: '隐私测试', company: '云帆智能科技有限公司', phone },
        need: { industry: '人工智能', scale: 'undecided' },
        message: '想了解楼宇租金，手机号见联系方式。',
        source: { channel: 'chat', cardId: HEAD_CARD },
        consent: { agreed: true, noticeVersion: notice.version },
      });
      leadIds.push(r.leadId);
    }
  });
  after(() => stopCloudAndBrowser(cloud, browser));

  it('investor withdraws and asks deletion, the admin answers, the leads are anonymised and still counted', async () => {
    const figures = async () => (await api<{ figures: { inquiries: number } }>('admin', 'report.dashboard', { scope: 'district', period: { kind: 'month' } })).figures.inquiries;
    const countedBefore = await figures();
    assert.ok(countedBefore >= 2);

    // 我的咨询, reached from the card as an investor would.
    const investor = await openPhonePage(browser, 'investor');
    await investor.goto(`${cloud.url}#/pages/card/index?cardId=${HEAD_CARD}`);
    await investor.getByTestId('account-link-my-leads').click({ timeout: 30_000 });
    await investor.getByTestId('my-leads').waitFor({ timeout: 30_000 });
    const firstLead = investor.locator(`[data-lead-id="${leadIds[0]}"]`).locator('xpath=..');
    await firstLead.getByTestId('privacy-withdraw').click();
    await confirmModal(investor, '确定');
    await firstLead.getByTestId('consent-withdrawn').waitFor({ timeout: 15_000 });
    // Staff can no longer reveal the contact.
    const reveal = await postAction(cloud.url, 'head', 'lead.revealContact', { leadId: leadIds[0] });
    assert.equal(reveal.error?.code, 'PRIVACY.CONSENT_WITHDRAWN');

    await investor.getByTestId('privacy-erase-all').click();
    await confirmModal(investor, '确定');
    await investor.getByTestId('privacy-request').filter({ hasText: '删除个人信息 · 全部咨询' }).waitFor({ timeout: 15_000 });
    await settle(investor);
    await screenshot(investor, 'privacy-my-leads');

    // The district admin answers it in the office.
    const admin = await openPhonePage(browser, 'admin');
    await admin.goto(`${cloud.url}#/admin/privacy/index`);
    await admin.getByTestId('admin-privacy').waitFor({ timeout: 30_000 });
    const row = admin.getByTestId('privacy-request-row').filter({ hasText: '删除个人信息' });
    await row.getByTestId('privacy-note-input').locator('input').fill('已按您的要求删除');
    await row.getByTestId('privacy-erase-done').click();
    await confirmModal(admin, '删除');
    await admin.getByTestId('privacy-request-row').filter({ hasText: '答复：已按您的要求删除' }).waitFor({ timeout: 15_000 });
    await screenshot(admin, 'privacy-office');

    // Anonymised: the staff view has no name, no phone; the inquiries are gone from 我的咨询, the request is done.
    for (const leadId of leadIds) {
      const detail = await api<{ lead: { contactName: string; phoneMasked: string | null; privacyState?: string } }>('head', 'lead.detail', { leadId });
      assert.deepEqual([detail.lead.contactName, detail.lead.phoneMasked, detail.lead.privacyState], ['已匿名', null, 'anonymised']);
    }
    await investor.reload();
    await investor.getByText('还没有咨询记录').waitFor({ timeout: 30_000 });
    await investor.getByTestId('privacy-request').filter({ hasText: '已完成' }).filter({ hasText: '删除个人信息' }).waitFor();

    // Still counted: the district dashboard shows the same number of inquiries.
    assert.equal(await figures(), countedBefore);
    const board = await openPhonePage(browser, 'admin');
    await board.goto(`${cloud.url}#/reports/dashboard/index?scope=district`);
    await board.getByTestId('tile-inquiries').getByText(String(countedBefore), { exact: true }).waitFor({ timeout: 30_000 });
  });
});
