import { withLighthouseSession } from './lighthouse-session';

/**
 * Figure 7: Lighthouse's accessibility score of every page of the H5 build (mobile emulation, Debian's Chromium
 * through chrome-launcher, tools/bench/lighthouse-session.ts), each page as the persona that sees it filled in —
 * the investor, staff and share pages, the district office as its admin and the reports as a unit leader.
 * Aim: ≥ 95 on every page.
 */

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

export const benchA11y = (h5Dir: string): Promise<A11yScore[]> =>
  withLighthouseSession(h5Dir, async ({ pages, usePersona, audit, cloud }) => {
    const rows: A11yScore[] = [];
    for (const audited of pages) {
      await usePersona(audited.persona);
      const lhr = await audit(new URL(`/#${audited.path}`, cloud.url).href, ['accessibility'], audited.name);
      const score = Math.round((lhr.categories.accessibility?.score ?? 0) * 100);
      const refs = lhr.categories.accessibility?.auditRefs ?? [];
      const failing = refs.filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1).map((ref) => ref.id);
      const applied = refs.filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.scoreDisplayMode !== 'notApplicable').length;
      rows.push({ page: audited.name, persona: audited.persona, score, failing, applied });
    }
    return rows;
  });

export const printA11y = (rows: readonly A11yScore[]): void => {
  for (const row of rows) console.log(`  ${row.page.padEnd(18)} ${String(row.score).padStart(3)}  (${row.applied} audits applied)${row.failing.length ? `  failing: ${row.failing.join(', ')}` : ''}`);
  const lowest = Math.min(...rows.map((r) => r.score));
  console.log(`  lowest ${lowest} (aim ≥ ${A11Y_SCORE_AIM}) over ${rows.length} pages`);
};
