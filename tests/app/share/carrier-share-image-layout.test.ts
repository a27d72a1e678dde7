import type { CarrierShareImageContent } from '../../../domain/carrier/carrier-share-image.schema';
import { SHARE_IMAGE_SHAPES, SHARE_IMAGE_SIZES, type ShareImageShape } from '../../../domain/share/share-image.schema';
import { en } from '../../../src/i18n/en';
import { zh } from '../../../src/i18n/zh';
import { rectInside, rectsOverlap, type PosterLayout, type TextOp } from '../../../src/share/poster/poster-layout';
import { computeCarrierShareImageLayout } from '../../../src/share/share-image/carrier-share-image-layout';
import { fakeMeasure } from './poster-fixtures';

const typical = (over: Partial<CarrierShareImageContent> = {}): CarrierShareImageContent => ({
  lang: 'zh',
  name: '南岭工业坊',
  type: 'factory',
  street: '南岭街道',
  districtName: '云川市临江区（演示）',
  totalArea: 12000,
  vacantArea: 3000,
  hasVacancy: true,
  priceMin: 20,
  priceMax: 28,
  priceUnit: 'yuan_per_sqm_month',
  photo: '/assets/carriers/factory-0.svg',
  isDemo: true,
  ...over,
});

const extreme = (over: Partial<CarrierShareImageContent> = {}): CarrierShareImageContent =>
  typical({
    name: '云川市临江区国家级经济技术开发区智能制造产业园三期标准厂房及配套研发楼',
    street: '临江高新技术产业开发区金湾滨江街道',
    districtName: '云川市临江区国家级经济技术开发区暨综合保税区管理委员会（演示）',
    totalArea: 123456789,
    vacantArea: 98765432,
    priceMin: 12345.5,
    priceMax: 67890.25,
    ...over,
  });

const PHOTO = { width: 1200, height: 800 };
const texts = (layout: PosterLayout) => layout.ops.filter((o): o is TextOp => o.kind === 'text');
const shown = (layout: PosterLayout) => texts(layout).flatMap((t) => t.lines.map((l) => l.text));
const box = (layout: PosterLayout, id: string) => {
  const found = layout.ops.find((o) => o.id === id);
  if (!found) throw new Error(`no op ${id}`);
  return found.box;
};

/** Inside the image, every line measured to fit its box; the name block above the panel, the facts inside it. */
const expectFits = (layout: PosterLayout, shape: ShareImageShape) => {
  const size = SHARE_IMAGE_SIZES[shape];
  expect({ width: layout.width, height: layout.height }).toEqual(size);
  for (const o of layout.ops) expect({ id: o.id, inside: rectInside(o.box, { x: 0, y: 0, ...size }) }).toEqual({ id: o.id, inside: true });
  for (const t of texts(layout)) for (const line of t.lines) expect({ id: t.id, fits: fakeMeasure(line.text, t.font) <= t.box.width + 1e-6 }).toEqual({ id: t.id, fits: true });
  const panel = box(layout, 'panel');
  const above = ['district', 'demo', 'photo', 'carrier-name', 'carrier-type'].filter((id) => layout.ops.some((o) => o.id === id));
  for (const id of above) expect({ id, overlaps: rectsOverlap(box(layout, id), panel) }).toEqual({ id, overlaps: false });
  for (const [a, b] of [['district', 'photo'], ['photo', 'carrier-name'], ['carrier-name', 'carrier-type']]) {
    if (above.includes(a) && above.includes(b)) expect({ pair: `${a}/${b}`, overlaps: rectsOverlap(box(layout, a), box(layout, b)) }).toEqual({ pair: `${a}/${b}`, overlaps: false });
  }
  for (const id of ['vacant-value', 'vacant-label', 'total-value', 'total-label', 'price']) expect({ id, inside: rectInside(box(layout, id), panel) }).toEqual({ id, inside: true });
  expect(rectsOverlap(box(layout, 'vacant-value'), box(layout, 'total-value'))).toBe(false);
};

