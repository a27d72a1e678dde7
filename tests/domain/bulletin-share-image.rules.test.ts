import type { BulletinContent } from '../../domain/report/bulletin-content.rules';
import { cityShareInput, districtShareInput, fitLine, fitSize, SHARE_IMAGE, shareImageLayout, textWidth, wrapLines, type ShareImageLayout } from '../../domain/report/bulletin-share-image.rules';
import type { DashboardFigures } from '../../domain/report/dashboard.rules';

const figures = (inquiries: number, promisesKeptPct: number | null, confirmedLanded = 0): DashboardFigures => ({
  inquiries,
  byUnit: [],
  byChannel: [],
  byIndustry: [],
  byOrigin: [],
  funnel: [],
  invalid: 0,
  responded: 0,
  respondedInTime: 0,
  promisesKeptPct,
  responseMedianMinutes: null,
  responseP90Minutes: null,
  confirmedSigned: 2,
  confirmedLanded,
});

const content = (over: Partial<BulletinContent> = {}): BulletinContent => ({
  title: '临江区 2026年11月招商工作通报',
  districtName: '临江区',
  monthLabel: '2026年11月',
  previousLabel: '2026年10月',
  figures: figures(128, 87, 1),
  previousFigures: figures(97, 80),
  ranking: [
    { rank: 1, name: '临江区投资促进局', score: 42.5 },
    { rank: 2, name: '临江区科学技术局', score: 30 },
    { rank: 3, name: '滨江街道', score: 12 },
  ],
  rankingStatus: { locked: false, asOf: '2026-11-30T23:30:00.000Z', lockAt: '2026-12-07T16:00:00.000Z' },
  signedProjects: [
    { company: '云帆智能科技有限公司', unitName: '临江区投资促进局', investmentWan: 35_000, date: '2026-11-10' },
    { company: '青禾生物医药', unitName: '临江区科学技术局', investmentWan: null, date: '2026-11-20' },
  ],
  ...over,
});

/** Every line inside the picture's margins (by the same conservative width estimate the layout fits by) and no two lines' boxes overlapping. */
const expectFits = (layout: ShareImageLayout) => {
  const { width, height, margin } = SHARE_IMAGE;
  expect({ width: layout.width, height: layout.height }).toEqual({ width: 1080, height: 1350 });
  for (const t of layout.texts) {
    const w = textWidth(t.text, t.size);
    const left = t.anchor === 'start' ? t.x : t.x - w;
    const right = t.anchor === 'start' ? t.x + w : t.x;
    expect({ text: t.text, inside: left >= margin - 0.01 && right <= width - margin + 0.01 && t.y - t.size >= 0 && t.y + t.size * 0.25 <= height }).toEqual({ text: t.text, inside: true });
  }
  for (const a of layout.texts)
    for (const b of layout.texts) {
      // A line's ink runs from about 0.9 em above its baseline to 0.15 em below.
      if (a === b || a.y + a.size * 0.15 <= b.y - b.size * 0.9 || b.y + b.size * 0.15 <= a.y - a.size * 0.9) continue;
      const span = (t: typeof a) => (t.anchor === 'start' ? [t.x, t.x + textWidth(t.text, t.size)] : [t.x - textWidth(t.text, t.size), t.x]);
      const [a0, a1] = span(a);
      const [b0, b1] = span(b);
      expect({ a: a.text, b: b.text, overlap: a0 < b1 && b0 < a1 }).toEqual({ a: a.text, b: b.text, overlap: false });
    }
};

