import { MAX_SHARE_IMAGE_CHARS, SHARE_IMAGE_SHAPES, SHARE_IMAGE_SIZES, type ShareImageShape } from '../../../domain/share/share-image.schema';
import type { CreatePosterSurface, PosterSurface } from '../poster/poster-surface';

/** Tried in turn until the JPEG fits the upload limit (flat colours and text are small at the first). */
const QUALITIES = [0.85, 0.7, 0.55];

export interface ShapeRefs {
  chat: string | null;
  moments: string | null;
}

export interface DrawShareImagesOptions {
  /** The images already stored for the content as it is now: those shapes are not drawn again. */
  refs: ShapeRefs;
  createSurface: CreatePosterSurface;
  canvasId: string;
  /** Draws one shape on a surface of exactly its size (loading what images it needs from the surface). */
  draw: (shape: ShareImageShape, surface: PosterSurface) => Promise<void>;
  /** Stores one drawn image (base64 JPEG); the stored refs after it. */
  save: (shape: ShareImageShape, image: string) => Promise<ShapeRefs>;
  /** False once the page has gone: nothing more is drawn. */
  alive: () => boolean;
  onDrawing?: (refs: ShapeRefs) => void;
}

/**
 * The one way a share image gets made, for a card as for a carrier: each shape not stored yet is drawn on the
 * page's canvas at its exact size (5:4 chat, 1:1 Moments), exported as a JPEG small enough for the upload
 * limit and stored; the refs stored at the end.
 */
export const drawShareImages = async (o: DrawShareImagesOptions): Promise<ShapeRefs> => {
  let refs = o.refs;
  for (const shape of SHARE_IMAGE_SHAPES) {
    if (refs[shape] || !o.alive()) continue;
    o.onDrawing?.(refs);
    const surface = await o.createSurface({ ...SHARE_IMAGE_SIZES[shape], canvasId: o.canvasId, pixelRatio: 1 });
    if (!surface.exportJpegBase64) throw new Error('this surface cannot export a JPEG');
    await o.draw(shape, surface);
    let image = '';
    for (const quality of QUALITIES) {
      image = await surface.exportJpegBase64(quality);
      if (image.length <= MAX_SHARE_IMAGE_CHARS) break;
    }
    refs = await o.save(shape, image);
  }
  return refs;
};
