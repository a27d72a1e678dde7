import Taro from '@tarojs/taro';
import { runPrivacyApi } from '../platform/privacy';

/**
 * Card images (WeChat QR, photo) go to WeChat cloud storage from the mini-program: chosen with the system
 * picker, checked here, uploaded, and saved on the card as the resulting `cloud://` file id. The web build has
 * no cloud storage (Taro.cloud is a stub there), so it offers no upload: `canUploadImages` is false.
 */

export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
export type ImageType = 'jpg' | 'png';

export const canUploadImages = (): boolean => process.env.TARO_ENV === 'weapp';

export class ImageUploadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImageUploadError';
  }
}

/** The picker reports a type on some platforms only; otherwise the temp file's extension tells. */
export const imageTypeOf = (path: string, declared?: string): ImageType | null => {
  const hint = (declared || /\.([A-Za-z0-9]+)(?:\?.*)?$/.exec(path)?.[1] || '').toLowerCase().replace(/^image\//, '');
  if (hint === 'jpg' || hint === 'jpeg') return 'jpg';
  if (hint === 'png') return 'png';
  return null;
};

/**
 * Why a picked file of another type cannot go up. What `chooseMedia` (compressed) hands over: on iOS a JPG, PNG or
 * GIF stays as it is and anything else (HEIC, WebP…) arrives converted to JPG or PNG; on Android the compressed
 * copy is a JPG. So a GIF is the one real case: WeChat's content check reads only its first frame.
 */
const typeRefusal = (path: string, declared?: string): string => {
  const hint = (declared || /\.([A-Za-z0-9]+)(?:\?.*)?$/.exec(path)?.[1] || '').toLowerCase().replace(/^image\//, '');
  if (hint === 'gif') return 'GIF 动图无法完整做内容审核，请选择 JPG 或 PNG 照片';
  if (hint === 'heic' || hint === 'heif') return '这张照片是 HEIC 格式，请截图或在相册中导出为 JPG 后再上传';
  return '只支持 JPG 或 PNG 格式的图片';
};

/** Null when the file may be uploaded, else the reason in Chinese. */
export const checkChosenImage = (file: { path: string; size: number; type?: string }, maxBytes = MAX_IMAGE_BYTES): string | null => {
  if (!imageTypeOf(file.path, file.type)) return typeRefusal(file.path, file.type);
  if (!(file.size > 0)) return '无法读取这张图片，请换一张试试';
  if (file.size > maxBytes) return `图片不能超过 ${maxBytes / 1024 / 1024} MB（当前 ${(Math.ceil((file.size / 1024 / 1024) * 10) / 10).toFixed(1)} MB），请裁剪或压缩后再上传`;
  return null;
};

let cloudReady = false;
const ensureCloud = (): void => {
  if (cloudReady) return;
  // Same environment as the API transport; calling init again is harmless when it already ran.
  // DYNAMIC_CURRENT_ENV is a server constant; without an id (an opted-in DevTools build) init uses DevTools' selection.
  const env = process.env.TARO_APP_CLOUD_ENV;
  Taro.cloud.init({ traceUser: true, ...(env ? { env } : {}) });
  cloudReady = true;
};

/**
 * Lets the user pick one image, checks type (JPG/PNG) and size (≤ 2 MB unless told), uploads it under `folder/` and
 * resolves the cloud file id; null when the user cancelled the picker. Throws ImageUploadError otherwise.
 */
export const chooseAndUploadImage = async (folder: string, maxBytes = MAX_IMAGE_BYTES): Promise<string | null> => {
  if (!canUploadImages()) throw new ImageUploadError('请在微信小程序中上传图片');
  const picked: { result?: Taro.chooseMedia.SuccessCallbackResult } = {};
  // Through the app's privacy door, quietly: the editor shows the reason next to the image field.
  // `chooseMedia` limited to images: `chooseImage` is deprecated.
  const outcome = await runPrivacyApi(
    'chooseMedia',
    async () => {
      picked.result = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] });
    },
    { quiet: true },
  );
  if (outcome === 'cancelled') return null;
  if (outcome === 'privacy_denied') throw new ImageUploadError('请先同意隐私保护指引后再选择图片');
  if (outcome !== 'ok') throw new ImageUploadError(outcome === 'scope_denied' ? '未获授权使用相册或相机，可在设置中开启' : '无法打开相册，请稍后重试');
  const chosen = picked.result;
  if (!chosen) return null;
  const first = chosen.tempFiles?.[0];
  if (!first?.tempFilePath) return null;
  // chooseMedia reports no MIME type: the temp file's extension tells JPG from PNG.
  const file = { path: first.tempFilePath, size: first.size };
  if (first.fileType && first.fileType !== 'image') throw new ImageUploadError('只支持 JPG 或 PNG 格式的图片');
  const problem = checkChosenImage(file, maxBytes);
  if (problem) throw new ImageUploadError(problem);

  ensureCloud();
  const ext = imageTypeOf(file.path) as ImageType;
  const cloudPath = `${folder.replace(/^\/+|\/+$/g, '')}/${Date.now()}-${Math.random().toString(36).slice(2, 10)}.${ext}`;
  try {
    const res = await Taro.cloud.uploadFile({ cloudPath, filePath: file.path });
    if (!res.fileID) throw new Error('no file id');
    return res.fileID;
  } catch {
    throw new ImageUploadError('图片上传失败，请检查网络后重试');
  }
};
