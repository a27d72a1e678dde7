import { useEffect, useState } from 'react';
import { carrierImageSaveContract, carrierImageStateContract } from '../../../domain/api/share-image.contracts';
import type { ContentLanguage } from '../../../domain/common/content-language';
import type { Dictionary } from '../../i18n/dictionary';
import { loadEnglishDictionary } from '../../i18n/english-dictionary';
import { zh } from '../../i18n/zh';
import { call } from '../../services/api-client';
import { canvasMeasure, drawPoster } from '../poster/poster-draw';
import { createPosterSurface, type CreatePosterSurface } from '../poster/poster-surface';
import { computeCarrierShareImageLayout } from './carrier-share-image-layout';
import { drawShareImages, type ShapeRefs } from './draw-share-images';

export const CARRIER_SHARE_IMAGE_CANVAS_ID = 'carrier-share-image-canvas';

export interface CarrierShareImages {
  status: 'idle' | 'drawing' | 'ready' | 'failed';
  /** The stored images per language, for the content as it is now. */
  images: Partial<Record<ContentLanguage, ShapeRefs>>;
}

const textsFor = (lang: ContentLanguage): Promise<Dictionary> => (lang === 'en' ? loadEnglishDictionary() : Promise.resolve(zh));

/**
 * The staff side of a carrier's share images (the district office's carrier editor): asks which images the
 * carrier's current content still needs, in Chinese and English, draws them on the page's canvas with the
 * carrier's photo and stores them; carrier detail pages then share them. `revision` changes after a save.
 * Only those who manage the carrier reach the editor, and only they may store its images.
 */
export const useCarrierShareImages = (carrierId: string | null, enabled: boolean, revision: unknown, createSurface: CreatePosterSurface = createPosterSurface): CarrierShareImages => {
  const [state, setState] = useState<CarrierShareImages>({ status: 'idle', images: {} });

  useEffect(() => {
    if (!enabled || !carrierId) return undefined;
    let alive = true;
    const run = async (): Promise<CarrierShareImages> => {
      const current = await call(carrierImageStateContract, { carrierId });
      if (!current) return { status: 'idle', images: {} };
      const images: CarrierShareImages['images'] = Object.fromEntries(current.variants.map((v) => [v.lang, { chat: v.chat, moments: v.moments }]));
      for (const variant of current.variants) {
        if (!alive) break;
        const { lang, content, fingerprint } = variant;
        const needed = !variant.chat || !variant.moments;
        const t = needed ? await textsFor(lang) : zh;
        images[lang] = await drawShareImages({
          refs: { chat: variant.chat, moments: variant.moments },
          createSurface,
          canvasId: CARRIER_SHARE_IMAGE_CANVAS_ID,
          alive: () => alive,
          onDrawing: () => {
            if (alive) setState({ status: 'drawing', images: { ...images } });
          },
          draw: async (shape, surface) => {
            const photo = content.photo ? await surface.loadImage(content.photo) : null;
            drawPoster(surface.ctx, computeCarrierShareImageLayout(content, shape, canvasMeasure(surface.ctx), t, photo?.size ?? null), { photo: photo?.image });
          },
          save: async (shape, image) => {
            const saved = await call(carrierImageSaveContract, { carrierId, lang, shape, fingerprint, image });
            return { chat: saved.chat, moments: saved.moments };
          },
        });
      }
      return { status: 'ready', images };
    };
    run().then(
      (next) => {
        if (alive) setState(next);
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
