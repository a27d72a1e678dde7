import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type LocalCloudProcess } from '../../tools/local-cloud/local-cloud-process';
import { preparePages, type AuditedPage } from '../../tools/bench/audited-pages';
import { openPhonePage, screenshot, settle, startCloudAndBrowser, stopCloudAndBrowser } from './support/browser';

/**
 * The investor pages with the browser's text size at 100 %, 150 % and 200 %, set as a user sets it (Chromium's
 * default font size, not a zoom): the app's text must follow it, and nothing may be cut, truncated or overlap.
 */

const SCALES = [1, 1.5, 2] as const;
const DEFAULT_FONT_PX = 16;
/** tests/e2e/support/browser.ts openPhonePage. */
const PHONE_WIDTH = 390;

/** Opens a page with Chromium's default font size at `scale` × 16 px, as Settings › Appearance › Font size does. */
const openScaled = async (browser: Browser, baseUrl: string, audited: AuditedPage, scale: number): Promise<Page> => {
  const page = await openPhonePage(browser, audited.persona);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: DEFAULT_FONT_PX * scale, fixed: Math.round(13 * scale) } });
  await page.goto(`${baseUrl}#${audited.path}`);
  await page.getByTestId(audited.ready).first().waitFor({ timeout: 30_000 });
  await settle(page);
  await page.waitForTimeout(300);
  return page;
};

interface LayoutReport {
  viewportWidth: number;
  rootFontPx: number;
  bodyTextPx: number;
  pageOverflow: number;
  clipped: string[];
  truncated: string[];
  overlaps: string[];
}

/**
 * Measures the laid-out page. Text elements are those with their own text; a box is "clipped" when its text is
 * wider or taller than the box and the box hides the rest, "truncated" when an ellipsis actually cuts it, and two
 * text boxes "overlap" when they share more than a sliver of area without one containing the other. Fixed and
 * sticky layers (action bar, header, demo pill) are compared only with their own contents.
 */
const measureLayout = (page: Page): Promise<LayoutReport> =>
  page.evaluate(`(() => {
    const describe = (el) => (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/)[0] : el.tagName.toLowerCase()) + ' «' + (el.textContent || '').trim().slice(0, 16) + '»';
    const hiddenForReaders = (el) => el.closest('.visually-hidden, [aria-hidden="true"], .taro_page[style*="display: none"]');
    const layer = (el) => {
      for (let node = el; node && node !== document.body; node = node.parentElement) {
        const position = getComputedStyle(node).position;
        if (position === 'fixed' || position === 'sticky') return node;
      }
      return null;
    };
    const textElements = [...document.querySelectorAll('body *')].filter((el) => {
      if (!(el instanceof HTMLElement) || hiddenForReaders(el)) return false;
      const ownText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
      if (!ownText) return false;
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    });
    // Whether the laid-out text runs past the box by more than blank space. Chromium 150 (Debian's on
    // 2026-12-03) fits a line ending in a full-width closing mark by the mark's trimmed half (text-spacing-trim)
    // but lays it out whole, so «参考价格（低）» overhangs its box by the empty half of 「）」, ≤ 0.5 em; 156 did not.
    const spillsOut = (el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const text = range.getBoundingClientRect();
      const box = el.getBoundingClientRect();
      const overhang = text.right - box.right;
      const blankHalf = /[）」』】〉》，。、；：！？]$/.test((el.textContent || '').trim()) ? parseFloat(getComputedStyle(el).fontSize) * 0.5 + 1 : 1;
      return overhang > blankHalf || text.left < box.left - 1;
    };
    const clipped = [];
    const truncated = [];
    for (const el of textElements) {
      const style = getComputedStyle(el);
      if (style.display === 'inline') continue;
      const clamp = style.webkitLineClamp && style.webkitLineClamp !== 'none';
      const wide = el.scrollWidth > el.clientWidth + 1;
      const tall = el.scrollHeight > el.clientHeight + 1;
      if (style.textOverflow === 'ellipsis' && wide) truncated.push(describe(el));
      else if (!clamp && ((wide && style.overflowX !== 'visible') || (tall && style.overflowY !== 'visible' && style.overflowY !== 'auto' && style.overflowY !== 'scroll'))) clipped.push(describe(el));
      else if (!clamp && wide && style.overflowX === 'visible' && style.whiteSpace !== 'nowrap' && spillsOut(el)) clipped.push(describe(el) + ' (spills out)');
    }
    // Text boxes, cut to what their element shows when it hides overflow (a clamped paragraph's hidden lines).
    const boxes = textElements.map((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const style = getComputedStyle(el);
      const own = el.getBoundingClientRect();
      const clips = style.overflowX !== 'visible' || style.overflowY !== 'visible';
      const rects = [...range.getClientRects()]
        .map((r) => (clips ? { left: Math.max(r.left, own.left), right: Math.min(r.right, own.right), top: Math.max(r.top, own.top), bottom: Math.min(r.bottom, own.bottom) } : r))
        .filter((r) => r.right - r.left > 0.5 && r.bottom - r.top > 0.5);
      return { el, rects, layer: layer(el) };
    });
    const overlaps = [];
    for (let i = 0; i < boxes.length; i += 1) {
      for (let j = i + 1; j < boxes.length; j += 1) {
        const a = boxes[i];
        const b = boxes[j];
        if (a.layer !== b.layer || a.el.contains(b.el) || b.el.contains(a.el)) continue;
        const hit = a.rects.some((r) => b.rects.some((q) => {
          const w = Math.min(r.right, q.right) - Math.max(r.left, q.left);
          const h = Math.min(r.bottom, q.bottom) - Math.max(r.top, q.top);
          return w > 2 && h > 2;
        }));
        if (hit) overlaps.push(describe(a.el) + ' × ' + describe(b.el));
      }
    }
    const root = document.documentElement;
    const body = document.querySelector('.taro_page:not([style*="display: none"]) [role="main"]') || document.body;
    return {
      viewportWidth: window.innerWidth,
      rootFontPx: parseFloat(getComputedStyle(root).fontSize),
      bodyTextPx: parseFloat(getComputedStyle(body).fontSize),
      pageOverflow: Math.max(0, root.scrollWidth - window.innerWidth),
      clipped,
      truncated,
      overlaps,
    };
  })()`);

