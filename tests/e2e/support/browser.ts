import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { removeDataDir, ROOT, startLocalCloudProcess, type LocalCloudProcess } from '../../../tools/local-cloud/local-cloud-process';
import { CHROMIUM_ARGS, chooseChromium } from './chromium-choice';

export const SCREENSHOT_DIR = join(ROOT, 'test-output', 'screenshots');

/** The Chromium this run uses (see chromium-choice.ts), started with the shared flags. */
export const launchBrowser = async (): Promise<Browser> => {
  const choice = await chooseChromium();
  if (choice.kind === 'none') throw new Error(`no Chromium to run the browser tests: ${choice.reason}`);
  return chromium.launch({ executablePath: choice.executablePath, headless: true, args: CHROMIUM_ARGS });
};

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
