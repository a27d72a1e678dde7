import { COLOR } from '../../styles/tokens';
import { fitImage, type Rect, type Size } from './image-fit';
import { POSTER_LABELS } from './poster-labels';
import { wrapText } from './text-wrap';

export { fitImage, rectInside, rectsOverlap, type FitMode, type ImagePlacement, type Rect, type Size } from './image-fit';
export { tokenize, withEllipsis, wrapText, type MeasureText, type WrapOptions, type WrapResult } from './text-wrap';

/**
 * The card poster as pure data: given the content, the intrinsic sizes of its images and a text measure, it
 * returns every drawing operation with its position at a fixed design size. The canvas code only executes
 * the operations (poster-draw.ts), so every position here is unit-tested without a canvas.
 */

export const POSTER_WIDTH = 750;
export const POSTER_HEIGHT = 1334;
export const POSTER_FONT_FAMILY = "'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif";

export interface PosterFont {
  size: number;
  weight: 400 | 600;
}

/** Width of `text` in `font`, in design pixels. */
export type PosterMeasure = (text: string, font: PosterFont) => number;

export const fontString = (font: PosterFont): string => `${font.weight === 600 ? 'bold' : 'normal'} ${font.size}px ${POSTER_FONT_FAMILY}`;

export interface PosterContent {
  districtName: string;
  slogan: string;
  isDemo: boolean;
  person: { name: string; title: string; unitName: string };
  greeting: string;
  /** The card's featured industries (the district's when the owner chose none). */
  industries: readonly string[];
  /** The district's headline figures; the first two are shown. */
  figures: readonly { label: string; value: string }[];
  /** e.g. "1 个工作日内回复咨询"; null leaves it out. */
  responseNote: string | null;
  /** A mini-program code is "长按识别"; a plain QR of the web link is "扫码打开". */
  codeKind: 'wxacode' | 'url';
  /** The language of the poster's own words (the card's content comes already in it); Chinese when absent. */
  lang?: 'zh' | 'en';
}

export interface PosterImageSizes {
  /** Null: no photo, or it failed to load: the name's first character is drawn instead. */
  photo: Size | null;
  code: Size;
}

export interface LinearGradient {
  type: 'linear';
  from: { x: number; y: number };
  to: { x: number; y: number };
  stops: readonly (readonly [number, string])[];
}

export type Paint = string | LinearGradient;

export interface Shadow {
  color: string;
  blur: number;
  offsetY: number;
}

export interface RectOp {
  kind: 'rect';
  id: string;
  box: Rect;
  radius: number;
  fill: Paint;
  stroke?: { color: string; width: number };
  shadow?: Shadow;
}

export interface TextLine {
  text: string;
  /** Anchor: left edge, centre or right edge depending on `align`. */
  x: number;
  /** Vertical middle of the line (drawn with textBaseline 'middle'). */
  y: number;
}

export interface TextOp {
  kind: 'text';
  id: string;
  /** The area the lines may occupy: every line's measured width fits `box.width`. */
  box: Rect;
  font: PosterFont;
  color: string;
  align: 'left' | 'center' | 'right';
  lineHeight: number;
  lines: TextLine[];
}

export interface ImageOp {
  kind: 'image';
  id: 'photo' | 'code';
  box: Rect;
  source: Rect;
  dest: Rect;
  /** Clip to a circle (avatar) or a rounded rectangle of `radius`. */
  clip: 'circle' | 'rounded';
  radius: number;
}

export type PosterOp = RectOp | TextOp | ImageOp;

export interface PosterLayout {
  width: number;
  height: number;
  ops: PosterOp[];
  /** How much optional content was left out to fit the page (0 = everything); for tests and diagnostics. */
  degradeLevel: number;
}

/** How much of each optional part to show; the layout steps down these until the page fits. */
interface Budget {
  nameLines: number;
  sloganLines: number;
  titleLines: number;
  greetingLines: number;
  pillRows: number;
  figures: number;
}

