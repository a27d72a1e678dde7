import { COLOR } from '../../styles/tokens';
import type { PosterFont, PosterMeasure, PosterOp, RectOp, TextOp } from '../poster/poster-layout';
import { wrapText } from '../poster/text-wrap';

/**
 * The pieces every share image is laid out from (a card's, share-image-layout.ts; a carrier's,
 * carrier-share-image-layout.ts): the brand gradient, text wrapped or cut with «…» to its box, pills.
 */

export interface TextBox {
  x: number;
  y: number;
  width: number;
  maxLines: number;
  lineHeight: number;
}

/** The brand gradient over the whole image. */
export const brandBackground = (width: number, height: number): RectOp => ({
  kind: 'rect',
  id: 'background',
  box: { x: 0, y: 0, width, height },
  radius: 0,
  fill: { type: 'linear', from: { x: 0, y: 0 }, to: { x: width, y: height }, stops: [[0, COLOR.brandStrong], [0.6, COLOR.brand], [1, COLOR.brandGlow]] },
});

/** Text in `at`'s box: wrapped to its width, at most `maxLines` lines, the last cut with «…». */
export const text = (id: string, value: string, measure: PosterMeasure, at: TextBox, font: PosterFont, color: string, align: TextOp['align'] = 'left'): TextOp => {
  const { lines } = wrapText(value, (s) => measure(s, font), { maxWidth: at.width, maxLines: at.maxLines });
  const anchorX = align === 'left' ? at.x : align === 'center' ? at.x + at.width / 2 : at.x + at.width;
  return {
    kind: 'text',
    id,
    box: { x: at.x, y: at.y, width: at.width, height: lines.length * at.lineHeight },
    font,
    color,
    align,
    lineHeight: at.lineHeight,
    lines: lines.map((line, i) => ({ text: line, x: anchorX, y: at.y + i * at.lineHeight + at.lineHeight / 2 })),
  };
};

/** A rounded label sized to its text (cut to `maxWidth`). */
export const pill = (id: string, label: string, measure: PosterMeasure, at: { x: number; y: number; maxWidth: number }, font: PosterFont, style: { fill: string; color: string; stroke?: RectOp['stroke'] }): PosterOp[] => {
  const padX = 10;
  const height = font.size + 12;
  const inner = text(`${id}-text`, label, measure, { x: at.x + padX, y: at.y, width: at.maxWidth - 2 * padX, maxLines: 1, lineHeight: height }, font, style.color);
  const width = Math.min(at.maxWidth - 2 * padX, measure(inner.lines[0]?.text ?? '', font));
  inner.box = { ...inner.box, width };
  return [{ kind: 'rect', id, box: { x: at.x, y: at.y, width: width + 2 * padX, height }, radius: height / 2, fill: style.fill, ...(style.stroke ? { stroke: style.stroke } : {}) }, inner];
};

