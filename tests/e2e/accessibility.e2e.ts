import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type LocalCloudProcess } from '../../tools/local-cloud/local-cloud-process';
import { preparePages, type AuditedPage } from '../../tools/bench/audited-pages';
import { openPhonePage, screenshot, settle, startCloudAndBrowser, stopCloudAndBrowser } from './support/browser';

/**
 * Every page of the H5 build (the district office and the reports included), with the persona that sees it filled in, audited by axe-core (0 serious or
 * critical violations), and checked for what axe does not measure: one level-1 heading, one main region, every
 * control at least 44 × 44 px, and the type tabs and directory chips reachable and operable by keyboard.
 */

const AXE_PATH = createRequire(__filename).resolve('axe-core/axe.min.js');
const TAP_MIN = 44;

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

const seriousViolations = async (page: Page): Promise<Violation[]> => {
  await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async () => {
    type AxeResult = { violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }> };
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResult> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 8).map((n) => n.target.join(' ')) }));
  });
};

/**
 * Opens a page as its persona and waits for its data and for the router's animation to end; `textScale` sets
 * Chromium's default font size as a user does (Settings › Appearance › Font size).
 */
const openAudited = async (browser: Browser, baseUrl: string, audited: AuditedPage, textScale = 1): Promise<Page> => {
  const page = await openPhonePage(browser, audited.persona);
  if (textScale !== 1) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 16 * textScale, fixed: Math.round(13 * textScale) } });
  }
  await page.goto(`${baseUrl}#${audited.path}`);
  await page.getByTestId(audited.ready).first().waitFor({ timeout: 30_000 });
  await settle(page);
  // Images and lazy sections settle a moment after the data.
  await page.waitForTimeout(300);
  return page;
};

/** Landmarks and headings of the visible page (Taro keeps no other page in a fresh tab). */
const structure = (page: Page): Promise<{ headings: string[]; mains: number }> =>
  page.evaluate(`(() => {
    const shown = (el) => el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().height > 0;
    return {
      headings: [...document.querySelectorAll('h1, [role="heading"][aria-level="1"]')].filter(shown).map((el) => (el.textContent || '').trim()),
      mains: [...document.querySelectorAll('main, [role="main"]')].filter(shown).length,
    };
  })()`);

/** Controls (by role) smaller than the tap minimum; links inside a sentence are exempt, as in WCAG 2.5.8. */
const smallTargets = (page: Page) =>
  page.evaluate((min) => {
    const selector = 'a[href], button, [role="button"], [role="link"], [role="tab"], [role="checkbox"], [role="switch"], [role="radio"], [role="option"], input, textarea';
    return [...document.querySelectorAll(selector)]
      .filter((el) => !el.closest('[aria-hidden="true"]') && getComputedStyle(el).display !== 'inline')
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && box.height > 0)
      .filter(({ box }) => box.width < min - 0.5 || box.height < min - 0.5)
      .map(({ el, box }) => `${el.getAttribute('role') ?? el.tagName.toLowerCase()} «${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 20)}» ${Math.round(box.width)}×${Math.round(box.height)}`);
  }, TAP_MIN);

