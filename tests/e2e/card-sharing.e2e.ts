import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { callOk } from '../support/local-cloud-api';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type LocalCloudProcess } from '../../tools/local-cloud/local-cloud-process';
import { openPhonePage, screenshot, SCREENSHOT_DIR, settle, startCloudAndBrowser, stopCloudAndBrowser } from './support/browser';

const HEAD_CARD = 'card-staff-head';

interface ShareLink {
  code: string;
  depth: number;
  webUrl: string;
}

/**
 * Card sharing end to end: the head edits his card in the H5 app, shares it; investor B opens the link and
 * reshares; investor A opens the reshared link and leaves an inquiry; the lead carries the whole chain and the
 * head's numbers count the views. Then the poster: drawn on canvas, with its code, downloadable as a PNG.
 */
describe('card sharing in the browser', () => {
  let cloud: LocalCloudProcess;
  let browser: Browser;

  const api = <T>(persona: string, action: string, input: unknown): Promise<T> => callOk<T>(cloud.url, persona, action, input);

  /**
   * Opens a share link in a phone-sized context acting as `persona` and waits for the card page's own view count
   * (share.visit, sent by the page as it opens): the test sends none itself, so a page that counted nothing fails.
   */
  const visit = async (persona: string, link: ShareLink): Promise<Page> => {
    const page = await openPhonePage(browser, persona);
    const counted = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/share.visit', { timeout: 30_000 });
    await page.goto(link.webUrl);
    await page.getByTestId('card-page').waitFor({ timeout: 30_000 });
    const answer = await counted;
    const sent = answer.request().postDataJSON() as { input?: { cardId?: string; shareCode?: string; channel?: string } };
    assert.deepEqual({ cardId: sent.input?.cardId, shareCode: sent.input?.shareCode, channel: sent.input?.channel }, { cardId: HEAD_CARD, shareCode: link.code, channel: 'web_link' });
    assert.deepEqual(await answer.json(), { ok: true, data: { counted: true } });
    await settle(page);
    return page;
  };

  /** A staff persona's page with the demo identity pill hidden: it floats over the pages' bottom bars. */
  const openAs = async (persona: string): Promise<Page> => {
    const page = await openPhonePage(browser, persona);
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        const style = document.createElement('style');
        style.textContent = '[data-testid="persona-switcher"] { display: none !important; }';
        document.head.appendChild(style);
      });
    });
    return page;
  };

  before(async () => {
    ({ cloud, browser } = await startCloudAndBrowser());
  });
  after(() => stopCloudAndBrowser(cloud, browser));

  it('the head edits and shares his card; a reshared link brings a lead credited along the chain; his numbers count the views', async () => {
    // 1. The head edits his card: a new greeting, saved through card.update.
    const head = await openAs('head');
    await head.goto(`${cloud.url}#/share/my-card/index`);
    await head.getByTestId('my-card-page').waitFor({ timeout: 30_000 });
    await settle(head);
    assert.ok(await head.getByTestId('on-duty-picker').isVisible(), 'a leader gets the on-duty picker');
    const greeting = '临江欢迎您！项目落地全程帮办，扫码即可联系我。';
    await head.getByTestId('greeting-input').locator('textarea').fill(greeting);
    await head.getByTestId('preview-greeting').getByText(greeting).waitFor();
    await head.getByTestId('save-status').getByText('有未保存的修改').waitFor();
    await screenshot(head, 'share-card-editor');
    await head.getByTestId('section-contacts').scrollIntoViewIfNeeded();
    await screenshot(head, 'share-card-editor-contacts');
    await head.getByTestId('save-card').click();
    await head.getByText('已保存，访客打开即可看到').waitFor({ timeout: 15_000 });
    await head.getByTestId('on-duty-picker').scrollIntoViewIfNeeded();
    // The "已保存" toast lasts 1.5 s.
    await head.waitForTimeout(1_800);
    await screenshot(head, 'share-card-editor-duty');
    const card = await api<{ greeting: string }>('visitor', 'card.get', { cardId: HEAD_CARD });
    assert.equal(card.greeting, greeting);

    // 2. He shares it as a web link (share.create, the same action the app's share buttons call).
    const root = await api<ShareLink>('head', 'share.create', { cardId: HEAD_CARD, channel: 'web_link' });
    assert.equal(root.depth, 0);
    assert.match(root.webUrl, new RegExp(`cardId=${HEAD_CARD}&s=${root.code}$`));

    // 3. Investor B opens the link in a second browser context, sees the new greeting, and reshares.
    const investorB = await visit('investor-b', root);
    assert.match(await investorB.getByTestId('card-page').innerText(), /临江欢迎您！项目落地全程帮办/);
    const reshared = await api<ShareLink>('investor-b', 'share.create', { cardId: HEAD_CARD, channel: 'web_link', parentCode: root.code });
    assert.equal(reshared.depth, 1);

    // 4. Investor A opens the reshared link in a third context and leaves an inquiry from it.
    await visit('investor', reshared);
    const lead = await api<{ leadId: string; duplicate: boolean }>('investor', 'lead.submit', {
      idempotencyKey: 'e2e-card-sharing-lead-0001',
      contact: { name: '测试投资者', company: '示例科技有限公司', phone: '13900001111' },
      need: { industry: '数字经济', scale: '10m_50m' },
      message: '经朋友转发看到名片，想了解数字经济园区的入驻条件。',
      source: { channel: 'web_link', cardId: HEAD_CARD, shareCode: reshared.code },
      consent: { agreed: true, noticeVersion: '2026-11' },
    });
    assert.equal(lead.duplicate, false);

    // 5. The head finds the lead and sees who brought it: his own card, two hops, credited to him.
    let found: { id: string; creditName: string | null } | undefined;
    for (const tab of ['mine', 'unit', 'pool'] as const) {
      const inbox = await api<{ items: { id: string; creditName: string | null }[] }>('head', 'lead.inbox', { tab });
      found ??= inbox.items.find((item) => item.id === lead.leadId);
    }
    assert.ok(found, 'the lead is in one of the head’s inbox tabs');
    assert.equal(found.creditName, '林致远');
    const detail = await api<{ sourceChannel: string; shareChain: string[] }>('head', 'lead.detail', { leadId: lead.leadId });
    assert.equal(detail.sourceChannel, 'web_link');
    assert.deepEqual(detail.shareChain, ['林致远']);

    // 6. His numbers: the two visits, both shares and the reshare depth, the lead — on the stats page.
    // Exact: two page opens counted by the pages themselves, two visitors, the head's share and B's reshare.
    const stats = await api<{
      views: number;
      uniqueVisitors: number;
      viewsByChannel: Record<string, number>;
      shares: number;
      maxReshareDepth: number;
      leads: number;
      weeks: { views: number }[];
    }>('head', 'card.stats', {});
    assert.equal(stats.views, 2);
    assert.equal(stats.uniqueVisitors, 2);
    assert.deepEqual(stats.viewsByChannel, { web_link: 2 });
    assert.equal(stats.shares, 2);
    assert.equal(stats.maxReshareDepth, 1);
    assert.equal(stats.leads, 1);
    assert.equal(stats.weeks[stats.weeks.length - 1].views, 2);

    await head.goto(`${cloud.url}#/share/stats/index`);
    await head.getByTestId('stats-page').waitFor({ timeout: 30_000 });
    await settle(head);
    assert.equal((await head.getByTestId('stat-views').innerText()).split('\n')[0].trim(), String(stats.views));
    assert.equal((await head.getByTestId('stat-visitors').innerText()).split('\n')[0].trim(), String(stats.uniqueVisitors));
    assert.match(await head.getByTestId('stat-depth').innerText(), /1 层/);
    assert.match(await head.getByTestId('stat-leads').innerText(), /^1/);
    assert.match(await head.getByTestId('stats-channels').innerText(), /网页链接/);
    assert.match(await head.getByTestId('stats-privacy').innerText(), /不记录也不会向你展示是谁看过你的名片/);
    const thisWeek = head.getByTestId('week-chart').locator('[data-week]').last();
    assert.equal(Number(await thisWeek.getAttribute('data-value')), stats.weeks[stats.weeks.length - 1].views);
    await screenshot(head, 'share-card-stats');
  });

  it('draws the card poster with its code and downloads it as a PNG', async () => {
    const head = await openAs('head');
    const sharesBefore = (await api<{ shares: number }>('head', 'card.stats', {})).shares;
    await head.goto(`${cloud.url}#/share/poster/index?cardId=${HEAD_CARD}`);
    const image = head.getByTestId('poster-image').locator('img');
    await image.waitFor({ timeout: 30_000 });
    await head.waitForFunction(() => {
      const img = document.querySelector('[data-testid="poster-image"] img') as HTMLImageElement | null;
      return Boolean(img && img.complete && img.naturalWidth > 0);
    });
    // Encoded off the main thread (canvas.toBlob) and shown from an object URL.
    const size = await image.evaluate((img: HTMLImageElement) => ({ width: img.naturalWidth, height: img.naturalHeight, src: img.src.slice(0, 5) }));
    assert.deepEqual(size, { width: 1500, height: 2668, src: 'blob:' });
    // The poster's code is a recorded share of channel `poster`.
    assert.equal((await api<{ shares: number }>('head', 'card.stats', {})).shares, sharesBefore + 1);
    await screenshot(head, 'share-card-poster');

    const [download] = await Promise.all([head.waitForEvent('download'), head.getByTestId('download-poster').click()]);
    assert.equal(download.suggestedFilename(), '招商名片-林致远.png');
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const saved = join(SCREENSHOT_DIR, 'share-card-poster-download.png');
    await download.saveAs(saved);
    // The file is the poster itself: a PNG of the size shown.
    const png = readFileSync(saved);
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1500, 2668]);
  });
});
