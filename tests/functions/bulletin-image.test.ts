import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { readFileSync } from 'node:fs';
import { districtShareInput, SHARE_COLORS, textWidth } from '../../domain/report/bulletin-share-image.rules';
import { bulletinFontPath } from '../../cloudfunctions/reports/bulletin-font';
import { renderShareImage, resvgWasmPath } from '../../cloudfunctions/reports/bulletin-image';
import { SHARE_FONT_FAMILY, shareImageSvg } from '../../cloudfunctions/reports/bulletin-image-svg';
import type { FileStore } from '../../cloudfunctions/_lib/deps';
import { decodePng, inkPixels, PNG_SIGNATURE } from '../support/png-decode';

const noFiles = { get: () => Promise.resolve(null) } as unknown as FileStore;

const input = districtShareInput({
  title: '临江区 2026年11月招商工作通报',
  districtName: '临江区',
  monthLabel: '2026年11月',
  previousLabel: '2026年10月',
  figures: { inquiries: 128, byUnit: [], byChannel: [], byIndustry: [], byOrigin: [], funnel: [], invalid: 0, responded: 0, respondedInTime: 0, promisesKeptPct: 87, responseMedianMinutes: null, responseP90Minutes: null, confirmedSigned: 2, confirmedLanded: 1 },
  previousFigures: { inquiries: 97, byUnit: [], byChannel: [], byIndustry: [], byOrigin: [], funnel: [], invalid: 0, responded: 0, respondedInTime: 0, promisesKeptPct: 80, responseMedianMinutes: null, responseP90Minutes: null, confirmedSigned: 0, confirmedLanded: 0 },
  ranking: [
    { rank: 1, name: '临江区投资促进局', score: 42.5 },
    { rank: 2, name: '临江区科学技术局', score: 30 },
  ],
  rankingStatus: { locked: true, asOf: '2026-12-08T00:30:00.000Z', lockAt: '2026-12-07T16:00:00.000Z' },
  signedProjects: [{ company: '云帆智能科技有限公司', unitName: '临江区投资促进局', investmentWan: 35_000, date: '2026-11-10' }],
});

describe('bulletin share image (resvg-wasm, the PDF’s CJK font)', () => {
  let fontPath: string;
  beforeAll(async () => {
    fontPath = await bulletinFontPath(noFiles);
  });

  it('renders a 1080×1350 PNG with ink where the layout put text: the band, the figures, the ranking', async () => {
    const image = await renderShareImage(input, fontPath);
    expect([...image.png.slice(0, 8)]).toEqual(PNG_SIGNATURE);
    const png = decodePng(image.png);
    expect({ width: png.width, height: png.height, reported: [image.width, image.height] }).toEqual({ width: 1080, height: 1350, reported: [1080, 1350] });
    // The red band carries the district's name in white: white ink on red.
    expect(inkPixels(png, SHARE_COLORS.band, { x: 72, y: 70, width: 400, height: 80 })).toBeGreaterThan(1500);
    // The figures' row and the ranking: dark or red ink on the white (or panel grey) background.
    expect(inkPixels(png, SHARE_COLORS.panel, { x: 96, y: 540, width: 200, height: 80 })).toBeGreaterThan(800);
    expect(inkPixels(png, SHARE_COLORS.background, { x: 152, y: 840, width: 500, height: 50 })).toBeGreaterThan(1500);
    // …and the margins stay clean.
    expect(inkPixels(png, SHARE_COLORS.background, { x: 0, y: 320, width: 60, height: 1000 })).toBe(0);
    expect(image.png.byteLength).toBeLessThan(400_000);
  }, 60_000);

  it('draws CJK glyphs from the font, not boxes: two different names give different ink', async () => {
    const a = decodePng((await renderShareImage({ ...input, scope: '临江区' }, fontPath)).png);
    const b = decodePng((await renderShareImage({ ...input, scope: '望山区' }, fontPath)).png);
    const region = { x: 72, y: 70, width: 400, height: 80 };
    let differ = 0;
    for (let y = region.y; y < region.y + region.height; y += 1) for (let x = region.x; x < region.x + region.width; x += 1) if (a.rgba[(y * 1080 + x) * 4] !== b.rgba[(y * 1080 + x) * 4]) differ += 1;
    expect(differ).toBeGreaterThan(500);
  }, 60_000);

  it('the layout’s width estimate is never narrower than the real font’s ink (so a fitted line never overflows)', async () => {
    await renderShareImage(input, fontPath); // initialises the wasm once for this process
    const font = new Uint8Array(readFileSync(fontPath));
    for (const [text, size] of [
      ['临江区经济技术开发区管理委员会', 34],
      ['2026年11月 · 招商工作通报', 40],
      ['Yunfan Intelligent Technology Co., Ltd.', 34],
      ['1234567890%', 72],
      ['WWWWMMMM', 40],
    ] as const) {
      // The picture's own SVG for one line, its background rectangle taken out (innerBBox would measure that).
      const svg = shareImageSvg({ width: 1080, height: 200, background: '#ffffff', rects: [], texts: [{ text, x: 0, y: 120, size, bold: false, color: '#000000', anchor: 'start' }] }).replace(/^<rect [^\n]*\n/m, '');
      const r = new Resvg(svg, { font: { fontBuffers: [font], defaultFontFamily: SHARE_FONT_FAMILY } });
      const box = r.innerBBox();
      r.free();
      expect({ text, inkWider: (box?.width ?? 0) + (box?.x ?? 0) > textWidth(text, size) }).toEqual({ text, inkWider: false });
      expect(box?.width ?? 0).toBeGreaterThan(textWidth(text, size) * 0.6);
    }
  }, 60_000);

  it('escapes what a name may carry (XML markup, control characters) instead of breaking the picture', () => {
    const svg = shareImageSvg({ width: 10, height: 10, background: '#ffffff', rects: [], texts: [{ text: '<b>A&B"\u0001', x: 0, y: 5, size: 5, bold: false, color: '#000000', anchor: 'start' }] });
    expect(svg).toContain('&lt;b&gt;A&amp;B&quot;</text>');
  });

  it('finds resvg’s wasm where npm put it (the cloud bundle carries it beside index.js)', () => {
    expect(resvgWasmPath()).toMatch(/index_bg\.wasm$|resvg\.wasm$/);
    // initWasm refuses a second initialisation: renderShareImage initialises once per process.
    return expect(initWasm(readFileSync(resvgWasmPath()))).rejects.toThrow(/Already initialized/);
  });
});