const BUDGETS: readonly Budget[] = [
  { nameLines: 2, sloganLines: 2, titleLines: 2, greetingLines: 3, pillRows: 2, figures: 2 },
  { nameLines: 2, sloganLines: 2, titleLines: 2, greetingLines: 2, pillRows: 2, figures: 2 },
  { nameLines: 2, sloganLines: 2, titleLines: 2, greetingLines: 2, pillRows: 1, figures: 2 },
  { nameLines: 2, sloganLines: 1, titleLines: 1, greetingLines: 2, pillRows: 1, figures: 2 },
  { nameLines: 1, sloganLines: 1, titleLines: 1, greetingLines: 1, pillRows: 1, figures: 2 },
  { nameLines: 1, sloganLines: 1, titleLines: 1, greetingLines: 1, pillRows: 1, figures: 0 },
  { nameLines: 1, sloganLines: 1, titleLines: 1, greetingLines: 0, pillRows: 1, figures: 0 },
  { nameLines: 1, sloganLines: 1, titleLines: 1, greetingLines: 0, pillRows: 0, figures: 0 },
];

/** The poster's palette, from the design tokens (the canvas takes colour values, not CSS variables). */
const COLORS = {
  page: COLOR.paper,
  heroFrom: COLOR.brandStrong,
  heroMid: COLOR.brand,
  heroTo: COLOR.brandGlow,
  gold: COLOR.goldAccent,
  goldText: COLOR.goldLight,
  slogan: COLOR.goldPale,
  white: COLOR.surface,
  ink: COLOR.text,
  body: COLOR.textSecondary,
  // Unit, labels, hints and the footer: the tertiary text grey that reads 4.5:1 (was #86909c, 3.2:1).
  muted: COLOR.textTertiary,
  accent: COLOR.brandStrong,
  accentSoft: COLOR.brandSoft,
  warm: COLOR.surfaceWarm,
  avatarBg: COLOR.goldSoft,
  avatarText: COLOR.goldLight,
  cardShadow: COLOR.shadow,
};

const MARGIN = 40;
const CARD_PADDING = 36;
const CONTENT_LEFT = MARGIN + CARD_PADDING;
const CONTENT_WIDTH = POSTER_WIDTH - 2 * CONTENT_LEFT;
const HERO_LEFT = 56;
const HERO_WIDTH = POSTER_WIDTH - 2 * HERO_LEFT;
const CARD_OVERLAP = 64;

const FONTS = {
  eyebrow: { size: 22, weight: 400 },
  demo: { size: 20, weight: 400 },
  district: { size: 52, weight: 600 },
  slogan: { size: 30, weight: 400 },
  name: { size: 40, weight: 600 },
  title: { size: 26, weight: 400 },
  unit: { size: 24, weight: 400 },
  greeting: { size: 26, weight: 400 },
  initial: { size: 52, weight: 600 },
  label: { size: 24, weight: 400 },
  pill: { size: 24, weight: 400 },
  figureValue: { size: 38, weight: 600 },
  figureLabel: { size: 22, weight: 400 },
  codeTitle: { size: 30, weight: 600 },
  codeHint: { size: 23, weight: 400 },
  promise: { size: 21, weight: 400 },
  footer: { size: 21, weight: 400 },
} satisfies Record<string, PosterFont>;

const LINE = {
  district: 66,
  slogan: 44,
  name: 56,
  title: 38,
  unit: 36,
  greeting: 42,
  label: 34,
  figureValue: 48,
  figureLabel: 30,
  codeTitle: 44,
  codeHint: 34,
};

/** The fixed bottom: a white panel with the code, and the footer line under it. */
const FOOTER_Y = POSTER_HEIGHT - 40;
const CODE_PANEL_HEIGHT = 236;
const CODE_PANEL_TOP = POSTER_HEIGHT - 76 - CODE_PANEL_HEIGHT;
const CODE_SIZE = 180;
const PHOTO_SIZE = 120;
const SECTION_GAP = 28;

interface Flow {
  ops: PosterOp[];
  /** First y below everything laid out so far. */
  bottom: number;
}

const textOp = (
  id: string,
  text: string,
  measure: PosterMeasure,
  at: { x: number; y: number; width: number; maxLines: number },
  style: { font: PosterFont; color: string; lineHeight: number; align?: TextOp['align'] },
): TextOp => {
  const { lines } = wrapText(text, (s) => measure(s, style.font), { maxWidth: at.width, maxLines: at.maxLines });
  const align = style.align ?? 'left';
  const anchorX = align === 'left' ? at.x : align === 'center' ? at.x + at.width / 2 : at.x + at.width;
  return {
    kind: 'text',
    id,
    box: { x: at.x, y: at.y, width: at.width, height: lines.length * style.lineHeight },
    font: style.font,
    color: style.color,
    align,
    lineHeight: style.lineHeight,
    lines: lines.map((line, i) => ({ text: line, x: anchorX, y: at.y + i * style.lineHeight + style.lineHeight / 2 })),
  };
};