describe('accessibility of every page (axe-core, headings, landmarks, tap targets, keyboard)', () => {
  let cloud: LocalCloudProcess;
  let browser: Browser;
  let pages: AuditedPage[] = [];

  before(async () => {
    ({ cloud, browser } = await startCloudAndBrowser());
    pages = await preparePages(cloud.url);
  });
  after(() => stopCloudAndBrowser(cloud, browser));

  it('every page: 0 serious or critical axe violations, one level-1 heading, one main region, 44 px targets', async () => {
    assert.equal(pages.length, 25, 'the 25 pages of app.config: investor, staff, share, the district office and the reports');
    assert.deepEqual([...new Set(pages.map((p) => p.area))], ['investor', 'staff', 'share', 'office', 'reports']);
    const problems: string[] = [];
    for (const audited of pages) {
      const page = await openAudited(browser, cloud.url, audited);
      const violations = await seriousViolations(page);
      for (const v of violations) problems.push(`${audited.name}: ${v.impact} ${v.id} (${v.help}) at ${v.targets.join(' | ')}`);
      const { headings, mains } = await structure(page);
      if (headings.length !== 1) problems.push(`${audited.name}: ${headings.length} level-1 headings ${JSON.stringify(headings)}`);
      if (mains !== 1) problems.push(`${audited.name}: ${mains} main regions`);
      for (const small of await smallTargets(page)) problems.push(`${audited.name}: target under ${TAP_MIN} px: ${small}`);
      await screenshot(page, `a11y-${audited.name}`);
      await page.context().close();
    }
    assert.deepEqual(problems, []);
  });

  it('at 200 % text the investor pages, the office and the reports still have 0 serious or critical axe violations and 44 px targets', async () => {
    const problems: string[] = [];
    const scaled = pages.filter((p) => p.investor || p.area === 'office' || p.area === 'reports');
    assert.equal(scaled.length, 19);
    for (const audited of scaled) {
      const page = await openAudited(browser, cloud.url, audited, 2);
      for (const v of await seriousViolations(page)) problems.push(`${audited.name} @200%: ${v.impact} ${v.id} (${v.help}) at ${v.targets.join(' | ')}`);
      for (const small of await smallTargets(page)) problems.push(`${audited.name} @200%: target under ${TAP_MIN} px: ${small}`);
      await page.context().close();
    }
    assert.deepEqual(problems, []);
  });

  it('the card page exposes its tappable tiles and contacts as buttons or links, and its images are named or decorative', async () => {
    const page = await openAudited(browser, cloud.url, pages.find((p) => p.name === 'card') as AuditedPage);
    const named = await page.evaluate(() => {
      const controls = [...document.querySelectorAll('[role="button"], [role="link"], a[href], button')].filter((el) => el.getBoundingClientRect().width > 0);
      const images = [...document.querySelectorAll('img, [role="img"]')].filter((el) => !el.closest('[aria-hidden="true"]'));
      return {
        controls: controls.length,
        unnamedControls: controls.filter((el) => !(el.getAttribute('aria-label') ?? el.textContent ?? '').trim()).length,
        unnamedImages: images.filter((el) => el.getAttribute('alt') === null && !el.getAttribute('aria-label') && el.getAttribute('role') !== 'presentation').length,
      };
    });
    assert.ok(named.controls >= 8, `card page controls exposed: ${named.controls}`);
    assert.equal(named.unnamedControls, 0);
    assert.equal(named.unnamedImages, 0);
    await page.context().close();
  });

  it('the demo persona pill never covers the lead form’s 提交 on a phone, wherever the form is scrolled', async () => {
    const page = await openAudited(browser, cloud.url, pages.find((p) => p.name === 'lead-form') as AuditedPage);
    const submit = page.getByTestId('submit-lead');
    const pill = page.getByTestId('persona-pill');
    await pill.waitFor();
    for (const where of ['submit in view', 'end of the page']) {
      if (where === 'submit in view') await submit.scrollIntoViewIfNeeded();
      // Taro's H5 page is its own scroller (the body does not scroll): scroll that to its end.
      else
        await submit.evaluate((el) => {
          for (let node = el.parentElement; node; node = node.parentElement) {
            if (node.scrollHeight > node.clientHeight && getComputedStyle(node).overflowY !== 'visible') node.scrollTop = node.scrollHeight;
          }
        });
      await page.waitForTimeout(100);
      const hit = await submit.evaluate((el) => {
        const box = el.getBoundingClientRect();
        if (box.bottom <= 0 || box.top >= window.innerHeight) return 'off screen';
        const top = document.elementFromPoint(box.left + box.width / 2, Math.min(box.top + box.height / 2, window.innerHeight - 1));
        return top && el.contains(top) ? 'submit' : `covered by ${top?.className ?? top?.tagName}`;
      });
      if (hit !== 'off screen') assert.equal(hit, 'submit', where);
      const [a, b] = [await submit.boundingBox(), await pill.boundingBox()];
      assert.ok(a && b);
      const overlap = Math.min(a.x + a.width, b.x + b.width) > Math.max(a.x, b.x) && Math.min(a.y + a.height, b.y + b.height) > Math.max(a.y, b.y);
      assert.equal(overlap, false, `${where}: the pill overlaps 提交`);
    }
    await page.context().close();
  });

  it('the type tabs and the directory chips are reached with Tab and chosen with Enter or Space', async () => {
    const carriers = await openAudited(browser, cloud.url, pages.find((p) => p.name === 'carriers') as AuditedPage);
    const factoryTab = carriers.getByTestId('type-tab-factory');
    assert.equal(await factoryTab.getAttribute('role'), 'tab');
    let reached = false;
    for (let i = 0; i < 40 && !reached; i += 1) {
      await carriers.keyboard.press('Tab');
      reached = await factoryTab.evaluate((el) => el === document.activeElement);
    }
    assert.ok(reached, 'the 厂房 tab is reached by Tab');
    await carriers.keyboard.press('Enter');
    await carriers.waitForFunction(() => document.querySelector('[data-testid="type-tab-factory"]')?.getAttribute('aria-selected') === 'true');
    await carriers.context().close();

    const directory = await openAudited(browser, cloud.url, pages.find((p) => p.name === 'directory') as AuditedPage);
    const chips = directory.locator('[data-testid="directory-page"] [role="tab"], [data-testid="directory-page"] [role="radio"]');
    assert.ok((await chips.count()) >= 2, 'directory chips exposed with a role');
    const second = chips.nth(1);
    await second.focus();
    assert.ok(await second.evaluate((el) => el === document.activeElement), 'a directory chip takes focus');
    await directory.keyboard.press(' ');
    await directory.waitForFunction(
      (el) => el?.getAttribute('aria-selected') === 'true' || el?.getAttribute('aria-checked') === 'true',
      await second.elementHandle(),
    );
    await directory.context().close();
  });
});
