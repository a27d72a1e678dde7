import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import type { CarrierDetail } from '../../domain/api/views.schema';
import { imageDimensions } from '../../domain/share/share-image.rules';
import { type LocalCloudProcess } from '../../tools/local-cloud/local-cloud-process';
import { callOk } from '../support/local-cloud-api';
import { openPhonePage, settle, startCloudAndBrowser, stopCloudAndBrowser } from './support/browser';

const CARRIER = 'building-001';

/**
 * A carrier's share images in the H5 build: the office's carrier editor draws the 5:4 and 1:1 images in Chinese
 * and English on a canvas and stores them; carrier.get hands each language its pair; the web's carrier detail
 * (no share sheet) still works.
 */
describe('share images drawn from a carrier', () => {
  let cloud: LocalCloudProcess;
  let browser: Browser;

  before(async () => {
    ({ cloud, browser } = await startCloudAndBrowser());
  });
  after(() => stopCloudAndBrowser(cloud, browser));

  const fetchedImage = async (ref: string | null | undefined) => {
    assert.ok(ref, 'an image ref');
    const response = await fetch(new URL(ref, cloud.url));
    assert.equal(response.status, 200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const dims = imageDimensions(bytes);
    return { type: response.headers.get('content-type'), width: dims?.width, height: dims?.height, nonEmpty: bytes.length > 1000 };
  };

  it('the admin’s editor draws both shapes in both languages once; carrier.get returns them per language', async () => {
    const admin = await openPhonePage(browser, 'admin');
    const errors: string[] = [];
    admin.on('pageerror', (e) => errors.push(e.message));
    await admin.goto(`${cloud.url}#/admin/carrier-edit/index?carrierId=${CARRIER}`);
    const status = admin.getByTestId('carrier-share-images-status');
    await status.waitFor({ timeout: 30_000 });
    await admin.waitForFunction(() => document.querySelector('[data-testid="carrier-share-images-status"]')?.textContent?.includes('转发载体和分享到朋友圈时'), undefined, { timeout: 45_000 });

    const zh = await callOk<CarrierDetail>(cloud.url, 'visitor', 'carrier.get', { carrierId: CARRIER });
    const en = await callOk<CarrierDetail>(cloud.url, 'visitor', 'carrier.get', { carrierId: CARRIER, lang: 'en' });
    assert.match(zh.shareImages?.chat ?? '', new RegExp(`^/api/_local/photos/share-images/carriers/${CARRIER}/zh-[a-f0-9]{32}-chat\\.jpg$`));
    assert.match(en.shareImages?.moments ?? '', new RegExp(`^/api/_local/photos/share-images/carriers/${CARRIER}/en-[a-f0-9]{32}-moments\\.jpg$`));
    for (const [ref, width] of [[zh.shareImages?.chat, 500], [zh.shareImages?.moments, 400], [en.shareImages?.chat, 500], [en.shareImages?.moments, 400]] as const) {
      assert.deepEqual(await fetchedImage(ref), { type: 'image/jpeg', width, height: 400, nonEmpty: true });
    }

    // Opening the editor again with the same content stores nothing.
    const saves: string[] = [];
    const again = await openPhonePage(browser, 'admin');
    again.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/share.saveCarrierImage') saves.push(request.url());
    });
    await again.goto(`${cloud.url}#/admin/carrier-edit/index?carrierId=${CARRIER}`);
    await again.getByTestId('carrier-share-images-status').waitFor({ timeout: 30_000 });
    await settle(again);
    assert.deepEqual(saves, []);
    assert.deepEqual(errors, []);

    // The web has no share sheet: the detail offers its link and shows the carrier as before.
    const visitor = await openPhonePage(browser);
    const visitorErrors: string[] = [];
    visitor.on('pageerror', (e) => visitorErrors.push(e.message));
    await visitor.goto(`${cloud.url}#/pages/carrier-detail/index?carrierId=${CARRIER}`);
    await visitor.getByTestId('carrier-detail').waitFor({ timeout: 30_000 });
    await visitor.getByTestId('copy-link').waitFor();
    assert.deepEqual(visitorErrors, []);
  });
});
