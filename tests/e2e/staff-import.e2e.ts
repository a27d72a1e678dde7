import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import ExcelJS from 'exceljs';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type LocalCloudProcess } from '../../tools/local-cloud/local-cloud-process';
import { callOk } from '../support/local-cloud-api';
import { screenshot, settle, startCloudAndBrowser, stopCloudAndBrowser } from './support/browser';

/**
 * Issue 13 item 7, the staff half, in Chromium against the H5 build and a local cloud on a fresh database, as the
 * demo district's admin on a desktop browser: download the template, fill it with 2 bad rows, import, download the
 * annotated file, fix it in that file, import again, take the issued codes (on screen and as .xlsx), and sign in
 * with one of them as that person.
 */

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const openDesktopPage = async (browser: Browser, persona: string): Promise<Page> => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
  await context.addInitScript((p) => window.localStorage.setItem('investcard.persona', p), persona);
  return context.newPage();
};

const downloaded = async (page: Page, testId: string): Promise<{ name: string; workbook: ExcelJS.Workbook }> => {
  const download = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  const file = await download;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(await file.path()) as unknown as ArrayBuffer);
  return { name: file.suggestedFilename(), workbook };
};

/** axe-core's serious and critical findings on the page as it stands (the full audit is tests/e2e/accessibility). */
const seriousViolations = async (page: Page): Promise<string[]> => {
  await page.addScriptTag({ path: createRequire(__filename).resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    type AxeResult = { violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: string[] }> }> };
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResult> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
};

const bufferOf = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());