/** A one-line label inside a rounded pill, sized to its text. */
const pill = (id: string, text: string, measure: PosterMeasure, at: { x: number; y: number; maxWidth: number }, style: { font: PosterFont; height: number; padX: number; fill: string; color: string; stroke?: RectOp['stroke'] }): [RectOp, TextOp] => {
  const inner = Math.max(0, at.maxWidth - 2 * style.padX);
  const label = textOp(`${id}-text`, text, measure, { x: at.x + style.padX, y: at.y, width: inner, maxLines: 1 }, { font: style.font, color: style.color, lineHeight: style.height });
  const textWidth = Math.min(inner, measure(label.lines[0]?.text ?? '', style.font));
  const box = { x: at.x, y: at.y, width: textWidth + 2 * style.padX, height: style.height };
  label.box = { ...label.box, width: textWidth };
  return [{ kind: 'rect', id, box, radius: style.height / 2, fill: style.fill, ...(style.stroke ? { stroke: style.stroke } : {}) }, label];
};

/** Rows of pills (industries), left to right, wrapping; pills that do not fit in `maxRows` are left out. */
const pillRows = (texts: readonly string[], measure: PosterMeasure, at: { x: number; y: number; width: number; maxRows: number }): { ops: PosterOp[]; height: number } => {
  const height = 48;
  const gap = 14;
  const ops: PosterOp[] = [];
  let row = 0;
  let x = at.x;
  let used = 0;
  for (const [i, text] of texts.entries()) {
    const natural = measure(text, FONTS.pill) + 2 * 22;
    const width = Math.min(natural, at.width);
    if (x > at.x && x + width > at.x + at.width) {
      row += 1;
      x = at.x;
    }
    if (row >= at.maxRows) break;
    const y = at.y + row * (height + gap);
    ops.push(...pill(`industry-${i}`, text, measure, { x, y, maxWidth: width }, { font: FONTS.pill, height, padX: 22, fill: COLORS.accentSoft, color: COLORS.accent }));
    x += width + gap;
    used = row + 1;
  }
  return { ops, height: used ? used * height + (used - 1) * gap : 0 };
};

const hero = (content: PosterContent, measure: PosterMeasure, budget: Budget): Flow & { heroBottom: number } => {
  const ops: PosterOp[] = [];
  let y = 56;
  const eyebrow = pill('eyebrow', POSTER_LABELS[content.lang ?? 'zh'].eyebrow, measure, { x: HERO_LEFT, y, maxWidth: 200 }, {
    font: FONTS.eyebrow,
    height: 40,
    padX: 16,
    fill: COLOR.clear,
    color: COLORS.goldText,
    stroke: { color: COLOR.onBrandOutline, width: 1.5 },
  });
  ops.push(...eyebrow);
  if (content.isDemo) {
    const demoText = POSTER_LABELS[content.lang ?? 'zh'].demo;
    const width = measure(demoText, FONTS.demo) + 2 * 14;
    ops.push(
      ...pill('demo', demoText, measure, { x: POSTER_WIDTH - HERO_LEFT - Math.min(width, 300), y: y + 4, maxWidth: 300 }, {
        font: FONTS.demo,
        height: 32,
        padX: 14,
        fill: COLOR.onBrandShade,
        color: COLORS.goldText,
      }),
    );
  }
  y += 40 + 24;
  const name = textOp('district-name', content.districtName, measure, { x: HERO_LEFT, y, width: HERO_WIDTH, maxLines: budget.nameLines }, { font: FONTS.district, color: COLORS.white, lineHeight: LINE.district });
  ops.push(name);
  y += name.box.height + 16;
  ops.push({ kind: 'rect', id: 'district-rule', box: { x: HERO_LEFT, y, width: 64, height: 4 }, radius: 2, fill: COLORS.gold });
  y += 4 + 16;
  if (content.slogan.trim()) {
    const slogan = textOp('slogan', content.slogan, measure, { x: HERO_LEFT, y, width: HERO_WIDTH, maxLines: budget.sloganLines }, { font: FONTS.slogan, color: COLORS.slogan, lineHeight: LINE.slogan });
    ops.push(slogan);
    y += slogan.box.height;
  }
  const heroBottom = y + 44 + CARD_OVERLAP;
  return { ops, bottom: heroBottom, heroBottom };
};

