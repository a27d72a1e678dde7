import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { type LocalCloudProcess } from '../../tools/local-cloud/local-cloud-process';
import { callOk } from '../support/local-cloud-api';
import { openPhonePage, screenshot, settle, startCloudAndBrowser, stopCloudAndBrowser } from './support/browser';

/**
 * A unit leader (陈启航, 投资促进局) opens 数据看板, taps a channel bar through to the leads it counted, and
 * sees the 擂台赛 with the own unit's breakdown — against the local cloud with real inquiries, a signing the
 * head recorded and the bureau confirmed.
 */
describe('leader dashboard in the browser', () => {
  let cloud: LocalCloudProcess;
  let browser: Browser;
  const api = <T>(persona: string, action: string, input: unknown) => callOk<T>(cloud.url, persona, action, input);

  before(async () => {
    ({ cloud, browser } = await startCloudAndBrowser());
    const notice = await api<{ version: string }>('visitor', 'lead.privacyNotice', {});
    const inquiries = [
      { who: 'dash-a', cardId: 'card-staff-head', channel: 'chat', company: '云帆智能科技有限公司', phone: '13700137001' },
      { who: 'dash-b', cardId: 'card-staff-head', channel: 'moments', company: '禾源生物医药有限公司', phone: '13700137002' },
      { who: 'dash-c', cardId: 'card-staff-tech', channel: 'chat', company: '江海新材料有限公司', phone: '13700137003' },
    ];
    const ids: string[] = [];
    for (const o of inquiries) {
      const r = await api<{ leadId: string }>(`guest-${o.who}`, 'lead.submit', {
        idempotencyKey: `e2e-dash-${o.who}-00000000`,
        contact: { name: '测试', company: o.company, phone: o.phone },
        need: { industry: '人工智能', scale: 'undecided' },
        message: '想了解楼宇租金与人才政策。',
        source: { channel: o.channel, cardId: o.cardId },
        consent: { agreed: true, noticeVersion: notice.version },
      });
      ids.push(r.leadId);
    }
    const rev = async () => (await api<{ rev: number }>('head', 'lead.detail', { leadId: ids[0] })).rev;
    await api('head', 'lead.setFacts', { leadId: ids[0], creditCode: '91330106MA2B3C4D5D', investmentWan: 35_000, rev: await rev() });
    for (const to of ['contacted', 'negotiating', 'signed']) await api('head', 'lead.transition', { leadId: ids[0], to, rev: await rev() });
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    await api('invest-leader', 'lead.confirmStage', { leadId: ids[0], stage: 'signed', note: '已核验投资协议原件', date: today, rev: await rev() });
  });
  after(() => stopCloudAndBrowser(cloud, browser));

  it('opens the dashboard, taps a bar through to its leads, and sees the ranking with the own breakdown', async () => {
    const page = await openPhonePage(browser, 'invest-leader');
    await page.goto(`${cloud.url}#/reports/dashboard/index`);
    await page.getByTestId('dashboard').waitFor({ timeout: 30_000 });
    const inquiries = page.getByTestId('tile-inquiries');
    await inquiries.getByText('2', { exact: true }).waitFor({ timeout: 30_000 });
    await page.getByTestId('tile-signed').getByText('1', { exact: true }).waitFor();
    await screenshot(page, 'report-dashboard');

    const chat = page.getByTestId('bars-channel').locator('[data-key="chat"]');
    assert.equal(await chat.getAttribute('aria-label'), '微信好友：1 条，上期 0 条，查看线索');
    await chat.click();
    await page.getByTestId('report-leads-list').waitFor({ timeout: 30_000 });
    await page.getByText('云帆智能科技有限公司').waitFor();
    assert.equal(await page.getByText('禾源生物医药有限公司').count(), 0);

    await page.goto(`${cloud.url}#/reports/arena/index`);
    const own = page.getByTestId('arena-own');
    await own.waitFor({ timeout: 30_000 });
    await own.getByText('云帆智能科技有限公司 签约（10 分 × 2）').waitFor();
    await own.getByText('本单位：第 1 名').waitFor();
    // The live quarter says when it locks; 陈启航's team (招商小组: the head is a member) scores the same signing.
    assert.match((await page.getByTestId('arena-lock').textContent()) ?? '', /^将于 \d{4}年\d{1,2}月\d{1,2}日 00:00 锁定/);
    await page.getByTestId('arena-own-team').getByText('云帆智能科技有限公司 签约（10 分 × 2）').waitFor();
    await settle(page);
    await screenshot(page, 'report-arena');
  });

  it('shows the leader his team (招商小组: its members\' leads only) and taps a team bar through to them', async () => {
    const page = await openPhonePage(browser, 'invest-leader');
    await page.goto(`${cloud.url}#/reports/dashboard/index`);
    await page.getByTestId('dashboard-scope-team').click({ timeout: 30_000 });
    await page.getByText('招商小组 · 对比 上期').waitFor({ timeout: 30_000 });
    // 林致远's two inquiries count for the team; 王书恒's (科技局, 产业招商组) does not.
    await page.getByTestId('tile-inquiries').getByText('2', { exact: true }).waitFor();
    assert.equal(await page.getByTestId('dashboard-scope-city').count(), 0);
    const moments = page.getByTestId('bars-channel').locator('[data-key="moments"]');
    assert.equal(await moments.getAttribute('aria-label'), '朋友圈：1 条，上期 0 条，查看线索');
    await moments.click();
    await page.getByTestId('report-leads-list').waitFor({ timeout: 30_000 });
    await page.getByText('禾源生物医药有限公司').waitFor();
    assert.equal(await page.getByText('云帆智能科技有限公司').count(), 0);
  });

  it('shows the city admin the city, each district beside it, and a district read-only', async () => {
    const page = await openPhonePage(browser, 'city-admin');
    await page.goto(`${cloud.url}#/reports/dashboard/index`);
    await page.getByTestId('dashboard-scope-city').click({ timeout: 30_000 });
    const table = page.getByTestId('dashboard-by-district');
    await table.waitFor({ timeout: 30_000 });
    const linjiang = table.locator('[data-key="demo-linjiang"]');
    await linjiang.getByText(/^咨询 3 · /).waitFor();
    await table.locator('[data-key="demo-wangshan"]').waitFor();
    // Each district row is one tap target of at least 44 × 44 px, named for a screen reader.
    const box = await linjiang.boundingBox();
    assert.ok(box && box.height >= 44 && box.width >= 44, `district row ${JSON.stringify(box)}`);
    assert.match((await linjiang.getAttribute('aria-label')) ?? '', /^云川市临江区（演示）：咨询 3 条，当前超时 \d+ 条，查看该区县看板$/);
    // Figures only: no bar opens leads, and only the table is exported.
    assert.equal(await page.getByTestId('bars-channel').locator('[role="link"]').count(), 0);
    assert.equal(await page.getByTestId('export-leads.xlsx').count(), 0);
    await settle(page);
    await screenshot(page, 'report-dashboard-city');
    await linjiang.click();
    await page.getByText('云川市临江区（演示） · 对比 上期').waitFor({ timeout: 30_000 });
    // The city's page stays beneath in the H5 page stack: the district's is the last one.
    await page.getByTestId('tile-inquiries').last().getByText('3', { exact: true }).waitFor();
    assert.equal(await page.getByTestId('bars-channel').last().locator('[role="link"]').count(), 0);
  });

  it('the district admin steps back to a locked quarter and adjusts a unit, shown on its row', async () => {
    const page = await openPhonePage(browser, 'admin');
    await page.goto(`${cloud.url}#/reports/arena/index`);
    await page.getByTestId('arena-lock').waitFor({ timeout: 30_000 });
    // Two quarters back has always locked (at most 30 working days after its end).
    for (let i = 0; i < 2; i += 1) {
      const label = await page.getByTestId('arena-lock').textContent();
      await page.getByTestId('arena-previous').click();
      await page.waitForFunction((before) => document.querySelector('[data-testid="arena-lock"]')?.textContent !== before, label, { timeout: 30_000 });
    }
    assert.match((await page.getByTestId('arena-lock').textContent()) ?? '', /^已于 .* 锁定/);
    await page.getByTestId('unit-adjust-unit-tech').click();
    await page.getByTestId('adjustment-points').locator('input').fill('5');
    await page.getByTestId('adjustment-reason').locator('textarea').fill('首报裁定改判，补记签约');
    await page.getByTestId('save-adjustment').click();
    await page.getByTestId('unit-adjusted-unit-tech').getByText('含调整 +5，原因：首报裁定改判，补记签约').waitFor({ timeout: 30_000 });
    await settle(page);
    await screenshot(page, 'report-arena-adjusted');
  });
});