describe('staff import in the browser', () => {
  let cloud: LocalCloudProcess;
  let browser: Browser;
  let invite = { name: '', code: '' };

  before(async () => {
    ({ cloud, browser } = await startCloudAndBrowser());
  });
  after(() => stopCloudAndBrowser(cloud, browser));

  it('admin: template → 2 bad rows reported → annotated file fixed → imported once, with one-time codes', async () => {
    const page = await openDesktopPage(browser, 'admin');
    await page.goto(`${cloud.url}#/admin/staff/index`);
    await page.getByTestId('staff-import-entry').click({ timeout: 30_000 });
    await page.getByTestId('admin-staff-import').waitFor({ timeout: 30_000 });
    await settle(page);

    const template = await downloaded(page, 'staff-import-template');
    assert.equal(template.name, '人员导入模板.xlsx');
    assert.deepEqual(template.workbook.worksheets.map((w) => w.name), ['人员', '填写说明']);
    const sheet = template.workbook.worksheets[0];
    assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), ['姓名', '职务', '单位', '角色', '手机', '工号', '姓名（英文）', '职务（英文）']);
    const people = [
      ['沈予安', '招商专员', '临江区投资促进局', '招商专员、工作人员', '13900139001', 'LJ-001'],
      ['顾南星', '科员', '临江区科学技术局', '工作人员', '13900139002', 'LJ-002'],
      ['韩知微', '科员', '临江区宣传部', '工作人员', '13900139003', 'LJ-003'],
      ['陆清和', '园区招商', '临江高新产业园管委会', '招商专员', '139-0013', 'LJ-004'],
      ['秦望舒', '科长', '临江区商务局', '工作人员、载体管理人', '+86 139 0013 9005', ''],
    ];
    people.forEach((p) => sheet.addRow(p));
    await page.getByTestId('staff-import-file-input').setInputFiles({ name: '人员.xlsx', mimeType: XLSX, buffer: await bufferOf(template.workbook) });
    await page.getByTestId('staff-import-summary').getByText(/共 5 行，3 行无误，2 行有问题/).waitFor({ timeout: 30_000 });
    assert.deepEqual(await page.getByTestId('staff-import-row-error').allInnerTexts(), ['第 4 行「单位」：单位名称与单位列表不符（ROW.UNKNOWN_UNIT）', '第 5 行「手机」：手机号码格式不正确（ROW.BAD_PHONE）']);
    assert.equal(await page.getByTestId('staff-import-apply').count(), 0, 'no apply while rows are bad');
    assert.deepEqual(await seriousViolations(page), []);
    await screenshot(page, 'admin-staff-import-report');

    const annotated = await downloaded(page, 'staff-import-annotated');
    assert.equal(annotated.name, '人员-错误原因.xlsx');
    const ws = annotated.workbook.worksheets[0];
    // The reason column follows the template's last column (the optional English ones included).
    const reasonColumn = (ws.getRow(1).values as unknown[]).indexOf('错误原因');
    assert.equal(reasonColumn, 9);
    assert.match(String(ws.getRow(4).getCell(reasonColumn).value), /ROW\.UNKNOWN_UNIT/);
    assert.match(String(ws.getRow(5).getCell(reasonColumn).value), /ROW\.BAD_PHONE/);
    assert.equal(ws.getRow(2).getCell(reasonColumn).value, null);

    // Fixed in the user's own file (the 错误原因 column stays: unknown columns are ignored), then imported.
    ws.getRow(4).getCell(3).value = '临江区商务局';
    ws.getRow(5).getCell(5).value = '13900139004';
    const fixed = await bufferOf(annotated.workbook);
    await page.getByTestId('staff-import-file-input').setInputFiles({ name: '人员.xlsx', mimeType: XLSX, buffer: fixed });
    await page.getByTestId('staff-import-summary').getByText(/共 5 行，5 行无误，0 行有问题；新增 5，更新 0，未变 0；将发放邀请码 5 个/).waitFor({ timeout: 30_000 });
    await page.getByTestId('staff-import-apply').click();
    await page.getByTestId('staff-import-summary').getByText(/已导入：.*新增 5.*发放邀请码 5 个/).waitFor({ timeout: 30_000 });
    const codes = await page.getByTestId('staff-import-invite-code').allInnerTexts();
    assert.equal(codes.length, 5);
    assert.deepEqual(await seriousViolations(page), []);
    await screenshot(page, 'admin-staff-import-invites');

    const sheetOfCodes = await downloaded(page, 'staff-import-invites-file');
    const list = sheetOfCodes.workbook.worksheets[0];
    assert.deepEqual((list.getRow(1).values as unknown[]).slice(1), ['姓名', '手机', '邀请码', '有效期至']);
    const first = (list.getRow(2).values as unknown[]).slice(1).map(String);
    assert.deepEqual(first.slice(0, 2), ['沈予安', '13900139001']);
    assert.equal(first[2], codes[0].trim());
    invite = { name: first[0], code: first[2] };

    // The same file again changes nothing and issues no code.
    await page.getByTestId('staff-import-file-input').setInputFiles({ name: '人员.xlsx', mimeType: XLSX, buffer: fixed });
    await page.getByTestId('staff-import-summary').getByText(/试导入：共 5 行，5 行无误，0 行有问题；新增 0，更新 0，未变 5$/).waitFor({ timeout: 30_000 });
    await page.context().close();
  });

  it('an imported person signs in with their code and has a workspace', async () => {
    assert.match(invite.code, /^[A-Z0-9]{8}$/, 'the import issued a code');
    // The demo persona switcher offers fixed personas only: the newcomer uses 投资者 B's WeChat identity.
    const page = await openDesktopPage(browser, 'investor-b');
    await page.goto(`${cloud.url}#/staff/bind/index`);
    await page.getByTestId('bind').waitFor({ timeout: 30_000 });
    const host = page.getByTestId('invite-code');
    const inner = host.locator('input');
    await ((await inner.count()) ? inner.first() : host).fill(invite.code);
    await page.getByTestId('bind-submit').click();
    await page.getByTestId('bind-done').getByText(invite.name, { exact: false }).waitFor({ timeout: 15_000 });
    const who = await callOk<{ kind: string; staff: { name: string } | null }>(cloud.url, 'investor-b', 'session.whoami', {});
    assert.deepEqual([who.kind, who.staff?.name], ['staff', invite.name]);
    await page.context().close();
  });
});
