import { useEffect, useState } from 'react';
import { createPosterSurface, type CreatePosterSurface } from '../poster/poster-surface';
import { drawCarrierShareImages, type CarrierImageRefs } from './draw-carrier-share-images';

export const CARRIER_SHARE_IMAGE_CANVAS_ID = 'carrier-share-image-canvas';

export interface CarrierShareImages {
  status: 'idle' | 'drawing' | 'ready' | 'failed';
  /** The stored images per language, for the content as it is now. */
  images: CarrierImageRefs;
}

/**
 * The staff side of a carrier's share images (the district office's carrier editor): draws what the carrier's
 * current content still needs (drawCarrierShareImages); carrier detail pages then share them. `revision`
 * changes after a save. Only those who manage the carrier reach the editor, and only they may store its images.
 */
export const useCarrierShareImages = (carrierId: string | null, enabled: boolean, revision: unknown, createSurface: CreatePosterSurface = createPosterSurface): CarrierShareImages => {
  const [state, setState] = useState<CarrierShareImages>({ status: 'idle', images: {} });

  useEffect(() => {
    if (!enabled || !carrierId) return undefined;
    let alive = true;
    drawCarrierShareImages({
      carrierId,
      createSurface,
      canvasId: CARRIER_SHARE_IMAGE_CANVAS_ID,
      alive: () => alive,
      onDrawing: (images) => {
        if (alive) setState({ status: 'drawing', images });
      },
    }).then(
      (images) => {
        if (alive) setState(images ? { status: 'ready', images } : { status: 'idle', images: {} });
      },
      // Shares fall back to WeChat's page snapshot; the next visit of the editor tries again.
      () => {
        if (alive) setState((s) => ({ ...s, status: 'failed' }));
      },
    );
    return () => {
      alive = false;
    };
  }, [carrierId, enabled, revision, createSurface]);

  return state;
};