describe.each(SHARE_IMAGE_SHAPES)('the %s share image of a carrier', (shape) => {
  it('shows the district, the photo, name, type, street, vacancy, total area and price of a typical carrier, in Chinese', () => {
    const layout = computeCarrierShareImageLayout(typical(), shape, fakeMeasure, zh, PHOTO);
    expectFits(layout, shape);
    for (const s of ['云川市临江区（演示）', '演示数据', '南岭工业坊', '厂房 · 南岭街道', '3,000㎡', '可租售面积', '12,000㎡', '总面积', '参考价格 20–28 元/㎡·月']) expect(shown(layout)).toContain(s);
    expect(shown(layout).join('')).not.toContain('…');
    // The photo fills its rounded box (cropped, never stretched).
    const photo = layout.ops.find((o) => o.id === 'photo');
    expect(photo?.kind === 'image' && photo.dest).toEqual(box(layout, 'photo'));
    expect(photo?.kind === 'image' && photo.source.width / photo.source.height).toBeCloseTo(box(layout, 'photo').width / box(layout, 'photo').height, 5);
  });

  it('in English: the dictionary’s labels and English formats', () => {
    const layout = computeCarrierShareImageLayout(typical({ lang: 'en', name: 'Nanling Works', street: 'Nanling Subdistrict' }), shape, fakeMeasure, en, PHOTO);
    expectFits(layout, shape);
    for (const s of ['Nanling Works', `${en.typeFactory} · Nanling Subdistrict`, '3,000 m²', en.factAvailable, '12,000 m²', en.factTotal, en.demoTag]) expect(shown(layout)).toContain(s);
    expect(shown(layout).find((l) => l.startsWith(en.factPrice))).toContain('CNY/m²');
    // Nothing Chinese but the content itself (here: the district name has no English variant).
    expect(shown(layout).filter((l) => /[\u4e00-\u9fff]/.test(l))).toEqual(['云川市临江区（演示）']);
  });

  it('without a photo gives the name two lines; with no vacancy says so', () => {
    const layout = computeCarrierShareImageLayout(typical({ photo: null, hasVacancy: false, vacantArea: 0, isDemo: false }), shape, fakeMeasure, zh, null);
    expectFits(layout, shape);
    expect(layout.ops.map((o) => o.id).filter((id) => /^(photo|demo)/.test(id))).toEqual([]);
    expect(shown(layout)).toContain(zh.noVacancy);
    const name = layout.ops.find((o) => o.id === 'carrier-name') as TextOp;
    expect(name.box.height).toBe(name.lineHeight);
    const long = computeCarrierShareImageLayout(typical({ photo: null, name: extreme().name }), shape, fakeMeasure, zh, null);
    expect((long.ops.find((o) => o.id === 'carrier-name') as TextOp).lines).toHaveLength(2);
  });

  it('cuts very long content with «…» inside its boxes instead of running off the image', () => {
    for (const photo of [PHOTO, null]) {
      const layout = computeCarrierShareImageLayout(extreme(), shape, fakeMeasure, zh, photo);
      expectFits(layout, shape);
      expect(texts(layout).filter((t) => t.lines.some((l) => l.text.endsWith('…'))).map((t) => t.id)).toEqual(expect.arrayContaining(['district-text', 'carrier-name']));
    }
  });

  it('cuts a type line longer than the image (an English street) with «…»', () => {
    const layout = computeCarrierShareImageLayout(extreme({ lang: 'en', street: 'Jinwan Riverside Subdistrict of the Lingjiang High-Tech Industrial Development Zone' }), shape, fakeMeasure, en, PHOTO);
    expectFits(layout, shape);
    expect((layout.ops.find((o) => o.id === 'carrier-type') as TextOp).lines[0].text.endsWith('…')).toBe(true);
  });

  it('shares the card image’s brand gradient', () => {
    const background = computeCarrierShareImageLayout(typical(), shape, fakeMeasure, zh, null).ops[0];
    expect(background.kind === 'rect' && typeof background.fill === 'object' && background.fill.stops.map(([, c]) => c)).toEqual(['#8e1a1f', '#b3261e', '#c4452f']);
  });
});
