import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { type LocalCloudProcess } from '../../tools/local-cloud/local-cloud-process';
import { callOk } from '../support/local-cloud-api';
import { openPhonePage, screenshot, settle, startCloudAndBrowser, stopCloudAndBrowser } from './support/browser';

/**
 * Issue 15 item 5 in Chromium against the H5 build and a local cloud: an inquiry about 南岭工业坊 (factory-002)
 * brings its building manager 沈观澜 (a staff member) into the lead → he finds it under 我参与的 and sees the need
 * without the phone → the handler shares the contact in «载体管理员» → the manager reveals it.
 */
const INVESTOR = { name: '钱立衡', company: '衡川新能源科技有限公司', phone: '13700137088', masked: '137****7088' };

describe('a carrier’s manager brought into the lead, in the browser', () => {
  let cloud: LocalCloudProcess;
  let browser: Browser;
  let leadId = '';
  let handlerPersona = '';
  const api = <T>(persona: string, action: string, input: unknown) => callOk<T>(cloud.url, persona, action, input);

  before(async () => {
    ({ cloud, browser } = await startCloudAndBrowser());
    const notice = await api<{ version: string }>('visitor', 'lead.privacyNotice', {});
    // Asked from the carrier's own page (no card): the district's bureau handles it.
    ({ leadId } = await api<{ leadId: string }>('guest-carrier-a', 'lead.submit', {
      idempotencyKey: 'e2e-carrier-manager-000001',
      contact: { name: INVESTOR.name, company: INVESTOR.company, phone: INVESTOR.phone },
      need: { industry: '新能源', scale: '50m_100m', carrierType: 'factory', areaMin: 3000, areaMax: 5000, timing: '6 个月内' },
      message: '想租 3 000 ㎡ 左右的厂房做电池模组装配，层高 8 米以上。',
      source: { channel: 'direct', carrierId: 'factory-002' },
      consent: { agreed: true, noticeVersion: notice.version },
    }));
    // Whoever holds it today (the on-duty commissioner, else the bureau's leader) shares the contact later.
    const seen = await api<{ lead: { handlerName: string | null } }>('invest-leader', 'lead.detail', { leadId });
    handlerPersona = seen.lead.handlerName === '周若岚' ? 'commissioner' : 'invest-leader';
  });
  after(() => stopCloudAndBrowser(cloud, browser));

  it('the manager finds it under 我参与的 and sees the need, not the phone', async () => {
    const page = await openPhonePage(browser, 'carrier-manager');
    await page.goto(`${cloud.url}#/staff/inbox/index`);
    await page.getByTestId('inbox-list').waitFor({ timeout: 30_000 });
    assert.equal(await page.getByTestId('tab-participating').getAttribute('aria-selected'), 'true');
    const item = page.locator(`[data-testid="lead-item"][data-lead-id="${leadId}"]`);
    await item.waitFor();
    assert.equal(await item.getByText(INVESTOR.name).count(), 0, 'the name is masked for a participant');
    await item.click();

    const detail = page.getByTestId('lead-detail');
    await detail.waitFor({ timeout: 30_000 });
    await page.getByTestId('contact-hidden').getByText(/联系方式由经办人 .+ 掌握/).waitFor();
    assert.equal(await page.getByTestId('reveal-contact').count(), 0);
    assert.equal(await detail.getByText(INVESTOR.phone).count(), 0);
    assert.equal(await detail.getByText(INVESTOR.masked).count(), 0);
    await detail.getByText('想租 3 000 ㎡ 左右的厂房做电池模组装配，层高 8 米以上。').waitFor();
    await page.getByTestId('participant-role').getByText(/「南岭工业坊」的载体管理员/).waitFor();

    // He leaves the handler a note; the page shows it in the timeline.
    await page.getByTestId('note-input').locator('textarea').fill('可提供 3 200 ㎡，三楼，层高 8.5 米');
    await page.getByTestId('save-note').click();
    await page.getByTestId('notes-section').getByText('可提供 3 200 ㎡，三楼，层高 8.5 米').waitFor({ timeout: 15_000 });
    await settle(page);
    await screenshot(page, 'carrier-manager-participant');
    await page.context().close();
  });

  it('the handler sees him under «载体管理员» with the note, and shares the contact', async () => {
    const page = await openPhonePage(browser, handlerPersona);
    await page.goto(`${cloud.url}#/staff/lead-detail/index?id=${leadId}`);
    const section = page.getByTestId('participants-section');
    await section.waitFor({ timeout: 30_000 });
    await section.getByText('沈观澜').waitFor();
    await page.getByTestId('notes-section').getByText('可提供 3 200 ㎡，三楼，层高 8.5 米').waitFor();
    await page.getByTestId('share-staff-carrier-manager').click();
    await page.getByTestId('unshare-staff-carrier-manager').waitFor({ timeout: 15_000 });
    assert.equal((await page.getByTestId('participant-contact-staff-carrier-manager').innerText()).trim(), '已共享联系方式');
    await settle(page);
    await screenshot(page, 'carrier-manager-handler');
    await page.context().close();
  });

  it('the manager now reveals the contact (an audited reveal)', async () => {
    const page = await openPhonePage(browser, 'carrier-manager');
    await page.goto(`${cloud.url}#/staff/lead-detail/index?id=${leadId}`);
    await page.getByTestId('lead-detail').waitFor({ timeout: 30_000 });
    assert.equal((await page.getByTestId('phone-masked').innerText()).trim(), INVESTOR.masked);
    await page.getByTestId('reveal-contact').click();
    assert.equal((await page.getByTestId('phone-full').innerText({ timeout: 15_000 })).trim(), INVESTOR.phone);
    await page.context().close();

    const events = await api<{ events: Array<{ type: string; actorName: string }> }>(handlerPersona, 'lead.detail', { leadId });
    assert.ok(events.events.some((e) => e.type === 'contact_revealed' && e.actorName === '沈观澜'), 'the manager’s reveal is on the lead’s record');
  });
});
