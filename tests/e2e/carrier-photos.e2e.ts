import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import QRCode from 'qrcode';
import type { Browser, Page } from 'playwright-core';
import { type LocalCloudProcess } from '../../tools/local-cloud/local-cloud-process';
import { screenshot, settle, startCloudAndBrowser, stopCloudAndBrowser } from './support/browser';

/**
 * Issue 13 item 5 in Chromium against the H5 build: the admin adds a real PNG to a carrier through the file
 * input, a PDF named .jpg is refused with the server's Chinese message, and an investor sees the new photo.
 */

const openDesktopPage = async (browser: Browser, persona: string): Promise<Page> => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  await context.addInitScript((p) => window.localStorage.setItem('investcard.persona', p), persona);
  return context.newPage();
};

describe('carrier photos in the browser', () => {
  let cloud: LocalCloudProcess;
  let browser: Browser;
  before(async () => {
    ({ cloud, browser } = await startCloudAndBrowser());
  });
  after(() => stopCloudAndBrowser(cloud, browser));

  it('admin uploads a PNG (shown at once), a fake .jpg is refused; the investor sees the photo', async () => {
    const page = await openDesktopPage(browser, 'admin');
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${cloud.url}#/admin/carrier-edit/index?carrierId=building-001`);
    const input = page.getByTestId('carrier-photo-input');
    await input.waitFor({ state: 'attached', timeout: 30_000 });
    await settle(page);
    const before = await page.getByTestId('carrier-photo').count();
    const png = await QRCode.toBuffer('临江数字大厦', { type: 'png', width: 240 });
    await input.setInputFiles({ name: '大厦外景.png', mimeType: 'image/png', buffer: png });
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="carrier-photo"]').length === n + 1, before, { timeout: 30_000 });
    const src = await page.getByTestId('carrier-photo').last().locator('img').getAttribute('src');
    assert.match(src ?? '', /\/api\/_local\/photos\/carrier-photos\/building-001\//);
    await page.waitForFunction(() => {
      const imgs = [...document.querySelectorAll('[data-testid="carrier-photo"] img')] as HTMLImageElement[];
      return imgs.length > 0 && imgs[imgs.length - 1].naturalWidth > 0;
    }, undefined, { timeout: 30_000 });

    await input.setInputFiles({ name: '伪装.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n') });
    await page.getByTestId('carrier-field-photos').getByText('只支持 JPG、PNG 或 WebP 格式的图片').waitFor({ timeout: 30_000 });
    assert.equal(await page.getByTestId('carrier-photo').count(), before + 1);
    await screenshot(page, 'admin-carrier-photos');
    assert.deepEqual(pageErrors, []);
    await page.context().close();

    const visitor = await openDesktopPage(browser, 'visitor');
    await visitor.goto(`${cloud.url}#/pages/carrier-detail/index?carrierId=building-001`);
    await visitor.getByTestId('photo-gallery').waitFor({ timeout: 30_000 });
    await visitor.waitForFunction((path) => [...document.querySelectorAll('[data-testid="photo-gallery"] img')].some((i) => (i as HTMLImageElement).src.includes(path)), src ?? '', { timeout: 30_000 });
    await visitor.context().close();
  });
});
