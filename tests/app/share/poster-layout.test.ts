import {
  computePosterLayout,
  fitImage,
  POSTER_HEIGHT,
  POSTER_WIDTH,
  rectInside,
  rectsOverlap,
  type ImageOp,
  type PosterLayout,
  type PosterOp,
  type Rect,
  type RectOp,
  type TextOp,
} from '../../../src/share/poster/poster-layout';
import { aPosterContent, anExtremePosterContent, fakeMeasure } from './poster-fixtures';

const CANVAS: Rect = { x: 0, y: 0, width: POSTER_WIDTH, height: POSTER_HEIGHT };
const SQUARE_CODE = { width: 360, height: 360 };

const op = <T extends PosterOp>(layout: PosterLayout, id: string): T => {
  const found = layout.ops.find((o) => o.id === id);
  if (!found) throw new Error(`no op ${id}`);
  return found as T;
};
const maybeOp = (layout: PosterLayout, id: string) => layout.ops.find((o) => o.id === id);
const texts = (layout: PosterLayout) => layout.ops.filter((o): o is TextOp => o.kind === 'text');
const allText = (layout: PosterLayout) =>
  texts(layout)
    .flatMap((t) => t.lines.map((l) => l.text))
    .join('|');

/** Every block inside the canvas; every text line fits its box and sits inside it vertically. */
const expectWellFormed = (layout: PosterLayout) => {
  expect(layout.width).toBe(POSTER_WIDTH);
  expect(layout.height).toBe(POSTER_HEIGHT);
  for (const o of layout.ops) {
    expect({ id: o.id, inside: rectInside(o.box, CANVAS) }).toEqual({ id: o.id, inside: true });
    if (o.kind === 'text') {
      expect(o.lines.length).toBeGreaterThan(0);
      for (const line of o.lines) {
        expect(fakeMeasure(line.text, o.font)).toBeLessThanOrEqual(o.box.width + 1e-6);
        expect(line.y - o.lineHeight / 2).toBeGreaterThanOrEqual(o.box.y - 1e-6);
        expect(line.y + o.lineHeight / 2).toBeLessThanOrEqual(o.box.y + o.box.height + 1e-6);
        expect(o.font.size).toBeLessThanOrEqual(o.lineHeight);
      }
    }
    if (o.kind === 'image') {
      expect(rectInside(o.dest, o.box)).toBe(true);
    }
  }
  // The three panels follow one another without overlapping.
  const card = op<RectOp>(layout, 'person-card').box;
  const code = op<RectOp>(layout, 'code-panel').box;
  const keys = maybeOp(layout, 'key-lines')?.box;
  expect(rectsOverlap(card, code)).toBe(false);
  expect(card.y + card.height).toBeLessThan(code.y);
  if (keys) {
    expect(rectsOverlap(card, keys)).toBe(false);
    expect(rectsOverlap(keys, code)).toBe(false);
    expect(keys.y).toBeGreaterThan(card.y + card.height);
  }
};

/** Text and images that belong to a panel stay inside it. */
const expectInside = (layout: PosterLayout, panelId: string, ids: string[]) => {
  const panel = op(layout, panelId).box;
  for (const id of ids) {
    const inner = maybeOp(layout, id);
    if (inner) expect({ id, inside: rectInside(inner.box, panel) }).toEqual({ id, inside: true });
  }
};

