import { fontString, type Paint, type PosterLayout, type PosterMeasure, type RectOp } from './poster-layout';
import type { Rect } from './image-fit';

/**
 * The part of CanvasRenderingContext2D the poster uses. The browser's context and the mini-program's
 * canvas-2d context both have it; tests pass a recorder.
 */
export interface PosterContext {
  fillStyle: unknown;
  strokeStyle: unknown;
  lineWidth: number;
  font: string;
  textAlign: string;
  textBaseline: string;
  shadowColor: string;
  shadowBlur: number;
  shadowOffsetX: number;
  shadowOffsetY: number;
  save(): void;
  restore(): void;
  beginPath(): void;
  closePath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  arcTo(x1: number, y1: number, x2: number, y2: number, radius: number): void;
  arc(x: number, y: number, radius: number, startAngle: number, endAngle: number): void;
  rect(x: number, y: number, w: number, h: number): void;
  fill(): void;
  stroke(): void;
  clip(): void;
  fillText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
  createLinearGradient(x0: number, y0: number, x1: number, y1: number): { addColorStop(offset: number, color: string): void };
  drawImage(image: never, sx: number, sy: number, sw: number, sh: number, dx: number, dy: number, dw: number, dh: number): void;
}

/** A measure backed by the context's own fonts, for computePosterLayout. */
export const canvasMeasure =
  (ctx: Pick<PosterContext, 'font' | 'measureText'>): PosterMeasure =>
  (text, font) => {
    ctx.font = fontString(font);
    return ctx.measureText(text).width;
  };

const pathRoundRect = (ctx: PosterContext, box: Rect, radius: number): void => {
  const r = Math.max(0, Math.min(radius, box.width / 2, box.height / 2));
  ctx.beginPath();
  if (r === 0) {
    ctx.rect(box.x, box.y, box.width, box.height);
    return;
  }
  const { x, y, width: w, height: h } = box;
  ctx.moveTo(x + r, y);
  ctx.lineTo(x + w - r, y);
  ctx.arcTo(x + w, y, x + w, y + r, r);
  ctx.lineTo(x + w, y + h - r);
  ctx.arcTo(x + w, y + h, x + w - r, y + h, r);
  ctx.lineTo(x + r, y + h);
  ctx.arcTo(x, y + h, x, y + h - r, r);
  ctx.lineTo(x, y + r);
  ctx.arcTo(x, y, x + r, y, r);
  ctx.closePath();
};

const paintStyle = (ctx: PosterContext, paint: Paint): unknown => {
  if (typeof paint === 'string') return paint;
  const gradient = ctx.createLinearGradient(paint.from.x, paint.from.y, paint.to.x, paint.to.y);
  for (const [offset, color] of paint.stops) gradient.addColorStop(offset, color);
  return gradient;
};

const drawRect = (ctx: PosterContext, op: RectOp): void => {
  ctx.save();
  if (op.shadow) {
    ctx.shadowColor = op.shadow.color;
    ctx.shadowBlur = op.shadow.blur;
    ctx.shadowOffsetX = 0;
    ctx.shadowOffsetY = op.shadow.offsetY;
  }
  pathRoundRect(ctx, op.box, op.radius);
  ctx.fillStyle = paintStyle(ctx, op.fill);
  ctx.fill();
  if (op.stroke) {
    ctx.shadowColor = 'transparent';
    ctx.strokeStyle = op.stroke.color;
    ctx.lineWidth = op.stroke.width;
    ctx.stroke();
  }
  ctx.restore();
};

/** Images by op id, already loaded; a missing one is skipped (the layout drew its background already). */
export type PosterImages = Partial<Record<'photo' | 'code', unknown>>;

/** Executes a layout on a context whose user space is the design size (the caller scales for the pixel ratio). */
export const drawPoster = (ctx: PosterContext, layout: PosterLayout, images: PosterImages): void => {
  for (const op of layout.ops) {
    if (op.kind === 'rect') {
      drawRect(ctx, op);
    } else if (op.kind === 'text') {
      ctx.save();
      ctx.font = fontString(op.font);
      ctx.fillStyle = op.color;
      ctx.textAlign = op.align;
      ctx.textBaseline = 'middle';
      for (const line of op.lines) ctx.fillText(line.text, line.x, line.y);
      ctx.restore();
    } else {
      const image = images[op.id];
      if (!image || op.dest.width <= 0 || op.dest.height <= 0) continue;
      ctx.save();
      if (op.clip === 'circle') {
        ctx.beginPath();
        ctx.arc(op.box.x + op.box.width / 2, op.box.y + op.box.height / 2, Math.min(op.box.width, op.box.height) / 2, 0, Math.PI * 2);
        ctx.closePath();
      } else {
        pathRoundRect(ctx, op.box, op.radius);
      }
      ctx.clip();
      const { source: s, dest: d } = op;
      ctx.drawImage(image as never, s.x, s.y, s.width, s.height, d.x, d.y, d.width, d.height);
      ctx.restore();
    }
  }
};