/** Translucent skyline bars along the bottom of the hero, echoing the card page's cover. Deterministic. */
const skyline = (heroBottom: number): RectOp[] => {
  const heights = [96, 150, 120, 188, 132, 224, 160, 110, 176, 138];
  const barWidth = 46;
  const gap = 26;
  return heights.map((h, i) => {
    const height = Math.min(h, heroBottom - 8);
    return {
      kind: 'rect',
      id: `skyline-${i}`,
      box: { x: 12 + i * (barWidth + gap), y: heroBottom - height, width: barWidth, height },
      radius: 4,
      fill: i % 3 === 1 ? COLOR.onBrandSkyline : COLOR.onBrandSkylineFaint,
    };
  });
};

const personCard = (content: PosterContent, images: PosterImageSizes, measure: PosterMeasure, budget: Budget, top: number): Flow => {
  const ops: PosterOp[] = [];
  const photoBox: Rect = { x: CONTENT_LEFT, y: top + CARD_PADDING, width: PHOTO_SIZE, height: PHOTO_SIZE };
  if (images.photo) {
    ops.push({ kind: 'rect', id: 'photo-bg', box: photoBox, radius: PHOTO_SIZE / 2, fill: COLORS.avatarBg });
    const { source, dest } = fitImage(images.photo, photoBox, 'cover');
    ops.push({ kind: 'image', id: 'photo', box: photoBox, source, dest, clip: 'circle', radius: PHOTO_SIZE / 2 });
  } else {
    // The same stand-in as the app's Avatar: the name's first character, gold on the district red.
    const fill: LinearGradient = {
      type: 'linear',
      from: { x: photoBox.x, y: photoBox.y },
      to: { x: photoBox.x + PHOTO_SIZE, y: photoBox.y + PHOTO_SIZE },
      stops: [
        [0, COLORS.heroMid],
        [1, COLORS.heroFrom],
      ],
    };
    ops.push({ kind: 'rect', id: 'photo-initial-bg', box: photoBox, radius: PHOTO_SIZE / 2, fill });
    const initial = Array.from(content.person.name.trim())[0] ?? '·';
    ops.push(textOp('photo-initial', initial, measure, { x: photoBox.x, y: photoBox.y, width: PHOTO_SIZE, maxLines: 1 }, { font: FONTS.initial, color: COLORS.avatarText, lineHeight: PHOTO_SIZE, align: 'center' }));
  }

  const textX = photoBox.x + PHOTO_SIZE + 28;
  const textWidth = CONTENT_LEFT + CONTENT_WIDTH - textX;
  let y = top + CARD_PADDING;
  const name = textOp('person-name', content.person.name, measure, { x: textX, y, width: textWidth, maxLines: 1 }, { font: FONTS.name, color: COLORS.ink, lineHeight: LINE.name });
  ops.push(name);
  y += name.box.height + 2;
  if (content.person.title.trim()) {
    const title = textOp('person-title', content.person.title, measure, { x: textX, y, width: textWidth, maxLines: budget.titleLines }, { font: FONTS.title, color: COLORS.body, lineHeight: LINE.title });
    ops.push(title);
    y += title.box.height;
  }
  if (content.person.unitName.trim()) {
    const unit = textOp('person-unit', content.person.unitName, measure, { x: textX, y, width: textWidth, maxLines: 1 }, { font: FONTS.unit, color: COLORS.muted, lineHeight: LINE.unit });
    ops.push(unit);
    y += unit.box.height;
  }
  y = Math.max(y, photoBox.y + PHOTO_SIZE);

  if (budget.greetingLines > 0 && content.greeting.trim()) {
    y += 24;
    const padY = 18;
    const padX = 24;
    const greeting = textOp('greeting', content.greeting, measure, { x: CONTENT_LEFT + 6 + padX, y: y + padY, width: CONTENT_WIDTH - 6 - 2 * padX, maxLines: budget.greetingLines }, { font: FONTS.greeting, color: COLORS.body, lineHeight: LINE.greeting });
    const boxHeight = greeting.box.height + 2 * padY;
    ops.push({ kind: 'rect', id: 'greeting-bg', box: { x: CONTENT_LEFT, y, width: CONTENT_WIDTH, height: boxHeight }, radius: 8, fill: COLORS.warm });
    ops.push({ kind: 'rect', id: 'greeting-bar', box: { x: CONTENT_LEFT, y, width: 6, height: boxHeight }, radius: 3, fill: COLORS.gold });
    ops.push(greeting);
    y += boxHeight;
  }
  const bottom = y + CARD_PADDING;
  const card: RectOp = {
    kind: 'rect',
    id: 'person-card',
    box: { x: MARGIN, y: top, width: POSTER_WIDTH - 2 * MARGIN, height: bottom - top },
    radius: 20,
    fill: COLORS.white,
    shadow: { color: COLORS.cardShadow, blur: 24, offsetY: 6 },
  };
  return { ops: [card, ...ops], bottom };
};