describe('computePosterLayout', () => {
  it('lays out a typical card with every block inside the 750×1334 canvas and nothing left out', () => {
    const layout = computePosterLayout(aPosterContent(), { photo: { width: 400, height: 400 }, code: SQUARE_CODE }, fakeMeasure);
    expectWellFormed(layout);
    expect(layout.degradeLevel).toBe(0);
    expect(op<TextOp>(layout, 'district-name').lines.map((l) => l.text)).toEqual(['云川市临江区（演示）']);
    expect(op<TextOp>(layout, 'slogan').lines.map((l) => l.text)).toEqual(['临江而立，投资正当时']);
    expect(op<TextOp>(layout, 'person-name').lines[0].text).toBe('林致远');
    expect(op<TextOp>(layout, 'greeting').lines.join('')).not.toContain('…');
    expect(allText(layout)).toContain('数字经济');
    expect(allText(layout)).toContain('1,286 亿元');
    expect(allText(layout)).toContain('1 个工作日内回复咨询');
    expect(allText(layout)).toContain('云川市临江区（演示） · 招商名片');
    expectInside(layout, 'person-card', ['photo', 'person-name', 'person-title', 'person-unit', 'greeting', 'greeting-bg']);
    expectInside(layout, 'key-lines', ['industries-label', 'industry-0', 'industry-2', 'figure-0-bg', 'figure-1-value', 'figure-1-label']);
    expectInside(layout, 'code-panel', ['code', 'code-title', 'code-hint', 'promise']);
  });

  it('draws the blocks in reading order: background, hero, card, key lines, code, footer', () => {
    const layout = computePosterLayout(aPosterContent(), { photo: null, code: SQUARE_CODE }, fakeMeasure);
    const index = (id: string) => layout.ops.findIndex((o) => o.id === id);
    expect(index('page')).toBe(0);
    expect(index('hero')).toBe(1);
    expect(index('district-name')).toBeLessThan(index('person-card'));
    expect(index('person-card')).toBeLessThan(index('person-name'));
    expect(index('person-card')).toBeLessThan(index('key-lines'));
    expect(index('key-lines')).toBeLessThan(index('code-panel'));
    expect(layout.ops[layout.ops.length - 1].id).toBe('footer');
    const ys = ['district-name', 'person-name', 'industries-label', 'code-title', 'footer'].map((id) => op(layout, id).box.y);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
  });

  it('keeps everything inside the canvas with extreme content, wrapping, cutting with ellipses and dropping optional parts', () => {
    const layout = computePosterLayout(anExtremePosterContent(), { photo: { width: 300, height: 900 }, code: SQUARE_CODE }, fakeMeasure);
    expectWellFormed(layout);
    expect(layout.degradeLevel).toBeGreaterThan(0);
    const name = op<TextOp>(layout, 'district-name');
    expect(name.lines.length).toBeLessThanOrEqual(2);
    expect(name.lines[name.lines.length - 1].text.endsWith('…')).toBe(true);
    expect(op<TextOp>(layout, 'person-name').lines).toHaveLength(1);
    expect(op<TextOp>(layout, 'person-name').lines[0].text.endsWith('…')).toBe(true);
    expect(op<TextOp>(layout, 'person-title').lines.length).toBeLessThanOrEqual(2);
    expectInside(layout, 'person-card', ['photo', 'person-name', 'person-title', 'person-unit', 'greeting']);
    expectInside(layout, 'code-panel', ['code', 'code-title', 'code-hint', 'promise']);
    // At most two figures and two rows of industries, even when more are given.
    expect(maybeOp(layout, 'figure-2-bg')).toBeUndefined();
  });

  it('never overflows whatever mix of long and missing parts it gets', () => {
    const long = anExtremePosterContent();
    const variants = [
      aPosterContent({ greeting: '' }),
      aPosterContent({ industries: [], figures: [] }),
      aPosterContent({ slogan: '' }),
      aPosterContent({ person: { name: '李', title: '', unitName: '' } }),
      aPosterContent({ greeting: long.greeting, industries: long.industries }),
      aPosterContent({ districtName: long.districtName, slogan: long.slogan, figures: long.figures }),
      aPosterContent({ person: long.person, greeting: long.greeting }),
      aPosterContent({ responseNote: null, codeKind: 'wxacode' }),
      { ...long, isDemo: false, responseNote: null },
      aPosterContent({ industries: Array.from({ length: 30 }, (_, i) => `产业方向${i}`) }),
    ];
    for (const content of variants) {
      for (const photo of [null, { width: 1, height: 1000 }, { width: 1000, height: 1 }]) {
        expectWellFormed(computePosterLayout(content, { photo, code: { width: 430, height: 500 } }, fakeMeasure));
      }
    }
  });

  it('steps down greeting lines and industry rows before leaving out figures', () => {
    const content = aPosterContent({ greeting: anExtremePosterContent().greeting, industries: anExtremePosterContent().industries });
    const layout = computePosterLayout(content, { photo: null, code: SQUARE_CODE }, fakeMeasure);
    expectWellFormed(layout);
    expect(op<TextOp>(layout, 'greeting').lines.length).toBeGreaterThanOrEqual(1);
    expect(maybeOp(layout, 'figure-0-bg')).toBeDefined();
  });

  it('draws the photo cropped into a circle, or the first character of the name without one', () => {
    const withPhoto = computePosterLayout(aPosterContent(), { photo: { width: 600, height: 800 }, code: SQUARE_CODE }, fakeMeasure);
    const photo = op<ImageOp>(withPhoto, 'photo');
    expect(photo.clip).toBe('circle');
    expect(photo.dest).toEqual(photo.box);
    expect(photo.source).toEqual({ x: 0, y: 100, width: 600, height: 600 });
    expect(maybeOp(withPhoto, 'photo-initial')).toBeUndefined();

    const without = computePosterLayout(aPosterContent(), { photo: null, code: SQUARE_CODE }, fakeMeasure);
    expect(maybeOp(without, 'photo')).toBeUndefined();
    const initial = op<TextOp>(without, 'photo-initial');
    expect(initial.lines).toEqual([{ text: '林', x: initial.box.x + initial.box.width / 2, y: initial.box.y + initial.box.height / 2 }]);
    expect(initial.align).toBe('center');
  });

  it('fits the code whole (contain) and labels it by kind', () => {
    const layout = computePosterLayout(aPosterContent({ codeKind: 'wxacode' }), { photo: null, code: { width: 280, height: 320 } }, fakeMeasure);
    const code = op<ImageOp>(layout, 'code');
    expect(code.source).toEqual({ x: 0, y: 0, width: 280, height: 320 });
    expect(code.dest.height).toBe(code.box.height);
    expect(code.dest.width).toBeCloseTo((code.box.height * 280) / 320);
    expect(op<TextOp>(layout, 'code-title').lines[0].text).toBe('长按识别小程序码');
    const url = computePosterLayout(aPosterContent({ codeKind: 'url' }), { photo: null, code: SQUARE_CODE }, fakeMeasure);
    expect(op<TextOp>(url, 'code-title').lines[0].text).toBe('扫码打开招商名片');
    expect(op<ImageOp>(url, 'code').box.width).toBeGreaterThanOrEqual(180);
  });

  it('marks demo districts and leaves out what a card does not have', () => {
    const demo = computePosterLayout(aPosterContent(), { photo: null, code: SQUARE_CODE }, fakeMeasure);
    expect(allText(demo)).toContain('演示数据');
    const plain = computePosterLayout(aPosterContent({ isDemo: false, greeting: ' ', industries: [], figures: [], responseNote: null }), { photo: null, code: SQUARE_CODE }, fakeMeasure);
    expectWellFormed(plain);
    expect(allText(plain)).not.toContain('演示数据');
    for (const id of ['greeting', 'key-lines', 'industries-label', 'figure-0-bg', 'promise']) expect(maybeOp(plain, id)).toBeUndefined();
  });

  it('is deterministic', () => {
    const a = computePosterLayout(aPosterContent(), { photo: { width: 10, height: 10 }, code: SQUARE_CODE }, fakeMeasure);
    const b = computePosterLayout(aPosterContent(), { photo: { width: 10, height: 10 }, code: SQUARE_CODE }, fakeMeasure);
    expect(a).toEqual(b);
  });
});

