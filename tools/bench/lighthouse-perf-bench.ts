import { HEAD_CARD } from './audited-pages';
import { withLighthouseSession } from './lighthouse-session';

/**
 * Figure 9: Lighthouse's performance score of every H5 page — its default mobile profile (simulated slow 4G,
 * 4× CPU slowdown, a phone's screen), Debian's Chromium through chrome-launcher (lighthouse-session.ts) — against the local cloud, the
 * web host that serves the build compressed and cached. An outside judge of what the lcp figure measures from
 * inside. Each page is loaded with a cold HTTP cache, as its persona (kept in localStorage, which is why
 * Lighthouse's own storage reset is off and the cache is cleared here instead). The card is audited at its web
 * address (`/?cardId=…`, what share links and QR codes open); the other pages at their hash routes.
 * Aims: card ≥ 90, every other page ≥ 75.
 */

export const CARD_PERF_AIM = 90;
export const PAGE_PERF_AIM = 75;

export interface PerfScore {
  page: string;
  url: string;
  score: number;
  aim: number;
  /** Lighthouse's simulated figures (ms, except CLS). */
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** Bytes the page transferred (compressed as sent). */
  transferBytes: number;
  /** The element Lighthouse took as the LCP (its selector). */
  lcpElement: string;
}

interface LcpElementDetails {
  items?: Array<{ items?: Array<{ node?: { selector?: string } }> }>;
}

/** `pageNames`: audit only these pages (`npm run bench -- --only=perf --pages=card,directory`); all when absent. */
export const benchLighthousePerf = (h5Dir: string, pageNames?: readonly string[]): Promise<PerfScore[]> =>
  withLighthouseSession(h5Dir, async ({ cloud, pages, usePersona, audit }) => {
    const rows: PerfScore[] = [];
    const unknown = pageNames?.filter((name) => !pages.some((p) => p.name === name)) ?? [];
    if (unknown.length > 0) throw new Error(`unknown page(s) ${unknown.join(', ')}; audited pages: ${pages.map((p) => p.name).join(', ')}`);
    for (const audited of pages.filter((p) => !pageNames || pageNames.includes(p.name))) {
      const isCard = audited.name === 'card';
      const url = isCard ? `${cloud.url}?cardId=${HEAD_CARD}` : `${cloud.url}#${audited.path}`;
      await usePersona(audited.persona, { coldCache: true });
      const lhr = await audit(url, ['performance'], audited.name);
      const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
      rows.push({
        page: audited.name,
        url: url.slice(cloud.url.length - 1),
        score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
        aim: isCard ? CARD_PERF_AIM : PAGE_PERF_AIM,
        fcpMs: numeric('first-contentful-paint'),
        lcpMs: numeric('largest-contentful-paint'),
        tbtMs: numeric('total-blocking-time'),
        cls: numeric('cumulative-layout-shift'),
        transferBytes: numeric('total-byte-weight'),
        lcpElement: (lhr.audits['largest-contentful-paint-element']?.details as LcpElementDetails | undefined)?.items?.[0]?.items?.[0]?.node?.selector ?? 'unknown',
      });
    }
    return rows;
  });

export const printLighthousePerf = (rows: readonly PerfScore[]): void => {
  for (const r of rows) {
    const verdict = r.score >= r.aim ? 'meets' : 'BELOW';
    console.log(
      `  ${r.page.padEnd(18)} ${String(r.score).padStart(3)} (aim ≥ ${r.aim}, ${verdict})  FCP ${Math.round(r.fcpMs)} ms · LCP ${Math.round(r.lcpMs)} ms · TBT ${Math.round(r.tbtMs)} ms · CLS ${r.cls.toFixed(3)} · ${Math.round(r.transferBytes / 1024)} KiB sent · LCP element ${r.lcpElement}`,
    );
  }
  const below = rows.filter((r) => r.score < r.aim).map((r) => r.page);
  console.log(`  ${rows.length - below.length} of ${rows.length} pages meet their aim${below.length ? `; below: ${below.join(', ')}` : ''}`);
};
