import type { Size } from './image-fit';
import type { PosterContext } from './poster-draw';

/**
 * Where a poster is drawn. Taro resolves `poster-surface.weapp.ts` (a canvas-2d node on the page, exported
 * to a temp file) or `poster-surface.h5.ts` (an off-screen <canvas>, exported as a PNG object URL) in place of
 * this file; tests inject their own surface into the poster hook.
 */
export interface LoadedImage {
  image: unknown;
  size: Size;
}

export interface PosterSurface {
  /** User space is the design size: the surface has already scaled for the pixel ratio. */
  ctx: PosterContext;
  /** Loads an image reference from the backend (`/assets/…`, `cloud://…`, `https://…`, `data:`); null when it cannot. */
  loadImage(ref: string): Promise<LoadedImage | null>;
  /**
   * The drawn poster for an <Image>: a `blob:` object URL on the web (a data URL where the browser cannot make
   * one), a temp file path in the mini-program.
   */
  exportImage(): Promise<string>;
  /** The drawing as base64 of a JPEG at the design size times the pixel ratio (share images, to upload). */
  exportJpegBase64?(quality: number): Promise<string>;
}

export interface SurfaceOptions {
  /** Design size of the poster. */
  width: number;
  height: number;
  /** Id of the page's <Canvas type="2d"> (mini-program only). */
  canvasId: string;
  /** Device pixels per design pixel; share images are drawn at exactly their size (1). Default: the screen's, up to 2. */
  pixelRatio?: number;
}

export type CreatePosterSurface = (options: SurfaceOptions) => Promise<PosterSurface>;

export const createPosterSurface: CreatePosterSurface = () => Promise.reject(new Error('No poster surface on this platform: inject one'));