describe('bulletin share image layout', () => {
  it('says the district, the month, the headline figures, the top of the ranking and the signed projects count', () => {
    const layout = shareImageLayout(districtShareInput(content()));
    const texts = layout.texts.map((t) => t.text);
    expect(texts).toEqual(
      expect.arrayContaining(['临江区', '2026年11月 · 招商工作通报', '临江区 2026年11月招商工作通报', '128', '招商咨询（条）', '87%', '按时回复率', '1', '确认落地（个）', '擂台赛排名（实时）', '临江区投资促进局', '42.5 分', '本月确认签约项目 2 个']),
    );
    expectFits(layout);
  });

  it('a locked board says so; no promise data shows a dash; an empty board says there is no ranking', () => {
    const input = districtShareInput(content({ ranking: [], figures: figures(0, null), rankingStatus: { locked: true, asOf: '2026-12-08T00:30:00.000Z', lockAt: '2026-12-07T16:00:00.000Z' } }));
    const texts = shareImageLayout(input).texts.map((t) => t.text);
    expect(texts).toEqual(expect.arrayContaining(['擂台赛排名（已锁定）', '—', '本月暂无排名']));
  });

  it('shows the top five of a longer board', () => {
    const ranking = Array.from({ length: 9 }, (_, i) => ({ rank: i + 1, name: `第${i + 1}单位`, score: 100 - i }));
    const texts = shareImageLayout(districtShareInput(content({ ranking }))).texts.map((t) => t.text);
    expect(texts.filter((t) => /^第\d单位$/.test(t))).toEqual(['第1单位', '第2单位', '第3单位', '第4单位', '第5单位']);
  });

  it('cuts long names with «…» and wraps a long title onto two lines, still inside the picture', () => {
    const long = '临江区经济技术开发区管理委员会招商服务中心（临江区投资促进局驻长三角办事处）';
    const input = districtShareInput(
      content({
        districtName: '临江区经济技术开发区管理委员会招商服务中心',
        title: `${long} 2026年11月招商工作通报`,
        ranking: [{ rank: 1, name: long, score: 123_456.5 }],
        figures: figures(1_234_567, 100, 987_654),
      }),
    );
    const layout = shareImageLayout(input);
    expectFits(layout);
    const texts = layout.texts.map((t) => t.text);
    const rankLine = texts.find((t) => t.startsWith('临江区经济') && t.endsWith('…') && layout.texts.find((l) => l.text === t)?.size === 34);
    expect(rankLine).toBeDefined();
    expect(texts).toContain('123456.5 分');
    // A big figure shrinks to fit its panel rather than lose digits.
    const big = layout.texts.find((t) => t.text === '1234567');
    expect(big?.size).toBeLessThan(72);
    expect(big?.size).toBeGreaterThanOrEqual(36);
    const titleLines = layout.texts.filter((t) => t.size === 44);
    expect(titleLines).toHaveLength(2);
    expect(titleLines[1]?.text.endsWith('…')).toBe(true);
    // The first title line is the title's start, unbroken.
    expect(`${long} 2026年11月招商工作通报`.startsWith(titleLines[0]?.text ?? 'x')).toBe(true);
  });

  it('fitLine and wrapLines: whole when it fits, cut at the width otherwise; Latin words stay whole where a space allows', () => {
    expect(fitLine('临江区', 40, 200)).toBe('临江区');
    expect(fitLine('临江区投资促进局', 40, 200)).toBe('临江区投…');
    expect(textWidth(fitLine('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 30, 300), 30)).toBeLessThanOrEqual(300);
    expect(wrapLines('Yunfan Intelligent Technology', 40, 480, 3)).toEqual(['Yunfan Intelligent', 'Technology']);
    expect(wrapLines('一二三四五六七八九十', 40, 160, 2)).toEqual(['一二三四', '五六七…']);
    expect(wrapLines('', 40, 160, 2)).toEqual([]);
    expect(fitSize('128', 72, 248, 36)).toBe(72);
    expect(textWidth('1234567', fitSize('1234567', 72, 248, 36))).toBeLessThanOrEqual(248);
  });

  it('the city’s picture: its totals and its districts by inquiries', () => {
    const input = cityShareInput({
      title: '2026年11月全市招商工作通报',
      monthLabel: '2026年11月',
      previousLabel: '2026年10月',
      districts: [
        { districtName: '望山区', inquiries: 1, previousInquiries: 0, promisesKeptPct: 0, confirmedSigned: 0, confirmedLanded: 0, leadingUnit: null },
        { districtName: '临江区', inquiries: 2, previousInquiries: 0, promisesKeptPct: 50, confirmedSigned: 1, confirmedLanded: 0, leadingUnit: '临江区投资促进局' },
      ],
    });
    const layout = shareImageLayout(input);
    expectFits(layout);
    const texts = layout.texts.map((t) => t.text);
    expect(texts).toEqual(expect.arrayContaining(['全市', '各区县咨询', '3', '本月全市确认签约项目 1 个']));
    expect(texts.indexOf('临江区')).toBeLessThan(texts.indexOf('望山区'));
  });
});
