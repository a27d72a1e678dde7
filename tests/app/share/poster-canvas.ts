import type { PosterContext } from '../../../src/share/poster/poster-draw';
import type { PosterSurface } from '../../../src/share/poster/poster-surface';
import { fakeMeasure } from './poster-fixtures';

export interface Call {
  name: string;
  args: unknown[];
}

/** A CanvasRenderingContext2D stand-in that records every call and measures with the fake font. */
export const recordingContext = (): PosterContext & { calls: Call[] } => {
  const calls: Call[] = [];
  const record =
    (name: string) =>
    (...args: unknown[]) => {
      calls.push({ name, args });
    };
  const ctx = {
    calls,
    fillStyle: '' as unknown,
    strokeStyle: '' as unknown,
    lineWidth: 1,
    font: '10px sans-serif',
    textAlign: 'left',
    textBaseline: 'alphabetic',
    shadowColor: '',
    shadowBlur: 0,
    shadowOffsetX: 0,
    shadowOffsetY: 0,
    save: record('save'),
    restore: record('restore'),
    beginPath: record('beginPath'),
    closePath: record('closePath'),
    moveTo: record('moveTo'),
    lineTo: record('lineTo'),
    arcTo: record('arcTo'),
    arc: record('arc'),
    rect: record('rect'),
    fill: () => calls.push({ name: 'fill', args: [ctx.fillStyle] }),
    stroke: record('stroke'),
    clip: record('clip'),
    fillText: (text: string, x: number, y: number) => calls.push({ name: 'fillText', args: [text, x, y, ctx.font, ctx.fillStyle, ctx.textAlign] }),
    measureText: (text: string) => {
      const size = Number(/(\d+(?:\.\d+)?)px/.exec(ctx.font)?.[1] ?? 10);
      return { width: fakeMeasure(text, { size, weight: 400 }) };
    },
    createLinearGradient: (...args: number[]) => {
      const stops: [number, string][] = [];
      calls.push({ name: 'createLinearGradient', args });
      return { stops, addColorStop: (offset: number, color: string) => stops.push([offset, color]) };
    },
    drawImage: record('drawImage'),
  };
  return ctx;
};

/** A poster surface over the recording context; images "load" with the given sizes. */
export const fakeSurface = (sizes: Record<string, { width: number; height: number } | null> = {}) => {
  const ctx = recordingContext();
  const loaded: string[] = [];
  const surface: PosterSurface = {
    ctx,
    loadImage: async (ref) => {
      loaded.push(ref);
      const size = ref in sizes ? sizes[ref] : { width: 360, height: 360 };
      return size ? { image: { ref }, size } : null;
    },
    exportImage: async () => 'data:image/png;base64,UE9TVEVS',
  };
  return { surface, ctx, loaded };
};
