import { chromium, type Browser } from 'playwright-core';
import { removeDataDir, startLocalCloudProcess, type LocalCloudProcess } from '../local-cloud/local-cloud-process';
import { preparePages, type AuditedPage } from './audited-pages';

/**
 * What the Lighthouse benches share (a11y-bench.ts, lighthouse-perf-bench.ts): the local cloud over an H5 build,
 * Debian's Chromium through chrome-launcher, the audited pages with their ids made, and the persona put where the
 * app's switcher keeps it (the origin's localStorage — why Lighthouse's own storage reset must stay off).
 */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PERSONA_KEY = 'investcard.persona';
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

type Lighthouse = (typeof import('lighthouse'))['default'];
export type LighthouseResult = NonNullable<Awaited<ReturnType<Lighthouse>>>;

export interface LighthouseSession {
  cloud: LocalCloudProcess;
  pages: AuditedPage[];
  /** Sets the persona for the next audit; `coldCache` also empties the HTTP cache (a first visit). */
  usePersona(persona: string, options?: { coldCache?: boolean }): Promise<void>;
  /** Lighthouse over `url` for these categories, storage kept; throws when it gives no result. */
  audit(url: string, categories: string[], name: string): Promise<LighthouseResult['lhr']>;
}

export const withLighthouseSession = async <T>(h5Dir: string, run: (session: LighthouseSession) => Promise<T>): Promise<T> => {
  // Both packages are ES modules only.
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const cloud = await startLocalCloudProcess({ env: { INVESTCARD_H5_DIR: h5Dir } });
  let browser: Browser | null = null;
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROME_FLAGS });
  try {
    const pages = await preparePages(cloud.url);
    const connected = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
    browser = connected;
    return await run({
      cloud,
      pages,
      async usePersona(persona, { coldCache = false } = {}) {
        const context = connected.contexts()[0] ?? (await connected.newContext());
        const tab = await context.newPage();
        await tab.goto(new URL('/api/_local/personas', cloud.url).href);
        await tab.evaluate(([key, value]) => window.localStorage.setItem(key, value), [PERSONA_KEY, persona] as const);
        if (coldCache) await (await context.newCDPSession(tab)).send('Network.clearBrowserCache');
        await tab.close();
      },
      async audit(url, categories, name) {
        const result = await lighthouse(url, { port: chrome.port, onlyCategories: categories, disableStorageReset: true, logLevel: 'error', output: 'json' });
        if (!result?.lhr) throw new Error(`Lighthouse gave no result for ${name}`);
        return result.lhr;
      },
    });
  } finally {
    await browser?.close();
    await chrome.kill();
    await cloud.stop();
    removeDataDir(cloud.dataDir);
  }
};