describe('investor pages at 100 %, 150 % and 200 % text (the office and the reports at 200 %)', () => {
  let cloud: LocalCloudProcess;
  let browser: Browser;
  let pages: AuditedPage[] = [];
  let allPages: AuditedPage[] = [];

  before(async () => {
    ({ cloud, browser } = await startCloudAndBrowser());
    allPages = await preparePages(cloud.url);
    pages = allPages.filter((p) => p.investor);
  });
  after(() => stopCloudAndBrowser(cloud, browser));

  it('the text follows the browser’s size, and nothing is cut, truncated or overlapping at any size', async () => {
    assert.equal(pages.length, 6, 'the six investor pages');
    const problems: string[] = [];
    for (const audited of pages) {
      let baseRoot = 0;
      let baseBody = 0;
      for (const scale of SCALES) {
        const page = await openScaled(browser, cloud.url, audited, scale);
        const report = await measureLayout(page);
        if (scale === 1) {
          baseRoot = report.rootFontPx;
          baseBody = report.bodyTextPx;
        } else {
          // The app's own root size and its body text both grow with the setting (no fixed px root).
          if (Math.abs(report.rootFontPx / baseRoot - scale) > 0.02) problems.push(`${audited.name} @${scale}: root font ${report.rootFontPx}px, at 100 % ${baseRoot}px`);
          if (Math.abs(report.bodyTextPx / baseBody - scale) > 0.05) problems.push(`${audited.name} @${scale}: body text ${report.bodyTextPx}px, at 100 % ${baseBody}px`);
        }
        const at = `${audited.name} @${scale * 100}%`;
        if (report.pageOverflow > 1) problems.push(`${at}: the page scrolls sideways by ${report.pageOverflow}px`);
        // A mobile browser widens the layout viewport to fit content that does not fit: that is overflow too.
        if (report.viewportWidth !== PHONE_WIDTH) problems.push(`${at}: the layout viewport grew to ${report.viewportWidth}px to fit the content`);
        for (const c of report.clipped) problems.push(`${at}: clipped ${c}`);
        for (const t of report.truncated) problems.push(`${at}: truncated ${t}`);
        for (const o of report.overlaps) problems.push(`${at}: overlap ${o}`);
        await screenshot(page, `text-${scale * 100}-${audited.name}`);
        await page.context().close();
      }
    }
    assert.deepEqual(problems, []);
  });

  it('with the mini-program’s --text-scale at 2 (WeChat’s largest font size, src/platform/text-scale.ts), the type doubles and nothing is cut or overlapping', async () => {
    assert.equal(pages.length, 6, 'the six investor pages');
    const problems: string[] = [];
    for (const audited of pages) {
      const page = await openScaled(browser, cloud.url, audited, 1);
      const base = await measureLayout(page);
      // The tokens are declared on body (H5) and page (weapp): the variable goes where the mini-program puts it, the root of the page.
      await page.evaluate(`document.body.style.setProperty('--text-scale', '2')`);
      await settle(page);
      await page.waitForTimeout(300);
      const report = await measureLayout(page);
      const at = `${audited.name} @--text-scale:2`;
      if (Math.abs(report.bodyTextPx / base.bodyTextPx - 2) > 0.05) problems.push(`${at}: body text ${report.bodyTextPx}px, at 1 ${base.bodyTextPx}px`);
      if (report.rootFontPx !== base.rootFontPx) problems.push(`${at}: the root size changed (${base.rootFontPx} → ${report.rootFontPx}px): the scale must act on the type only`);
      if (report.pageOverflow > 1) problems.push(`${at}: the page scrolls sideways by ${report.pageOverflow}px`);
      if (report.viewportWidth !== PHONE_WIDTH) problems.push(`${at}: the layout viewport grew to ${report.viewportWidth}px to fit the content`);
      for (const c of report.clipped) problems.push(`${at}: clipped ${c}`);
      for (const t of report.truncated) problems.push(`${at}: truncated ${t}`);
      for (const o of report.overlaps) problems.push(`${at}: overlap ${o}`);
      await screenshot(page, `text-scale-2-${audited.name}`);
      await page.context().close();
    }
    assert.deepEqual(problems, []);
  });

  it('the district office (as its admin) and the reports (as a unit leader) at 200 %: nothing cut, truncated or overlapping', async () => {
    const officeAndReports = allPages.filter((p) => p.area === 'office' || p.area === 'reports');
    assert.equal(officeAndReports.length, 13, 'ten office pages and three reports');
    const problems: string[] = [];
    for (const audited of officeAndReports) {
      const page = await openScaled(browser, cloud.url, audited, 2);
      const report = await measureLayout(page);
      const at = `${audited.name} @200%`;
      if (report.pageOverflow > 1) problems.push(`${at}: the page scrolls sideways by ${report.pageOverflow}px`);
      if (report.viewportWidth !== PHONE_WIDTH) problems.push(`${at}: the layout viewport grew to ${report.viewportWidth}px to fit the content`);
      for (const c of report.clipped) problems.push(`${at}: clipped ${c}`);
      for (const t of report.truncated) problems.push(`${at}: truncated ${t}`);
      for (const o of report.overlaps) problems.push(`${at}: overlap ${o}`);
      await screenshot(page, `text-200-${audited.name}`);
      await page.context().close();
    }
    assert.deepEqual(problems, []);
  });

  it('at 200 % the carrier names stay readable and the sort options stay on one line', async () => {
    const carriers = pages.find((p) => p.name === 'carriers') as AuditedPage;
    const page = await openScaled(browser, cloud.url, carriers, 2);
    const shape = await page.evaluate(`(() => {
      const names = [...document.querySelectorAll('[data-testid="carrier-list"] .carrier-summary-card__name')].map((el) => {
        const size = parseFloat(getComputedStyle(el).fontSize);
        return { text: el.textContent, widthInChars: el.getBoundingClientRect().width / size };
      });
      // Lines of the label's own text: one line box each (the sort control once broke into a column of letters).
      const options = [...document.querySelectorAll('[data-testid="sort"] [role="radio"]')].map((el) => {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        const tops = new Set();
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const range = document.createRange();
          range.selectNodeContents(node);
          for (const r of range.getClientRects()) if (r.width > 0.5) tops.add(Math.round(r.top));
        }
        return { text: el.textContent, lines: tops.size };
      });
      return { names, options };
    })()`);
    const { names, options } = shape as { names: Array<{ text: string; widthInChars: number }>; options: Array<{ text: string; lines: number }> };
    assert.ok(names.length >= 3, 'carriers listed');
    // A name gets at least eight characters a line (it was one character at 150 % before).
    assert.deepEqual(names.filter((n) => n.widthInChars < 8), []);
    assert.equal(options.length, 3);
    assert.deepEqual(options.filter((o) => o.lines !== 1), []);
    await page.context().close();
  });
});
