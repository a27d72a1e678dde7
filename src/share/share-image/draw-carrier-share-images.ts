import { carrierImageSaveContract, carrierImageStateContract } from '../../../domain/api/share-image.contracts';
import type { ContentLanguage } from '../../../domain/common/content-language';
import type { Dictionary } from '../../i18n/dictionary';
import { loadEnglishDictionary } from '../../i18n/english-dictionary';
import { zh } from '../../i18n/zh';
import { call } from '../../services/api-client';
import { canvasMeasure, drawPoster } from '../poster/poster-draw';
import type { CreatePosterSurface } from '../poster/poster-surface';
import { computeCarrierShareImageLayout } from './carrier-share-image-layout';
import { drawShareImages, type ShapeRefs } from './draw-share-images';

export type CarrierImageRefs = Partial<Record<ContentLanguage, ShapeRefs>>;

export interface DrawCarrierShareImagesOptions {
  carrierId: string;
  createSurface: CreatePosterSurface;
  canvasId: string;
  /** False once the page has gone: nothing more is drawn. */
  alive: () => boolean;
  /** Called before each image is drawn, with what is stored so far. */
  onDrawing?: (images: CarrierImageRefs) => void;
}

const textsFor = (lang: ContentLanguage): Promise<Dictionary> => (lang === 'en' ? loadEnglishDictionary() : Promise.resolve(zh));

/**
 * One carrier's share images, in Chinese and English: asks which its current content still needs, draws those
 * on the page's canvas with the carrier's photo and stores them. Null when the carrier is withdrawn (never
 * shared). Shared by the carrier editor and the office's carrier list (which redraws stale ones).
 */
export const drawCarrierShareImages = async (o: DrawCarrierShareImagesOptions): Promise<CarrierImageRefs | null> => {
  const { carrierId } = o;
  const current = await call(carrierImageStateContract, { carrierId });
  if (!current) return null;
  const images: CarrierImageRefs = Object.fromEntries(current.variants.map((v) => [v.lang, { chat: v.chat, moments: v.moments }]));
  for (const variant of current.variants) {
    if (!o.alive()) break;
    const { lang, content, fingerprint } = variant;
    const needed = !variant.chat || !variant.moments;
    const t = needed ? await textsFor(lang) : zh;
    images[lang] = await drawShareImages({
      refs: { chat: variant.chat, moments: variant.moments },
      createSurface: o.createSurface,
      canvasId: o.canvasId,
      alive: o.alive,
      onDrawing: () => o.onDrawing?.({ ...images }),
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
  return images;
};
