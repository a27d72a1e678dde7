import type { BulletinContent } from './bulletin-content.rules';
import { cityBulletinTotals, type CityBulletinContent } from './city-bulletin.rules';

/**
 * 通报分享图: the bulletin's one picture for a WeChat group, 1080×1350 (4:5, what a chat shows uncropped). The
 * layout is decided here, pure: every line's place, size and text, with long names wrapped or cut with «…» so
 * nothing runs off the picture. The server turns it into SVG and renders the PNG.
 */
export const SHARE_IMAGE = { width: 1080, height: 1350, margin: 72 } as const;

export const SHARE_COLORS = {
  background: '#ffffff',
  band: '#b3261e',
  onBand: '#ffffff',
  ink: '#1d2129',
  muted: '#4e5969',
  rule: '#c9cdd4',
  panel: '#f7f8fa',
  accent: '#b3261e',
} as const;

export interface ShareText {
  text: string;
  /** Left edge (anchor start) or right edge (anchor end), px. */
  x: number;
  /** Baseline, px. */
  y: number;
  size: number;
  bold: boolean;
  color: string;
  anchor: 'start' | 'end';
}

export interface ShareRect {
  x: number;
  y: number;
  width: number;
  height: number;
  color: string;
  radius: number;
}

export interface ShareImageLayout {
  width: number;
  height: number;
  background: string;
  rects: ShareRect[];
  texts: ShareText[];
}

/** What the picture says, whichever bulletin it is of (a district's or the city's). */
export interface ShareImageInput {
  /** «临江区» or «全市». */
  scope: string;
  monthLabel: string;
  title: string;
  /** Three headline figures, big. */
  figures: ReadonlyArray<{ label: string; value: string }>;
  /** The top of the ranking (擂台赛前五, or the districts by inquiries). */
  rankingTitle: string;
  ranking: ReadonlyArray<{ rank: number; name: string; value: string }>;
  /** «本月确认签约项目 3 个». */
  signedLine: string;
  footer: string;
}

/**
 * A line's width in the font's em: CJK and full-width forms take a whole em, Latin letters and digits about
 * 0.6, M and W 0.9 (Noto Sans is a little narrower: the estimate errs wide, so a fitted line never overflows;
 * tests/functions/bulletin-image.test.ts measures it against the font's ink).
 */
export const textWidth = (text: string, size: number): number => {
  let em = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) em += ch === ' ' ? 0.3 : /[MWmw%]/.test(ch) ? 0.9 : /[A-Z0-9]/.test(ch) ? 0.66 : 0.56;
    else if (code === 0xb7 || code === 0x2026) em += 0.6;
    else em += 1;
  }
  return em * size;
};

const ELLIPSIS = '…';

/** The text as it fits in `maxWidth`: whole, or cut with «…». */
export const fitLine = (text: string, size: number, maxWidth: number): string => {
  if (textWidth(text, size) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length && textWidth(`${chars.join('')}${ELLIPSIS}`, size) > maxWidth) chars.pop();
  return `${chars.join('').trimEnd()}${ELLIPSIS}`;
};

/** The text wrapped to at most `maxLines` lines of `maxWidth` (by character: Chinese breaks anywhere); the last cut with «…». */
export const wrapLines = (text: string, size: number, maxWidth: number, maxLines: number): string[] => {
  const lines: string[] = [];
  let rest = [...text.trim()];
  while (rest.length && lines.length < maxLines) {
    if (lines.length === maxLines - 1) {
      lines.push(fitLine(rest.join(''), size, maxWidth));
      break;
    }
    let n = rest.length;
    while (n > 1 && textWidth(rest.slice(0, n).join(''), size) > maxWidth) n -= 1;
    // Latin words stay whole where a space allows.
    if (n < rest.length && /[\w]/.test(rest[n] ?? '') && /[\w]/.test(rest[n - 1] ?? '')) {
      const space = rest.slice(0, n).lastIndexOf(' ');
      if (space > 0) n = space + 1;
    }
    lines.push(rest.slice(0, n).join('').trimEnd());
    rest = rest.slice(n);
    while (rest[0] === ' ') rest = rest.slice(1);
  }
  return lines;
};

/** The largest size ≤ `size` (down to `minSize`) at which the text fits: a figure shrinks rather than lose digits. */
export const fitSize = (text: string, size: number, maxWidth: number, minSize: number): number => {
  const fitted = Math.floor((size * maxWidth) / Math.max(1, textWidth(text, size)));
  return Math.max(minSize, Math.min(size, fitted));
};

export const RANKING_SHOWN = 5;

