import { chromium } from 'playwright-core';
import { removeDataDir, startLocalCloudProcess } from '../local-cloud/local-cloud-process';
import { preparePages } from './audited-pages';

/**
 * Figure 7: Lighthouse's accessibility score of every page of the H5 build (mobile emulation, Debian's Chromium
 * through chrome-launcher), each page as the persona that sees it filled in. Aim: ≥ 95 on every page.
 */

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PERSONA_KEY = 'investcard.persona';
export const A11Y_SCORE_AIM = 95;

export interface A11yScore {
  page: string;
  persona: string;
  score: number;
  /** The failed audits that weigh on the score (Lighthouse ids). */
  failing: string[];
  /** Weighted audits that applied to the page (the rest found nothing to check), so a score of 100 means something. */
  applied: number;
}

export const benchA11y = async (h5Dir: string): Promise<A11yScore[]> => {
  // Both packages are ES modules only.
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const cloud = await startLocalCloudProcess({ env: { INVESTCARD_H5_DIR: h5Dir } });
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const rows: A11yScore[] = [];
  try {
    const pages = await preparePages(cloud.url);
    // The persona lives in the origin's localStorage, as the app's switcher keeps it; Lighthouse must not reset it.
    const browser = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
    const setPersona = async (persona: string) => {
      const context = browser.contexts()[0] ?? (await browser.newContext());
      const tab = await context.newPage();
      await tab.goto(new URL('/api/_local/personas', cloud.url).href);
      await tab.evaluate(([key, value]) => window.localStorage.setItem(key, value), [PERSONA_KEY, persona] as const);
      await tab.close();
    };
    for (const audited of pages) {
      await setPersona(audited.persona);
      const result = await lighthouse(new URL(`/#${audited.path}`, cloud.url).href, { port: chrome.port, onlyCategories: ['accessibility'], disableStorageReset: true, logLevel: 'error', output: 'json' });
      const lhr = result?.lhr;
      if (!lhr) throw new Error(`Lighthouse gave no result for ${audited.name}`);
      const score = Math.round((lhr.categories.accessibility?.score ?? 0) * 100);
      const refs = lhr.categories.accessibility?.auditRefs ?? [];
      const failing = refs.filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1).map((ref) => ref.id);
      const applied = refs.filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.scoreDisplayMode !== 'notApplicable').length;
      rows.push({ page: audited.name, persona: audited.persona, score, failing, applied });
    }
    await browser.close();
  } finally {
    await chrome.kill();
    await cloud.stop();
    removeDataDir(cloud.dataDir);
  }
  return rows;
};

export const printA11y = (rows: readonly A11yScore[]): void => {
  for (const row of rows) console.log(`  ${row.page.padEnd(18)} ${String(row.score).padStart(3)}  (${row.applied} audits applied)${row.failing.length ? `  failing: ${row.failing.join(', ')}` : ''}`);
  const lowest = Math.min(...rows.map((r) => r.score));
  console.log(`  lowest ${lowest} (aim ≥ ${A11Y_SCORE_AIM}) over ${rows.length} pages`);
};
