import { useEffect, useState } from 'react';
import { shareImageSaveContract, shareImageStateContract } from '../../../domain/api/share-image.contracts';
import { MAX_SHARE_IMAGE_CHARS, SHARE_IMAGE_SHAPES, SHARE_IMAGE_SIZES } from '../../../domain/share/share-image.schema';
import { call } from '../../services/api-client';
import { canvasMeasure, drawPoster } from '../poster/poster-draw';
import { createPosterSurface, type CreatePosterSurface } from '../poster/poster-surface';
import { computeShareImageLayout } from './share-image-layout';

export const SHARE_IMAGE_CANVAS_ID = 'share-image-canvas';

/** Tried in turn until the JPEG fits the upload limit (flat colours and text are small at the first). */
const QUALITIES = [0.85, 0.7, 0.55];

export interface ShareImages {
  status: 'idle' | 'drawing' | 'ready' | 'failed';
  chat: string | null;
  moments: string | null;
}

/**
 * The owner's side of the card's share images: asks which images the card's current content still needs
 * (none after a first drawing, until something drawn on them changes), draws those on the page's canvas and
 * stores them. Visitors' card pages then share them. `revision` changes after the card was saved.
 */
export const useShareImages = (enabled: boolean, revision: unknown, createSurface: CreatePosterSurface = createPosterSurface): ShareImages => {
  const [state, setState] = useState<ShareImages>({ status: 'idle', chat: null, moments: null });

  useEffect(() => {
    if (!enabled) return undefined;
    let alive = true;
    const run = async (): Promise<ShareImages> => {
      const current = await call(shareImageStateContract, {});
      if (!current) return { status: 'idle', chat: null, moments: null };
      let refs = { chat: current.chat, moments: current.moments };
      for (const shape of SHARE_IMAGE_SHAPES) {
        if (refs[shape] || !alive) continue;
        if (alive) setState({ status: 'drawing', ...refs });
        const surface = await createSurface({ ...SHARE_IMAGE_SIZES[shape], canvasId: SHARE_IMAGE_CANVAS_ID, pixelRatio: 1 });
        if (!surface.exportJpegBase64) throw new Error('this surface cannot export a JPEG');
        drawPoster(surface.ctx, computeShareImageLayout(current.content, shape, canvasMeasure(surface.ctx)), {});
        let image = '';
        for (const quality of QUALITIES) {
          image = await surface.exportJpegBase64(quality);
          if (image.length <= MAX_SHARE_IMAGE_CHARS) break;
        }
        const saved = await call(shareImageSaveContract, { shape, fingerprint: current.fingerprint, image });
        refs = { chat: saved.chat, moments: saved.moments };
      }
      return { status: 'ready', ...refs };
    };
    run().then(
      (next) => {
        if (alive) setState(next);
      },
      // The share falls back to the page snapshot; the next visit of this page tries again.
      () => {
        if (alive) setState((s) => ({ ...s, status: 'failed' }));
      },
    );
    return () => {
      alive = false;
    };
  }, [enabled, revision, createSurface]);

  return state;
};
