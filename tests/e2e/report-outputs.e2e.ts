import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { Browser, Locator, Page } from 'playwright-core';
import { removeDataDir, startLocalCloudProcess, type LocalCloudProcess } from '../../tools/local-cloud/local-cloud-process';
import { callOk } from '../support/local-cloud-api';
import { launchBrowser, openPhonePage, settle } from './support/browser';

/**
 * A unit leader (陈启航) downloads the leads behind a dashboard figure as Excel, and this month's bulletin (made
 * by the local cloud's timer step on its own, as the cloud's daily trigger would) as a PDF — real files from the
 * local cloud's file store, read back here.
 */
describe('report outputs in the browser', () => {
  let cloud: LocalCloudProcess;
  let browser: Browser;
  const api = <T>(persona: string, action: string, input: unknown) => callOk<T>(cloud.url, persona, action, input);

  before(async () => {
    // The timer step runs every half second here, so last month's bulletin appears within the test.
    cloud = await startLocalCloudProcess({ env: { INVESTCARD_SLA_INTERVAL_MS: '500' } });
    browser = await launchBrowser();
    const notice = await api<{ version: string }>('visitor', 'lead.privacyNotice', {});
    await api('guest-outputs-a', 'lead.submit', {
      idempotencyKey: 'e2e-outputs-a-00000000',
      contact: { name: '=测试', company: '云帆智能科技有限公司', phone: '13700137011' },
      need: { industry: '人工智能', scale: 'undecided' },
      message: '想了解楼宇租金与人才政策。',
      source: { channel: 'chat', cardId: 'card-staff-head' },
      consent: { agreed: true, noticeVersion: notice.version },
    });
  });
  after(async () => {
    await browser?.close();
    await cloud?.stop();
    if (cloud) removeDataDir(cloud.dataDir);
  });

  // Taro's H5 router keeps earlier pages in the document: buttons are found within the page they belong to.
  const download = async (page: Page, button: Locator) => {
    const [file] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), button.click()]);
    const path = await file.path();
    assert.ok(path, 'the download was saved');
    return { name: file.suggestedFilename(), bytes: readFileSync(path) };
  };

  it('downloads the leads of a tapped figure as xlsx, masked and escaped, and the bulletin as a PDF', async () => {
    const page = await openPhonePage(browser, 'invest-leader');
    await page.goto(`${cloud.url}#/reports/dashboard/index`);
    await page.getByTestId('dashboard').waitFor({ timeout: 30_000 });
    await page.getByTestId('bars-channel').locator('[data-key="chat"]').click();
    await page.getByTestId('report-leads-list').waitFor({ timeout: 30_000 });
    await settle(page);
    const xlsx = await download(page, page.getByTestId('report-leads-export').getByTestId('export-leads.xlsx'));
    assert.match(xlsx.name, /^招商数据_临江区投资促进局_\d{4}年\d{1,2}月_线索\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    workbook.worksheets[0]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const lead = rows.find((r) => r[3] === '云帆智能科技有限公司');
    assert.ok(lead, 'the tapped figure’s lead is in the file');
    // 陈启航 leads the handling unit, so he may reveal: the phone in full (audited), the name's = escaped.
    assert.deepEqual(lead.slice(4, 6), ["'=测试", '13700137011']);
    await page.getByTestId('report-leads-export').getByText(/已导出 \d+ 行/).waitFor();

    await page.goto(`${cloud.url}#/reports/bulletins/index`);
    const item = page.getByTestId('bulletin-item').first();
    // The timer step makes it by itself: reload until it is there.
    for (let i = 0; i < 20 && !(await item.isVisible()); i += 1) {
      await page.waitForTimeout(1000);
      await page.reload();
      await page.getByTestId('bulletins').waitFor({ timeout: 30_000 });
    }
    await item.waitFor({ timeout: 5_000 });
    const month = await item.getAttribute('data-bulletin');
    assert.match(month ?? '', /^bl_demo-linjiang_\d{4}-\d{2}$/);
    await settle(page);
    const pdf = await download(page, page.getByTestId('bulletins').getByTestId(`bulletin-pdf-district-${(month as string).slice(-7)}`));
    assert.match(pdf.name, /招商工作通报\.pdf$/);
    assert.equal(pdf.bytes.subarray(0, 5).toString(), '%PDF-');
    const text = execFileSync('pdftotext', ['-', '-'], { input: pdf.bytes, encoding: 'utf8' });
    assert.match(text, /招商工作通报/);
    assert.match(text, /本月共收到招商咨询 \d+ 条/);
  });
});
