import Taro from '@tarojs/taro';
import type { CreatePosterSurface, LoadedImage } from './poster-surface';
import type { PosterContext } from './poster-draw';

const MAX_PIXEL_RATIO = 2;

interface CanvasNode {
  width: number;
  height: number;
  getContext(type: '2d'): PosterContext & { scale(x: number, y: number): void };
  createImage(): { width: number; height: number; src: string; onload: (() => void) | null; onerror: (() => void) | null };
}

const canvasNode = (canvasId: string): Promise<CanvasNode> =>
  new Promise((resolve, reject) => {
    Taro.createSelectorQuery()
      .select(`#${canvasId}`)
      .fields({ node: true, size: true })
      .exec((res: ({ node?: CanvasNode } | null)[]) => {
        const node = res?.[0]?.node;
        if (node) resolve(node);
        else reject(new Error('poster canvas not found'));
      });
  });

/** A data: URL (local cloud QR) goes through a temp file: canvas images take file paths. */
const dataUrlToFile = async (dataUrl: string): Promise<string> => {
  const match = /^data:image\/(png|jpe?g);base64,(.+)$/.exec(dataUrl);
  if (!match) throw new Error('unsupported data URL');
  const env = (Taro as unknown as { env: { USER_DATA_PATH: string } }).env;
  const filePath = `${env.USER_DATA_PATH}/poster-code-${Date.now()}.${match[1] === 'png' ? 'png' : 'jpg'}`;
  await new Promise<void>((resolve, reject) => {
    Taro.getFileSystemManager().writeFile({ filePath, data: match[2], encoding: 'base64', success: () => resolve(), fail: reject });
  });
  return filePath;
};

/** Turns a backend image reference into a path the canvas can load. */
const localPath = async (ref: string): Promise<string | null> => {
  if (ref.startsWith('/assets/')) return ref;
  if (ref.startsWith('cloud://')) return (await Taro.cloud.downloadFile({ fileID: ref })).tempFilePath;
  if (ref.startsWith('https://')) return (await Taro.downloadFile({ url: ref })).tempFilePath;
  if (ref.startsWith('data:image/')) return dataUrlToFile(ref);
  return null;
};

/** Mini-program: the page's <Canvas type="2d">, exported with canvasToTempFilePath for saving and sharing. */
export const createPosterSurface: CreatePosterSurface = async ({ width, height, canvasId, pixelRatio }) => {
  const canvas = await canvasNode(canvasId);
  const ratio = pixelRatio ?? Math.min(MAX_PIXEL_RATIO, Math.max(1, Taro.getWindowInfo?.().pixelRatio ?? 2));
  canvas.width = width * ratio;
  canvas.height = height * ratio;
  const ctx = canvas.getContext('2d');
  ctx.scale(ratio, ratio);

  const loadImage = async (ref: string): Promise<LoadedImage | null> => {
    try {
      const path = await localPath(ref);
      if (!path) return null;
      return await new Promise<LoadedImage | null>((resolve) => {
        const image = canvas.createImage();
        image.onload = () => resolve(image.width > 0 ? { image, size: { width: image.width, height: image.height } } : null);
        image.onerror = () => resolve(null);
        image.src = path;
      });
    } catch {
      return null;
    }
  };

  return {
    ctx,
    loadImage,
    exportImage: async () => {
      const res = await Taro.canvasToTempFilePath({ canvas: canvas as unknown as Taro.Canvas, fileType: 'png', destWidth: width * ratio, destHeight: height * ratio });
      return res.tempFilePath;
    },
    exportJpegBase64: async (quality) => {
      const res = await Taro.canvasToTempFilePath({ canvas: canvas as unknown as Taro.Canvas, fileType: 'jpg', quality, destWidth: width * ratio, destHeight: height * ratio });
      return new Promise<string>((resolve, reject) => {
        Taro.getFileSystemManager().readFile({ filePath: res.tempFilePath, encoding: 'base64', success: (r) => resolve(String(r.data)), fail: reject });
      });
    },
  };
};
