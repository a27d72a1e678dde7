import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type LocalCloudProcess } from '../../tools/local-cloud/local-cloud-process';
import { openPhonePage, screenshot, settle, startCloudAndBrowser, stopCloudAndBrowser } from './support/browser';

/**
 * Issue 15 item 4, events with no signal: a commissioner creates an 活动, opens event mode, loses the network
 * (playwright's offline switch), takes three inquiries, sees them queued, and once the browser is online again
 * they are sent, once each: three leads of channel `event` in the district's dashboard.
 */

interface Figures {
  figures: { byChannel: Array<{ key: string; label: string; count: number }> };
}

const api = async <T>(cloud: LocalCloudProcess, action: string, input: unknown, persona: string): Promise<T> => {
  const r = (await fetch(new URL(`/api/${action}`, cloud.url), { method: 'POST', headers: { 'content-type': 'application/json', 'x-investcard-persona': persona }, body: JSON.stringify({ input }) }).then((res) => res.json())) as { ok: boolean; data: T; error?: { code: string } };
  assert.ok(r.ok, `${action}: ${r.error?.code}`);
  return r.data;
};

const eventLeads = async (cloud: LocalCloudProcess): Promise<number> => {
  const board = await api<Figures>(cloud, 'report.dashboard', { scope: 'district', period: { kind: 'month' } }, 'admin');
  return board.figures.byChannel.find((c) => c.key === 'event')?.count ?? 0;
};

const takeInquiry = async (page: Page, name: string, company: string, phone: string): Promise<void> => {
  await page.getByTestId('event-company').locator('input').fill(company);
  await page.getByTestId('event-contact-name').locator('input').fill(name);
  await page.getByTestId('event-contact-phone').locator('input').fill(phone);
  await page.getByTestId('event-industry').locator('input').fill('新能源');
  await page.getByTestId('event-need').locator('textarea').fill('3000 ㎡ 厂房，半年内落地');
  await page.getByTestId('consent-checkbox').click();
  await page.getByTestId('event-save-inquiry').click();
  await page.getByTestId('event-saved').waitFor();
};

describe('event mode in the browser', () => {
  let cloud: LocalCloudProcess;
  let browser: Browser;

  before(async () => {
    ({ cloud, browser } = await startCloudAndBrowser());
  });
  after(() => stopCloudAndBrowser(cloud, browser));

  it('three inquiries taken offline are queued, survive nothing lost, and are sent once when the browser is online', async () => {
    const page = await openPhonePage(browser, 'commissioner');
    await page.goto(`${cloud.url}#/staff/events/index`);
    await page.getByTestId('events').waitFor({ timeout: 30_000 });
    await settle(page);

    await page.getByTestId('event-new').click();
    await page.getByTestId('event-name').locator('input').fill('2026 长三角投资洽谈会');
    await page.getByTestId('event-date').locator('input').fill('2026-12-20');
    await page.getByTestId('event-place').locator('input').fill('云川国际会展中心 A 馆');
    await page.getByTestId('event-save').click();
    const item = page.getByTestId('event-item').filter({ hasText: '2026 长三角投资洽谈会' });
    await item.waitFor({ timeout: 15_000 });
    await item.getByTestId('event-open-mode').click();
    await page.getByTestId('event-mode').waitFor({ timeout: 30_000 });
    await page.getByTestId('event-notice').getByText('请投资者阅读').waitFor({ timeout: 15_000 });
    await settle(page);
    assert.equal(await eventLeads(cloud), 0);

    await page.context().setOffline(true);
    await takeInquiry(page, '李先生', '云帆新能源有限公司', '13900139001');
    await takeInquiry(page, '周女士', '江海储能科技', '13900139002');
    await takeInquiry(page, '王总', '临江光伏', '13900139003');
    assert.equal(await page.getByTestId('event-queue-count').textContent(), '3 条待发送');
    assert.match((await page.getByTestId('event-queue').textContent()) ?? '', /当前没有网络/);
    assert.equal(await page.getByTestId('event-queue-item').count(), 3);
    await screenshot(page, 'event-mode-offline-queue');
    // Nothing reached the server while offline.
    assert.equal(await eventLeads(cloud), 0);

    await page.context().setOffline(false);
    await page.getByTestId('event-queue-count').filter({ hasText: '没有待发送的咨询' }).waitFor({ timeout: 20_000 });
    assert.equal(await eventLeads(cloud), 3);

    // Off and on again, and a reload: nothing is sent a second time.
    await page.context().setOffline(true);
    await page.context().setOffline(false);
    await page.reload();
    await page.getByTestId('event-mode').waitFor({ timeout: 30_000 });
    await settle(page);
    assert.equal(await page.getByTestId('event-queue-count').textContent(), '没有待发送的咨询');
    assert.equal(await eventLeads(cloud), 3);
    await page.close();
  });
});
