import { previewImageNow, type PreviewImageOptions } from './preview-image-now';

export type { PreviewImageOptions } from './preview-image-now';

/**
 * The full-screen image preview (the card's WeChat QR code, a carrier's photos). The mini-program has it built
 * in; the web build loads it when first used (preview-image.h5.ts).
 */
export const previewImage = (options: PreviewImageOptions): Promise<unknown> => previewImageNow(options);
