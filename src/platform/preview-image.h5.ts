import type { PreviewImageOptions } from './preview-image-now';

export type { PreviewImageOptions } from './preview-image-now';

/**
 * On the web Taro draws its preview with its Swiper component and the `swiper` library (~170 KB): as a static
 * import that came with the card page, before the card could show (#12). It is loaded when a visitor first opens
 * a preview; a failed download rejects like a failed preview.
 */
export const previewImage = (options: PreviewImageOptions): Promise<unknown> =>
  import(/* webpackChunkName: "preview-image" */ './preview-image-now').then(({ previewImageNow }) => previewImageNow(options));
