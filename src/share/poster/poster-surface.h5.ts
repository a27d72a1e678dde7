import type { CreatePosterSurface, LoadedImage } from './poster-surface';

/** Twice the design size: crisp on phones, still a reasonable PNG (about 1 MB). */
const PIXEL_RATIO = 2;

const loadBrowserImage = (ref: string): Promise<LoadedImage | null> => {
  // A cloud file id means nothing to a browser; other references load directly.
  if (!/^(\/assets\/|https:\/\/|data:image\/)/.test(ref)) return Promise.resolve(null);
  return new Promise((resolve) => {
    const image = new Image();
    // Without CORS a remote image would taint the canvas and block the PNG export: such an image is skipped.
    if (ref.startsWith('https://')) image.crossOrigin = 'anonymous';
    image.onload = () => resolve(image.naturalWidth > 0 ? { image, size: { width: image.naturalWidth, height: image.naturalHeight } } : null);
    image.onerror = () => resolve(null);
    image.src = ref;
  });
};

/**
 * The canvas as a PNG object URL. toBlob encodes off the main thread: toDataURL did it on it, ~1.5 s of blocking
 * time under Lighthouse's slow phone for a 1500 × 2668 poster (#12). The URL is the poster page's to revoke.
 */
const pngObjectUrl = (canvas: HTMLCanvasElement): Promise<string> =>
  new Promise((resolve, reject) => {
    if (typeof canvas.toBlob !== 'function' || typeof URL.createObjectURL !== 'function') {
      resolve(canvas.toDataURL('image/png'));
      return;
    }
    canvas.toBlob((blob) => (blob ? resolve(URL.createObjectURL(blob)) : reject(new Error('the poster could not be encoded'))), 'image/png');
  });

/** Web: an off-screen canvas; the page shows (and downloads) the exported PNG. */
export const createPosterSurface: CreatePosterSurface = async ({ width, height, pixelRatio = PIXEL_RATIO }) => {
  const canvas = document.createElement('canvas');
  canvas.width = width * pixelRatio;
  canvas.height = height * pixelRatio;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('canvas 2d is not available');
  ctx.scale(pixelRatio, pixelRatio);
  return {
    ctx,
    loadImage: loadBrowserImage,
    exportImage: () => pngObjectUrl(canvas),
    exportJpegBase64: async (quality) => canvas.toDataURL('image/jpeg', quality).replace(/^data:image\/jpeg;base64,/, ''),
  };
};
