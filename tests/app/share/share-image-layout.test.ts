import { SHARE_IMAGE_SHAPES, SHARE_IMAGE_SIZES, type CardShareImageContent, type ShareImageShape } from '../../../domain/share/share-image.schema';
import { rectInside, rectsOverlap, type PosterLayout, type TextOp } from '../../../src/share/poster/poster-layout';
import { computeShareImageLayout } from '../../../src/share/share-image/share-image-layout';
import { fakeMeasure } from './poster-fixtures';

const typical = (over: Partial<CardShareImageContent> = {}): CardShareImageContent => ({
  districtName: '云川市临江区（演示）',
  slogan: '临江而立，投资正当时',
  personName: '林致远',
  personTitle: '临江区区长 · 招商专员',
  unitName: '临江区投资促进局',
  figures: [
    { value: '1,286 亿元', label: '地区生产总值' },
    { value: '112 万㎡', label: '可招商面积' },
  ],
  isDemo: true,
  ...over,
});

const extreme = (): CardShareImageContent =>
  typical({
    districtName: '云川市临江区国家级经济技术开发区暨综合保税区管理委员会（演示）',
    slogan: '临江而立，投资正当时；产业集聚，服务贴心，政策给力，欢迎各地企业家前来考察投资兴业共谋发展',
    personName: 'Alexandra Konstantinopoulou-Wang',
    personTitle: '临江区投资促进局党组书记、局长、一级调研员兼招商专员',
    unitName: '云川市临江区投资促进和对外经济合作服务中心',
    figures: [
      { value: '12,345,678 亿元', label: '地区生产总值（2025 年全年，按可比价格计算）' },
      { value: '1,234,567 万㎡', label: '可招商面积（含在建与规划）' },
    ],
  });

const texts = (layout: PosterLayout) => layout.ops.filter((o): o is TextOp => o.kind === 'text');
const op = (layout: PosterLayout, id: string) => {
  const found = layout.ops.find((o) => o.id === id);
  if (!found) throw new Error(`no op ${id}`);
  return found;
};

/** Inside the image, every line within its box and measured to fit it, blocks apart. */
const expectFits = (layout: PosterLayout, shape: ShareImageShape) => {
  const size = SHARE_IMAGE_SIZES[shape];
  expect({ width: layout.width, height: layout.height }).toEqual(size);
  const canvas = { x: 0, y: 0, ...size };
  for (const o of layout.ops) expect({ id: o.id, inside: rectInside(o.box, canvas) }).toEqual({ id: o.id, inside: true });
  for (const t of texts(layout)) {
    for (const line of t.lines) {
      expect({ id: t.id, fits: fakeMeasure(line.text, t.font) <= t.box.width + 1e-6 }).toEqual({ id: t.id, fits: true });
      expect(line.y - t.lineHeight / 2).toBeGreaterThanOrEqual(t.box.y - 1e-6);
      expect(line.y + t.lineHeight / 2).toBeLessThanOrEqual(t.box.y + t.box.height + 1e-6);
    }
  }
  const panel = op(layout, 'panel').box;
  // The district block stays above the white panel; the person and the figures inside it.
  for (const id of ['district-name', 'slogan', 'eyebrow']) {
    const found = layout.ops.find((o) => o.id === id);
    if (found) expect({ id, overlaps: rectsOverlap(found.box, panel) }).toEqual({ id, overlaps: false });
  }
  for (const t of texts(layout).filter((x) => x.id.startsWith('person-') || x.id.startsWith('figure-'))) expect({ id: t.id, inside: rectInside(t.box, panel) }).toEqual({ id: t.id, inside: true });
  const person = texts(layout).filter((x) => x.id.startsWith('person-'));
  const figures = texts(layout).filter((x) => x.id.startsWith('figure-'));
  for (const p of person) for (const f of figures) expect({ pair: `${p.id}/${f.id}`, overlaps: rectsOverlap(p.box, f.box) }).toEqual({ pair: `${p.id}/${f.id}`, overlaps: false });
  const [a, b] = figures.filter((x) => x.id.endsWith('-value'));
  if (a && b) expect(rectsOverlap(a.box, b.box)).toBe(false);
};

describe.each(SHARE_IMAGE_SHAPES)('the %s share image', (shape) => {
  it('shows the district, the person and the figures of a typical card in full', () => {
    const layout = computeShareImageLayout(typical(), shape, fakeMeasure);
    expectFits(layout, shape);
    const shown = texts(layout).flatMap((t) => t.lines.map((l) => l.text));
    for (const s of ['招商名片', '演示数据', '云川市临江区（演示）', '临江而立，投资正当时', '林致远', '1,286 亿元', '地区生产总值', '112 万㎡']) expect(shown).toContain(s);
    expect(shown.join('')).not.toContain('…');
  });

  it('cuts very long content with «…» inside its boxes instead of running off the image', () => {
    const layout = computeShareImageLayout(extreme(), shape, fakeMeasure);
    expectFits(layout, shape);
    expect(texts(layout).some((t) => t.lines.some((l) => l.text.endsWith('…')))).toBe(true);
  });

  it('leaves out what is absent: no demo mark, no slogan, no figures', () => {
    const layout = computeShareImageLayout(typical({ isDemo: false, slogan: '', figures: [] }), shape, fakeMeasure);
    expectFits(layout, shape);
    expect(layout.ops.map((o) => o.id).filter((id) => /^(demo|slogan|figure-)/.test(id))).toEqual([]);
  });

  it('paints the brand gradient and panel from the design tokens', () => {
    const layout = computeShareImageLayout(typical(), shape, fakeMeasure);
    const background = op(layout, 'background');
    expect(background.kind === 'rect' && typeof background.fill === 'object' && background.fill.stops.map(([, c]) => c)).toEqual(['#8e1a1f', '#b3261e', '#c4452f']);
  });
});
