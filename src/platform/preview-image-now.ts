import Taro from '@tarojs/taro';

export type PreviewImageOptions = Pick<Taro.previewImage.Option, 'urls' | 'current' | 'showmenu'>;

/** Taro's image preview, called at once (see preview-image.ts). */
export const previewImageNow = (options: PreviewImageOptions): Promise<unknown> => Taro.previewImage(options);