/** The key lines: featured industries as pills, then up to two headline figures. Empty when there is neither. */
const keyLines = (content: PosterContent, measure: PosterMeasure, budget: Budget, top: number): Flow => {
  const inner: PosterOp[] = [];
  let y = top + CARD_PADDING;
  const industries = content.industries.filter((s) => s.trim());
  if (budget.pillRows > 0 && industries.length) {
    inner.push(textOp('industries-label', POSTER_LABELS[content.lang ?? 'zh'].industries, measure, { x: CONTENT_LEFT, y, width: CONTENT_WIDTH, maxLines: 1 }, { font: FONTS.label, color: COLORS.muted, lineHeight: LINE.label }));
    y += LINE.label + 12;
    const rows = pillRows(industries, measure, { x: CONTENT_LEFT, y, width: CONTENT_WIDTH, maxRows: budget.pillRows });
    inner.push(...rows.ops);
    y += rows.height;
  }
  const figures = content.figures.filter((f) => f.value.trim()).slice(0, budget.figures);
  if (figures.length) {
    if (inner.length) y += 20;
    const gap = 20;
    const cellWidth = (CONTENT_WIDTH - gap * (figures.length - 1)) / figures.length;
    const cellHeight = 16 + LINE.figureValue + LINE.figureLabel + 16;
    figures.forEach((figure, i) => {
      const x = CONTENT_LEFT + i * (cellWidth + gap);
      inner.push({ kind: 'rect', id: `figure-${i}-bg`, box: { x, y, width: cellWidth, height: cellHeight }, radius: 12, fill: COLORS.warm });
      inner.push(textOp(`figure-${i}-value`, figure.value, measure, { x: x + 24, y: y + 16, width: cellWidth - 48, maxLines: 1 }, { font: FONTS.figureValue, color: COLORS.accent, lineHeight: LINE.figureValue }));
      inner.push(textOp(`figure-${i}-label`, figure.label, measure, { x: x + 24, y: y + 16 + LINE.figureValue, width: cellWidth - 48, maxLines: 1 }, { font: FONTS.figureLabel, color: COLORS.muted, lineHeight: LINE.figureLabel }));
    });
    y += cellHeight;
  }
  if (!inner.length) return { ops: [], bottom: top - SECTION_GAP };
  const bottom = y + CARD_PADDING;
  const panel: RectOp = { kind: 'rect', id: 'key-lines', box: { x: MARGIN, y: top, width: POSTER_WIDTH - 2 * MARGIN, height: bottom - top }, radius: 20, fill: COLORS.white };
  return { ops: [panel, ...inner], bottom };
};

/** The same op moved down by `dy`. */
const shiftY = (o: PosterOp, dy: number): PosterOp => {
  const box = { ...o.box, y: o.box.y + dy };
  if (o.kind === 'text') return { ...o, box, lines: o.lines.map((l) => ({ ...l, y: l.y + dy })) };
  if (o.kind === 'image') return { ...o, box, dest: { ...o.dest, y: o.dest.y + dy } };
  return { ...o, box };
};

