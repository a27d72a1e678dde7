import { chromium, type Page } from 'playwright-core';
import type { CardView } from '../../domain/api/views.schema';
import { removeDataDir, startLocalCloudProcess } from '../local-cloud/local-cloud-process';
import { fmt, percentile } from './stats';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);

/**
 * The same card content as a hand-written static page — cover image, district, industries, figures, carriers,
 * owner — the floor any app framework is measured against.
 */
const staticCardHtml = (card: CardView) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<style>body{margin:0;font-family:sans-serif;color:#222}header{background:#9f1d20;color:#fff;padding:24px 16px}h1{font-size:22px;margin:0 0 8px}p{line-height:1.6;padding:0 16px}
.chips span{display:inline-block;margin:4px;padding:4px 10px;border-radius:12px;background:#f6e7d0}.grid{display:grid;grid-template-columns:1fr 1fr;gap:8px;padding:0 16px}
.carrier{display:flex;gap:8px;padding:8px 16px}.carrier img{width:96px;height:72px}.owner{display:flex;gap:12px;padding:16px;border-top:1px solid #eee}.owner img{width:56px;height:56px;border-radius:28px}.cover{display:block;width:100%;height:180px;object-fit:cover}</style></head>
<body>${card.district.coverImage ? `<img class="cover" src="${esc(card.district.coverImage)}" alt="">` : ''}<header><h1>${esc(card.district.name)}</h1><div>${esc(card.district.slogan)}</div></header><p>${esc(card.district.intro)}</p>
<div class="chips">${card.district.keyIndustries.map((k) => `<span>${esc(k)}</span>`).join('')}</div>
<div class="grid">${card.district.headlineFigures.map((f) => `<div><b>${esc(f.value)}</b><div>${esc(f.label)}</div></div>`).join('')}</div>
${card.highlightedCarriers.map((c) => `<div class="carrier">${c.photo ? `<img src="${esc(c.photo)}">` : ''}<div><b>${esc(c.name)}</b><div>空置 ${c.vacantArea} ㎡</div></div></div>`).join('')}
<div class="owner">${card.owner.photo ? `<img src="${esc(card.owner.photo)}">` : ''}<div><b>${esc(card.owner.name)}</b><div>${esc(card.owner.title)}</div><div>${esc(card.owner.phone ?? '')}</div></div></div></body></html>`;

const measureLcp = async (page: Page, url: string, readySelector: string | null): Promise<number> => {
  await page.goto(url, { waitUntil: 'load' });
  if (readySelector) await page.waitForSelector(readySelector, { timeout: 30_000 });
  await page.waitForTimeout(500);
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let last = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) last = Math.max(last, e.startTime);
        }).observe({ type: 'largest-contentful-paint', buffered: true });
        setTimeout(() => resolve(last), 200);
      }),
  );
};

export interface LcpFigures {
  appMs: number;
  staticMs: number;
  ratio: number;
  throttle: number;
  runs: number;
}

/** H5 card page LCP vs a static page of the same content, same browser, same CPU throttling, same run. */
export const benchLcp = async (runs = 5, throttle = 4): Promise<LcpFigures> => {
  const cloud = await startLocalCloudProcess();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  try {
    const res = await fetch(`${cloud.url}api/card.get`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ input: {} }) });
    const card = ((await res.json()) as { data: CardView }).data;
    const html = staticCardHtml(card);
    const app: number[] = [];
    const plain: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      for (const kind of ['app', 'static'] as const) {
        const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true });
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
        if (kind === 'static') await page.route(`${cloud.url}static-card.html`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
        const ms = kind === 'app' ? await measureLcp(page, cloud.url, 'text=' + card.owner.name) : await measureLcp(page, `${cloud.url}static-card.html`, null);
        (kind === 'app' ? app : plain).push(ms);
        await context.close();
      }
    }
    const appMs = percentile(app, 50);
    const staticMs = percentile(plain, 50);
    return { appMs, staticMs, ratio: appMs / staticMs, throttle, runs };
  } finally {
    await browser.close();
    await cloud.stop();
    removeDataDir(cloud.dataDir);
  }
};

export const printLcp = (f: LcpFigures) =>
  console.log(`  H5 card LCP ${fmt(f.appMs, 0)} ms ÷ static page ${fmt(f.staticMs, 0)} ms = ${fmt(f.ratio)}× (median of ${f.runs}, CPU ${f.throttle}× slower)`);
