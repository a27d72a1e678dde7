import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { removeDataDir, ROOT, startLocalCloudProcess, type LocalCloudProcess } from '../../../tools/local-cloud/local-cloud-process';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = join(ROOT, 'test-output', 'screenshots');
export const INSTALL_HINT = 'apt-get update && apt-get install -y chromium';

/** Without Chromium the e2e suites report themselves skipped, except in CI where that is a failure. */
export const chromiumSkipReason = (): string | false => {
  if (existsSync(CHROMIUM_PATH)) return false;
  if (process.env.CI) throw new Error(`Chromium is required in CI but missing at ${CHROMIUM_PATH}; install it with: ${INSTALL_HINT}`);
  return `Chromium not found at ${CHROMIUM_PATH}; install it with: ${INSTALL_HINT}`;
};

export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });

/** A phone-sized page; `persona` is stored the way the app's persona switcher stores it. */
export const openPhonePage = async (browser: Browser, persona?: string): Promise<Page> => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  if (persona) await context.addInitScript((p) => window.localStorage.setItem('investcard.persona', p), persona);
  return context.newPage();
};

/** Taro's H5 router animates page changes: wait until nothing animates before asserting or capturing. */
export const settle = async (page: Page): Promise<void> => {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, { timeout: 10_000 });
};

export const screenshot = async (page: Page, name: string): Promise<string> => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await settle(page);
  await page.screenshot({ path, fullPage: true });
  return path;
};

/** Each e2e suite gets its own local cloud (fresh database, free port) and browser. */
export const startCloudAndBrowser = async (): Promise<{ cloud: LocalCloudProcess; browser: Browser }> => {
  const cloud = await startLocalCloudProcess();
  return { cloud, browser: await launchBrowser() };
};

export const stopCloudAndBrowser = async (cloud: LocalCloudProcess | undefined, browser: Browser | undefined): Promise<void> => {
  await browser?.close();
  await cloud?.stop();
  if (cloud) removeDataDir(cloud.dataDir);
};