const codePanel = (content: PosterContent, images: PosterImageSizes, measure: PosterMeasure): PosterOp[] => {
  const ops: PosterOp[] = [];
  const top = CODE_PANEL_TOP;
  ops.push({ kind: 'rect', id: 'code-panel', box: { x: MARGIN, y: top, width: POSTER_WIDTH - 2 * MARGIN, height: CODE_PANEL_HEIGHT }, radius: 20, fill: COLORS.white });
  const codeBox: Rect = { x: POSTER_WIDTH - MARGIN - 32 - CODE_SIZE, y: top + (CODE_PANEL_HEIGHT - CODE_SIZE) / 2, width: CODE_SIZE, height: CODE_SIZE };
  const { source, dest } = fitImage(images.code, codeBox, 'contain');
  ops.push({ kind: 'image', id: 'code', box: codeBox, source, dest, clip: 'rounded', radius: 8 });

  const textX = CONTENT_LEFT;
  const textWidth = codeBox.x - 32 - textX;
  // The text column is laid out from 0, then centred vertically beside the code.
  const column: PosterOp[] = [];
  let y = 0;
  const title = textOp('code-title', POSTER_LABELS[content.lang ?? 'zh'].codeTitle[content.codeKind], measure, { x: textX, y, width: textWidth, maxLines: 1 }, { font: FONTS.codeTitle, color: COLORS.ink, lineHeight: LINE.codeTitle });
  column.push(title);
  y += title.box.height + 4;
  const hint = textOp('code-hint', POSTER_LABELS[content.lang ?? 'zh'].codeHint(content.person.name), measure, { x: textX, y, width: textWidth, maxLines: 2 }, { font: FONTS.codeHint, color: COLORS.muted, lineHeight: LINE.codeHint });
  column.push(hint);
  y += hint.box.height;
  if (content.responseNote) {
    y += 14;
    column.push(...pill('promise', content.responseNote, measure, { x: textX, y, maxWidth: textWidth }, { font: FONTS.promise, height: 36, padX: 14, fill: COLORS.accentSoft, color: COLORS.accent }));
    y += 36;
  }
  const dy = top + Math.max(24, (CODE_PANEL_HEIGHT - y) / 2);
  ops.push(...column.map((o) => shiftY(o, dy)));
  return ops;
};

/**
 * Lays the poster out at POSTER_WIDTH × POSTER_HEIGHT design pixels. Long content is wrapped, then cut with
 * an ellipsis; when even that does not fit above the code panel, optional parts are reduced step by step
 * (greeting lines, industry rows, title lines, figures, …) until it does.
 */
export const computePosterLayout = (content: PosterContent, images: PosterImageSizes, measure: PosterMeasure): PosterLayout => {
  const limit = CODE_PANEL_TOP - SECTION_GAP;
  let chosen: { flow: PosterOp[]; heroBottom: number; level: number } | null = null;
  for (const [level, budget] of BUDGETS.entries()) {
    const top = hero(content, measure, budget);
    const card = personCard(content, images, measure, budget, top.heroBottom - CARD_OVERLAP);
    const keys = keyLines(content, measure, budget, card.bottom + SECTION_GAP);
    chosen = { flow: [...top.ops, ...card.ops, ...keys.ops], heroBottom: top.heroBottom - CARD_OVERLAP, level };
    if (keys.bottom <= limit) break;
  }
  const { flow, heroBottom, level } = chosen as NonNullable<typeof chosen>;

  const background: RectOp[] = [
    { kind: 'rect', id: 'page', box: { x: 0, y: 0, width: POSTER_WIDTH, height: POSTER_HEIGHT }, radius: 0, fill: COLORS.page },
    {
      kind: 'rect',
      id: 'hero',
      box: { x: 0, y: 0, width: POSTER_WIDTH, height: heroBottom + CARD_OVERLAP / 2 },
      radius: 0,
      fill: {
        type: 'linear',
        from: { x: 0, y: 0 },
        to: { x: POSTER_WIDTH, y: heroBottom },
        stops: [
          [0, COLORS.heroFrom],
          [0.58, COLORS.heroMid],
          [1, COLORS.heroTo],
        ],
      },
    },
    ...skyline(heroBottom + CARD_OVERLAP / 2),
  ];
  const footer = textOp('footer', POSTER_LABELS[content.lang ?? 'zh'].footer(content.districtName), measure, { x: MARGIN, y: FOOTER_Y - 18, width: POSTER_WIDTH - 2 * MARGIN, maxLines: 1 }, { font: FONTS.footer, color: COLORS.muted, lineHeight: 36, align: 'center' });
  return { width: POSTER_WIDTH, height: POSTER_HEIGHT, ops: [...background, ...flow, ...codePanel(content, images, measure), footer], degradeLevel: level };
};
