import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { imageDimensions } from '../../domain/share/share-image.rules';
import type { CardView } from '../../domain/api/views.schema';
import { type LocalCloudProcess } from '../../tools/local-cloud/local-cloud-process';
import { callOk } from '../support/local-cloud-api';
import { openPhonePage, screenshot, settle, startCloudAndBrowser, stopCloudAndBrowser } from './support/browser';

const HEAD_CARD = 'card-staff-head';

/**
 * The card's share images in the H5 build: the head's card editor draws the 5:4 and 1:1 images on a canvas,
 * stores them (local cloud: served under /api/_local/photos/share-images/) and shows them; card.get hands them
 * to visitors; a change to what they show draws new ones.
 */
describe('share images drawn from the card', () => {
  let cloud: LocalCloudProcess;
  let browser: Browser;

  before(async () => {
    ({ cloud, browser } = await startCloudAndBrowser());
  });
  after(() => stopCloudAndBrowser(cloud, browser));

  /** The image an <img> of the editor shows, fetched from the host: its type and pixel size. */
  const shownImage = async (page: Page, testId: string) => {
    const src = await page.getByTestId(testId).locator('img').getAttribute('src');
    assert.ok(src, `${testId} has a source`);
    const response = await fetch(new URL(src, cloud.url));
    assert.equal(response.status, 200);
    const dims = imageDimensions(new Uint8Array(await response.arrayBuffer()));
    return { src, type: response.headers.get('content-type'), width: dims?.width, height: dims?.height };
  };

  it('the head’s editor draws both images once; visitors’ card.get returns them; a new title draws new ones', async () => {
    const head = await openPhonePage(browser, 'head');
    await head.goto(`${cloud.url}#/share/my-card/index`);
    await head.getByTestId('my-card-page').waitFor({ timeout: 30_000 });
    await head.getByTestId('share-image-moments').waitFor({ timeout: 30_000 });
    const chat = await shownImage(head, 'share-image-chat');
    const moments = await shownImage(head, 'share-image-moments');
    assert.deepEqual({ type: chat.type, width: chat.width, height: chat.height }, { type: 'image/jpeg', width: 500, height: 400 });
    assert.deepEqual({ type: moments.type, width: moments.width, height: moments.height }, { type: 'image/jpeg', width: 400, height: 400 });
    assert.match(chat.src, new RegExp(`^/api/_local/photos/share-images/${HEAD_CARD}/[a-f0-9]{32}-chat\\.jpg$`));
    await head.getByTestId('section-share-images').scrollIntoViewIfNeeded();
    await screenshot(head, 'share-images-editor');

    const seen = await callOk<CardView>(cloud.url, 'visitor', 'card.get', { cardId: HEAD_CARD });
    assert.deepEqual(seen.shareImages, { chat: chat.src, moments: moments.src });

    // Opening the editor again with the same content draws and stores nothing.
    const saves: string[] = [];
    const again = await openPhonePage(browser, 'head');
    again.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/share.saveImage') saves.push(request.url());
    });
    await again.goto(`${cloud.url}#/share/my-card/index`);
    await again.getByTestId('share-image-moments').waitFor({ timeout: 30_000 });
    await settle(again);
    assert.deepEqual(saves, []);

    // A new title is on the images: saving it draws them again under a new fingerprint; the old files are gone.
    await again.getByTestId('title-input').locator('input').fill('临江区区长');
    await again.getByTestId('save-card').click();
    await again.getByText('已保存，访客打开即可看到').waitFor({ timeout: 15_000 });
    await again.waitForFunction((old) => {
      const img = document.querySelector('[data-testid="share-image-moments"] img');
      return img !== null && img.getAttribute('src') !== old;
    }, moments.src, { timeout: 30_000 });
    const redrawn = await shownImage(again, 'share-image-chat');
    assert.notEqual(redrawn.src, chat.src);
    assert.equal((await fetch(new URL(chat.src, cloud.url))).status, 404);
    const after = await callOk<CardView>(cloud.url, 'visitor', 'card.get', { cardId: HEAD_CARD });
    assert.equal(after.shareImages?.chat, redrawn.src);
  });
});