describe('fitImage', () => {
  const box = { x: 10, y: 20, width: 100, height: 100 };

  it('cover crops the centre of a wide or tall image and fills the box', () => {
    expect(fitImage({ width: 400, height: 200 }, box, 'cover')).toEqual({ source: { x: 100, y: 0, width: 200, height: 200 }, dest: box });
    expect(fitImage({ width: 200, height: 400 }, box, 'cover')).toEqual({ source: { x: 0, y: 100, width: 200, height: 200 }, dest: box });
  });

  it('contain shows the whole image centred in the box', () => {
    expect(fitImage({ width: 400, height: 200 }, box, 'contain')).toEqual({ source: { x: 0, y: 0, width: 400, height: 200 }, dest: { x: 10, y: 45, width: 100, height: 50 } });
    expect(fitImage({ width: 200, height: 400 }, box, 'contain')).toEqual({ source: { x: 0, y: 0, width: 200, height: 400 }, dest: { x: 35, y: 20, width: 50, height: 100 } });
  });

  it('keeps the aspect ratio, stays inside image and box, and centres, for any sizes', () => {
    const sizes = [1, 3, 50, 199, 200, 201, 1280, 4000];
    const boxes: Rect[] = [box, { x: 0, y: 0, width: 300, height: 120 }, { x: 5.5, y: 7.25, width: 33, height: 270 }];
    for (const b of boxes) {
      for (const width of sizes) {
        for (const height of sizes) {
          const image = { width, height };
          const cover = fitImage(image, b, 'cover');
          expect(cover.dest).toEqual(b);
          expect(rectInside(cover.source, { x: 0, y: 0, ...image })).toBe(true);
          expect(cover.source.width / cover.source.height).toBeCloseTo(b.width / b.height, 6);
          expect(cover.source.x * 2 + cover.source.width).toBeCloseTo(width, 6);
          expect(cover.source.y * 2 + cover.source.height).toBeCloseTo(height, 6);

          const contain = fitImage(image, b, 'contain');
          expect(contain.source).toEqual({ x: 0, y: 0, ...image });
          expect(rectInside(contain.dest, b)).toBe(true);
          expect(contain.dest.width / contain.dest.height).toBeCloseTo(width / height, 6);
          const touchesSides = Math.abs(contain.dest.width - b.width) < 1e-6 || Math.abs(contain.dest.height - b.height) < 1e-6;
          expect(touchesSides).toBe(true);
          expect(contain.dest.x - b.x).toBeCloseTo(b.x + b.width - (contain.dest.x + contain.dest.width), 6);
          expect(contain.dest.y - b.y).toBeCloseTo(b.y + b.height - (contain.dest.y + contain.dest.height), 6);
        }
      }
    }
  });

  it('draws nothing for a broken image or an empty box', () => {
    expect(fitImage({ width: 0, height: 100 }, box, 'cover').dest.width).toBe(0);
    expect(fitImage({ width: 100, height: 100 }, { ...box, height: 0 }, 'contain').dest.width).toBe(0);
  });
});
