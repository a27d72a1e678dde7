import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type LocalCloudProcess } from '../../tools/local-cloud/local-cloud-process';
import { callOk } from '../support/local-cloud-api';
import { openPhonePage, screenshot, settle, startCloudAndBrowser, stopCloudAndBrowser } from './support/browser';

const AXE_PATH = createRequire(__filename).resolve('axe-core/axe.min.js');

/**
 * 招商热力图 in the browser: the district admin (许安然) opens the heat map over real inquiries — two from 浙江
 * (credit codes), one from 江苏, one about a factory — taps a cell and sees exactly its leads; the grid scrolls
 * sideways on a phone with its row headers in place, fits a desktop, and at 200 % text nothing is cut. The cell's
 * leads download as exactly the listed ones; a team member reads the team's map, a city admin the city's, figures only.
 */
describe('heat map in the browser', () => {
  let cloud: LocalCloudProcess;
  let browser: Browser;
  const api = <T>(persona: string, action: string, input: unknown) => callOk<T>(cloud.url, persona, action, input);

  before(async () => {
    ({ cloud, browser } = await startCloudAndBrowser());
    const notice = await api<{ version: string }>('visitor', 'lead.privacyNotice', {});
    const inquiries = [
      { who: 'heat-a', company: '浙里新能源有限公司', industry: '新能源', code: '91330106MA2B3C4D5D', carrierId: 'factory-001' },
      { who: 'heat-b', company: '钱塘储能科技有限公司', industry: '新能源', code: '91330106MA2B3C4D50' },
      { who: 'heat-c', company: '金陵智造有限公司', industry: '新能源', code: '91320100MA1M7K2H5G' },
      { who: 'heat-d', company: '西湖智能有限公司', industry: '人工智能', code: '91330106MA2B3C4D5D' },
    ];
    for (const [i, o] of inquiries.entries()) {
      const { leadId } = await api<{ leadId: string }>(`guest-${o.who}`, 'lead.submit', {
        idempotencyKey: `e2e-heat-${o.who}-00000000`,
        contact: { name: '测试', company: o.company, phone: `1370013710${i}` },
        need: { industry: o.industry, scale: 'undecided' },
        message: '想了解厂房与产业政策。',
        source: { channel: 'chat', cardId: 'card-staff-head', ...(o.carrierId ? { carrierId: o.carrierId } : {}) },
        consent: { agreed: true, noticeVersion: notice.version },
      });
      const { rev } = await api<{ rev: number }>('admin', 'lead.detail', { leadId });
      await api('admin', 'lead.setFacts', { leadId, creditCode: o.code, rev });
    }
  });
  after(() => stopCloudAndBrowser(cloud, browser));

  const open = async (page: Page) => {
    await page.goto(`${cloud.url}#/reports/heatmap/index?scope=district`);
    await page.locator('[data-testid="heat-grid"]:visible').first().waitFor({ timeout: 30_000 });
    await settle(page);
  };

  it('opens the heat map as the admin, taps a cell and sees exactly its leads', async () => {
    const page = await openPhonePage(browser, 'admin');
    await open(page);
    const cell = page.getByRole('link', { name: '浙江 × 新能源：2 条咨询，查看线索' });
    await cell.waitFor();
    assert.equal((await cell.textContent())?.trim(), '2');
    await screenshot(page, 'report-heatmap');
    await cell.click();
    await page.getByTestId('report-leads-list').waitFor({ timeout: 30_000 });
    await page.getByText('浙里新能源有限公司').waitFor();
    await page.getByText('钱塘储能科技有限公司').waitFor();
    assert.equal(await page.getByText('金陵智造有限公司').count(), 0);
    assert.equal(await page.getByText('西湖智能有限公司').count(), 0);
    await settle(page);

    // «导出这些线索»: the file holds exactly the leads listed, nothing of the other cells.
    const listed = await page.getByTestId('report-leads-list').locator('[data-testid="lead-item"]').count();
    const [file] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId('report-leads-export').getByTestId('export-leads.csv').click()]);
    const path = await file.path();
    assert.ok(path, 'the download was saved');
    assert.match(file.suggestedFilename(), /^招商数据_全区_\d{4}年\d{1,2}月_线索\.csv$/);
    const lines = readFileSync(path).toString('utf8').split('\r\n').slice(1).filter(Boolean);
    const companies = lines.map((l) => l.split(',')[3]).sort();
    assert.deepEqual(companies, ['浙里新能源有限公司', '钱塘储能科技有限公司'].sort());
    assert.equal(lines.length, listed);
    await page.getByText(/^已导出 2 行/).waitFor();

    // From 数据看板: its 招商热力图 entry, and its industry bar (a Chinese value) opens the same leads.
    await page.goto(`${cloud.url}#/reports/dashboard/index?scope=district`);
    await page.getByTestId('dashboard').waitFor({ timeout: 30_000 });
    await page.getByRole('link', { name: '新能源：3 条，上期 0 条，查看线索' }).click();
    await page.getByTestId('report-leads-list').waitFor({ timeout: 30_000 });
    await page.getByText('金陵智造有限公司').waitFor();
    await page.goto(`${cloud.url}#/reports/dashboard/index?scope=district`);
    await page.getByTestId('open-heatmap').click();
    // Taro keeps the pages below in the DOM, hidden: the heat map just opened is the visible one.
    await page.locator('[data-testid="heat-grid"]:visible').first().waitFor({ timeout: 30_000 });

    // Street × carrier type: the factory's street, the cell of 厂房.
    await open(page);
    await page.locator('[data-testid="heatmap-kind-street_carrier"]:visible').first().click();
    await page.locator('[role="columnheader"]:visible', { hasText: '厂房' }).first().waitFor({ timeout: 30_000 });
    await page.context().close();
  });

  it('offers a team member the team’s map with tap-through, and a city admin the city’s figures without', async () => {
    // 林致远 brought every inquiry above and is in 招商小组: the team's map holds them.
    const member = await openPhonePage(browser, 'head');
    await member.goto(`${cloud.url}#/reports/heatmap/index`);
    await member.locator('[data-testid="heat-grid"]:visible').first().waitFor({ timeout: 30_000 });
    await member.locator('[data-testid="heatmap-scope-team"]:visible').first().click();
    await member.locator('[data-testid="heatmap-summary"]:visible', { hasText: '招商小组' }).first().waitFor({ timeout: 30_000 });
    await member.getByRole('link', { name: '浙江 × 新能源：2 条咨询，查看线索' }).click();
    await member.getByTestId('report-leads-list').waitFor({ timeout: 30_000 });
    await member.getByText('浙里新能源有限公司').waitFor();
    await member.context().close();

    // 陆明远 reads the city: the same grid, every cell a figure and none a link.
    const city = await openPhonePage(browser, 'city-admin');
    await city.goto(`${cloud.url}#/reports/heatmap/index?scope=city`);
    const grid = city.locator('[data-testid="heat-grid"]:visible').first();
    await grid.waitFor({ timeout: 30_000 });
    await city.locator('[data-testid="heatmap-summary"]:visible', { hasText: '全市' }).first().waitFor();
    assert.equal(await city.locator('[data-testid="heatmap-scope-city"]:visible').first().getAttribute('aria-checked'), 'true');
    assert.equal(await grid.getByRole('link').count(), 0);
    const cell = grid.getByRole('cell', { name: /^浙江 × 新能源：/ });
    await cell.click();
    await settle(city);
    assert.equal(await city.getByTestId('report-leads-list').count(), 0);
    await city.context().close();
  });

  it('scrolls sideways on a phone with the row headers in place, fits a desktop, and cuts nothing at 200 % text', async () => {
    const phone = await openPhonePage(browser, 'admin');
    const cdp = await phone.context().newCDPSession(phone);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
    await open(phone);
    const layout = await phone.evaluate(() => {
      const grid = document.querySelector('[data-testid="heat-grid"]') as HTMLElement;
      const head = grid.querySelector('[role="rowheader"]') as HTMLElement;
      const before = head.getBoundingClientRect().left;
      grid.scrollLeft = grid.scrollWidth;
      const after = head.getBoundingClientRect().left;
      const cut = [...grid.querySelectorAll('[role="rowheader"] *, [role="columnheader"] *, [role="cell"] *')]
        .filter((el) => el instanceof HTMLElement && [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent?.trim()))
        .filter((el) => (el as HTMLElement).scrollWidth > (el as HTMLElement).clientWidth + 1)
        .map((el) => el.textContent);
      return { scrolls: grid.scrollWidth > grid.clientWidth, moved: Math.abs(after - before), pageOverflow: document.documentElement.scrollWidth - window.innerWidth, cut };
    });
    assert.deepEqual(layout, { scrolls: true, moved: 0, pageOverflow: 0, cut: [] });
    await phone.addScriptTag({ path: AXE_PATH });
    const serious = await phone.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (d: Document, o: object) => Promise<{ violations: Array<{ id: string; impact: string | null }> }> } }).axe;
      return (await axe.run(document, { resultTypes: ['violations'] })).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
    });
    assert.deepEqual(serious, []);
    await screenshot(phone, 'report-heatmap-200');
    await phone.context().close();

    const desktop = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    await desktop.addInitScript(() => window.localStorage.setItem('investcard.persona', 'admin'));
    const page = await desktop.newPage();
    await open(page);
    const fits = await page.evaluate(() => {
      const grid = document.querySelector('[data-testid="heat-grid"]') as HTMLElement;
      return grid.scrollWidth <= grid.clientWidth + 1;
    });
    assert.equal(fits, true);
    await desktop.close();
  });
});
