import Taro from '@tarojs/taro';

/**
 * A local file path for an image, as `saveImageToPhotosAlbum` needs one: cloud files and https images are
 * downloaded first (mini-program only). Rejects when the image cannot be fetched.
 */
export const localImagePath = async (src: string): Promise<string> => {
  if (src.startsWith('cloud://')) {
    const res = await Taro.cloud.downloadFile({ fileID: src });
    return res.tempFilePath;
  }
  if (src.startsWith('https://')) {
    const res = await Taro.downloadFile({ url: src });
    if (res.statusCode !== 200) throw new Error(`download failed: ${res.statusCode}`);
    return res.tempFilePath;
  }
  const info = await Taro.getImageInfo({ src });
  return info.path;
};
