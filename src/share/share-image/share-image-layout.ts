import type { CardShareImageContent, ShareImageShape } from '../../../domain/share/share-image.schema';
import { SHARE_IMAGE_SIZES } from '../../../domain/share/share-image.schema';
import { COLOR } from '../../styles/tokens';
import type { PosterFont, PosterLayout, PosterMeasure, PosterOp } from '../poster/poster-layout';
import { brandBackground, pill, text } from './share-image-parts';

/**
 * A card's share images as pure data, drawn by the poster's executor (poster-draw.ts): the district on the
 * brand gradient above, the person and the district's key figures on a white panel below. Every text is
 * wrapped or cut with «…» to its box, so long names never run off the image. Any change here that alters
 * the drawing must bump SHARE_IMAGE_LAYOUT_VERSION (domain/share/share-image.schema.ts).
 */

interface ShapeStyle {
  margin: number;
  eyebrow: PosterFont;
  district: PosterFont;
  districtLine: number;
  slogan: PosterFont;
  sloganLine: number;
  panelHeight: number;
  name: PosterFont;
  title: PosterFont;
  figureValue: PosterFont;
  figureLabel: PosterFont;
  /** Chat (wide): the figures stacked in a column right of the person; Moments (square): in a row under them. */
  figureColumn: number | null;
}

const STYLES: Record<ShareImageShape, ShapeStyle> = {
  chat: {
    margin: 28,
    eyebrow: { size: 16, weight: 400 },
    district: { size: 36, weight: 600 },
    districtLine: 46,
    slogan: { size: 20, weight: 400 },
    sloganLine: 28,
    panelHeight: 150,
    name: { size: 28, weight: 600 },
    title: { size: 17, weight: 400 },
    figureValue: { size: 22, weight: 600 },
    figureLabel: { size: 14, weight: 400 },
    figureColumn: 170,
  },
  moments: {
    margin: 24,
    eyebrow: { size: 15, weight: 400 },
    district: { size: 32, weight: 600 },
    districtLine: 40,
    slogan: { size: 18, weight: 400 },
    sloganLine: 26,
    panelHeight: 176,
    name: { size: 26, weight: 600 },
    title: { size: 16, weight: 400 },
    figureValue: { size: 20, weight: 600 },
    figureLabel: { size: 13, weight: 400 },
    figureColumn: null,
  },
};

export const PANEL_PAD = 18;

/** Lays out one shape of a card's share image at its exact pixel size (5:4 for chats, 1:1 for Moments). */
export const computeShareImageLayout = (content: CardShareImageContent, shape: ShareImageShape, measure: PosterMeasure): PosterLayout => {
  const { width, height } = SHARE_IMAGE_SIZES[shape];
  const s = STYLES[shape];
  const inner = width - 2 * s.margin;
  const ops: PosterOp[] = [brandBackground(width, height)];

  let y = s.margin;
  ops.push(...pill('eyebrow', '招商名片', measure, { x: s.margin, y, maxWidth: inner / 2 }, s.eyebrow, { fill: COLOR.clear, color: COLOR.goldLight, stroke: { color: COLOR.onBrandOutline, width: 1 } }));
  if (content.isDemo) {
    const label = '演示数据';
    const w = Math.min(inner / 2 - 8, measure(label, s.eyebrow) + 20);
    ops.push(...pill('demo', label, measure, { x: width - s.margin - w, y, maxWidth: w }, s.eyebrow, { fill: COLOR.onBrandShade, color: COLOR.goldLight }));
  }
  y += s.eyebrow.size + 12 + 14;

  const panelTop = height - s.margin - s.panelHeight;
  // The district's name and slogan share the space above the panel: the name may take two lines, the slogan what is left.
  const name = text('district-name', content.districtName, measure, { x: s.margin, y, width: inner, maxLines: 2, lineHeight: s.districtLine }, s.district, COLOR.surface);
  ops.push(name);
  y += name.box.height + 8;
  const sloganLines = Math.max(0, Math.min(2, Math.floor((panelTop - 12 - y) / s.sloganLine)));
  if (sloganLines > 0 && content.slogan) ops.push(text('slogan', content.slogan, measure, { x: s.margin, y, width: inner, maxLines: sloganLines, lineHeight: s.sloganLine }, s.slogan, COLOR.goldPale));

  ops.push({ kind: 'rect', id: 'panel', box: { x: s.margin, y: panelTop, width: inner, height: s.panelHeight }, radius: 14, fill: COLOR.surface });
  const contentWidth = inner - 2 * PANEL_PAD;
  const figures = content.figures.slice(0, 2);
  const column = s.figureColumn !== null && figures.length > 0 ? s.figureColumn : 0;
  const personWidth = column ? contentWidth - column - 16 : contentWidth;
  const px = s.margin + PANEL_PAD;
  let py = panelTop + PANEL_PAD;
  // The person: name, title, unit, one line each.
  const lines: [string, string, PosterFont, string, number][] = [
    ['person-name', content.personName, s.name, COLOR.text, s.name.size + 8],
    ['person-title', content.personTitle, s.title, COLOR.textSecondary, s.title.size + 8],
    ['person-unit', content.unitName, s.title, COLOR.textTertiary, s.title.size + 8],
  ];
  for (const [id, value, font, color, lineHeight] of lines) {
    if (!value) continue;
    const op = text(id, value, measure, { x: px, y: py, width: personWidth, maxLines: 1, lineHeight }, font, color);
    ops.push(op);
    py += op.box.height;
  }

  // Figures, value over label: a column right of the person (chat) or a row under them (Moments).
  const valueLine = s.figureValue.size + 6;
  const labelLine = s.figureLabel.size + 6;
  const rowWidth = column ? column : contentWidth / Math.max(1, figures.length);
  figures.forEach((f, i) => {
    const fx = column ? px + contentWidth - column : px + i * rowWidth;
    const fy = column ? panelTop + PANEL_PAD + i * (valueLine + labelLine + 8) : py + 10;
    const w = column ? column : rowWidth - 8;
    ops.push(text(`figure-${i}-value`, f.value, measure, { x: fx, y: fy, width: w, maxLines: 1, lineHeight: valueLine }, s.figureValue, COLOR.brandStrong));
    ops.push(text(`figure-${i}-label`, f.label, measure, { x: fx, y: fy + valueLine, width: w, maxLines: 1, lineHeight: labelLine }, s.figureLabel, COLOR.textTertiary));
  });

  return { width, height, ops, degradeLevel: 0 };
};
