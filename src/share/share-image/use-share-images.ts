import { useEffect, useState } from 'react';
import { shareImageSaveContract, shareImageStateContract } from '../../../domain/api/share-image.contracts';
import { call } from '../../services/api-client';
import { canvasMeasure, drawPoster } from '../poster/poster-draw';
import { createPosterSurface, type CreatePosterSurface } from '../poster/poster-surface';
import { drawShareImages } from './draw-share-images';
import { computeShareImageLayout } from './share-image-layout';

export const SHARE_IMAGE_CANVAS_ID = 'share-image-canvas';

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
      const refs = await drawShareImages({
        refs: { chat: current.chat, moments: current.moments },
        createSurface,
        canvasId: SHARE_IMAGE_CANVAS_ID,
        alive: () => alive,
        onDrawing: (r) => {
          if (alive) setState({ status: 'drawing', ...r });
        },
        draw: async (shape, surface) => drawPoster(surface.ctx, computeShareImageLayout(current.content, shape, canvasMeasure(surface.ctx)), {}),
        save: async (shape, image) => {
          const saved = await call(shareImageSaveContract, { shape, fingerprint: current.fingerprint, image });
          return { chat: saved.chat, moments: saved.moments };
        },
      });
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
