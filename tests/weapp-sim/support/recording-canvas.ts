/**
 * A canvas (type="2d") for the poster page: the node `SelectorQuery.node()` returns, with a 2D context that
 * records every drawing call, and images that "load" on the next turn. Enough to prove the poster draws its
 * layout; pixels are the device's business.
 */
export interface CanvasRecording {
  canvas: Record<string, unknown>;
  context: Record<string, unknown>;
  /** Drawing calls in order: `fillText 林致远`, `drawImage …`. */
  ops: string[];
}

const DRAWING = [
  'fillRect', 'strokeRect', 'clearRect', 'fillText', 'strokeText', 'drawImage', 'beginPath', 'closePath', 'moveTo', 'lineTo',
  'arc', 'arcTo', 'rect', 'quadraticCurveTo', 'bezierCurveTo', 'fill', 'stroke', 'clip', 'save', 'restore', 'translate',
  'rotate', 'scale', 'setTransform', 'resetTransform', 'transform', 'roundRect', 'setLineDash', 'putImageData',
  'draw', 'setFillStyle', 'setStrokeStyle', 'setFontSize', 'setTextAlign', 'setTextBaseline', 'setLineWidth', 'setGlobalAlpha',
];

export const recordingCanvas = (width: number, height: number): CanvasRecording => {
  const ops: string[] = [];
  const context: Record<string, unknown> = {
    font: '10px sans-serif',
    fillStyle: '#000000',
    strokeStyle: '#000000',
    lineWidth: 1,
    textAlign: 'start',
    textBaseline: 'alphabetic',
    globalAlpha: 1,
    measureText: (text: string) => ({ width: [...String(text)].reduce((w, ch) => w + (ch.charCodeAt(0) > 0xff ? 1 : 0.55), 0) * (Number(/(\d+(?:\.\d+)?)px/.exec(String(context.font))?.[1]) || 10) }),
    createLinearGradient: () => ({ addColorStop: () => undefined }),
    createRadialGradient: () => ({ addColorStop: () => undefined }),
    createPattern: () => ({}),
    getImageData: (_x: number, _y: number, w: number, h: number) => ({ width: w, height: h, data: new Uint8ClampedArray(Math.max(0, w * h * 4)) }),
  };
  for (const op of DRAWING) {
    context[op] = (...args: unknown[]) => {
      ops.push([op, ...args.filter((a) => typeof a === 'string' || typeof a === 'number').map(String)].join(' '));
      if (op === 'draw') {
        const cb = args.find((a) => typeof a === 'function') as (() => void) | undefined;
        if (cb) setTimeout(cb, 0);
      }
    };
  }
  const canvas: Record<string, unknown> = {
    width,
    height,
    getContext: (type: string) => (type === '2d' ? context : null),
    createImage: () => {
      const image: Record<string, unknown> = { width: 750, height: 600, onload: null, onerror: null };
      let src = '';
      Object.defineProperty(image, 'src', {
        get: () => src,
        set: (value: string) => {
          src = value;
          setTimeout(() => (typeof image.onload === 'function' ? (image.onload as () => void)() : undefined), 0);
        },
      });
      return image;
    },
    requestAnimationFrame: (cb: () => void) => setTimeout(cb, 16),
    cancelAnimationFrame: (id: ReturnType<typeof setTimeout>) => clearTimeout(id),
    toDataURL: () => 'data:image/png;base64,',
  };
  return { canvas, context, ops };
};