/** The picture's layout: a red band with the scope and month, the title, three figures, the ranking, the signed count. */
export const shareImageLayout = (input: ShareImageInput): ShareImageLayout => {
  const { width, height, margin } = SHARE_IMAGE;
  const inner = width - margin * 2;
  const c = SHARE_COLORS;
  const rects: ShareRect[] = [{ x: 0, y: 0, width, height: 300, color: c.band, radius: 0 }];
  const texts: ShareText[] = [];
  const put = (text: string, x: number, y: number, size: number, color: string, bold = false, anchor: 'start' | 'end' = 'start') => texts.push({ text, x, y, size, bold, color, anchor });

  put(fitLine(input.scope, 64, inner), margin, 140, 64, c.onBand, true);
  put(fitLine(`${input.monthLabel} · 招商工作通报`, 40, inner), margin, 220, 40, c.onBand);

  let y = 380;
  for (const line of wrapLines(input.title, 44, inner, 2)) {
    put(line, margin, y, 44, c.ink, true);
    y += 60;
  }

  // Three figures side by side, each in its panel: the value big, its label under it.
  const gap = 24;
  const panel = (inner - gap * 2) / 3;
  const top = 500;
  input.figures.slice(0, 3).forEach((f, i) => {
    const x = margin + i * (panel + gap);
    rects.push({ x, y: top, width: panel, height: 200, color: c.panel, radius: 16 });
    const size = fitSize(f.value, 72, panel - 48, 36);
    put(fitLine(f.value, size, panel - 48), x + 24, top + 108, size, c.accent, true);
    put(fitLine(f.label, 30, panel - 48), x + 24, top + 164, 30, c.muted);
  });

  y = 790;
  put(fitLine(input.rankingTitle, 38, inner), margin, y, 38, c.ink, true);
  y += 20;
  rects.push({ x: margin, y, width: inner, height: 2, color: c.rule, radius: 0 });
  y += 62;
  const shown = input.ranking.slice(0, RANKING_SHOWN);
  if (!shown.length) put('本月暂无排名', margin, y, 34, c.muted);
  for (const line of shown) {
    const value = fitLine(line.value, 34, 300);
    const nameWidth = inner - 80 - textWidth(value, 34) - 24;
    put(`${line.rank}`, margin, y, 34, line.rank === 1 ? c.accent : c.muted, true);
    put(fitLine(line.name, 34, nameWidth), margin + 80, y, 34, c.ink);
    put(value, width - margin, y, 34, c.ink, false, 'end');
    y += 62;
  }

  rects.push({ x: margin, y: 1150, width: inner, height: 2, color: c.rule, radius: 0 });
  put(fitLine(input.signedLine, 38, inner), margin, 1216, 38, c.accent, true);
  for (const [i, line] of wrapLines(input.footer, 26, inner, 2).entries()) put(line, margin, 1270 + i * 36, 26, c.muted);

  return { width, height, background: c.background, rects, texts };
};

const pct = (n: number | null) => (n === null ? '—' : `${n}%`);

/** A district's bulletin as its picture says it: inquiries, promises kept, signed; the 擂台赛's top five. */
export const districtShareInput = (c: BulletinContent): ShareImageInput => ({
  scope: c.districtName,
  monthLabel: c.monthLabel,
  title: c.title,
  figures: [
    { label: '招商咨询（条）', value: String(c.figures.inquiries) },
    { label: '按时回复率', value: pct(c.figures.promisesKeptPct) },
    { label: '确认落地（个）', value: String(c.figures.confirmedLanded) },
  ],
  rankingTitle: c.rankingStatus.locked ? '擂台赛排名（已锁定）' : '擂台赛排名（实时）',
  ranking: c.ranking.map((r) => ({ rank: r.rank, name: r.name, value: `${r.score} 分` })),
  signedLine: `本月确认签约项目 ${c.signedProjects.length} 个`,
  footer: `数据来源：招商名片；签约、落地以投资促进局确认为准。上月咨询 ${c.previousFigures.inquiries} 条。`,
});

/** The city's bulletin as its picture says it: the city's totals; the districts by inquiries. */
export const cityShareInput = (c: CityBulletinContent): ShareImageInput => {
  const t = cityBulletinTotals(c);
  const byInquiries = [...c.districts].sort((a, b) => b.inquiries - a.inquiries || a.districtName.localeCompare(b.districtName, 'zh-CN'));
  return {
    scope: '全市',
    monthLabel: c.monthLabel,
    title: c.title,
    figures: [
      { label: '招商咨询（条）', value: String(t.inquiries) },
      { label: '确认签约（个）', value: String(t.confirmedSigned) },
      { label: '确认落地（个）', value: String(t.confirmedLanded) },
    ],
    rankingTitle: '各区县咨询',
    ranking: byInquiries.map((d, i) => ({ rank: i + 1, name: d.districtName, value: `${d.inquiries} 条` })),
    signedLine: `本月全市确认签约项目 ${t.confirmedSigned} 个`,
    footer: `数据来源：${c.districts.length} 个区县的每月通报；签约、落地以各区投资促进局确认为准。上月咨询 ${t.previousInquiries} 条。`,
  };
};
