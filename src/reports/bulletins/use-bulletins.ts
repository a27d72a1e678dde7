import Taro from '@tarojs/taro';
import { useState } from 'react';
import { bulletinFileContract, bulletinsContract } from '../../../domain/api/report.contracts';
import { useAction } from '../../hooks/use-action';
import { useResource } from '../../hooks/use-resource';
import { openStoredFile } from '../../platform/open-file';
import { saveImageToAlbum } from '../../platform/privacy';
import { call } from '../../services/api-client';

/** The share image shown under its bulletin: a short-lived link (fetched on the tap, like the PDF's). */
export interface ShownImage {
  bulletinId: string;
  url: string;
  fileName: string;
}

/**
 * Getting the share image out: on the web a download of the PNG; in WeChat the image is downloaded and saved to
 * the album (the first time WeChat asks for the album permission); when that is refused, the image opens in
 * WeChat's viewer, where a long press saves or forwards it.
 */
const saveShareImage = async (image: ShownImage): Promise<void> => {
  if (process.env.TARO_ENV === 'h5') {
    const { clickDownload } = await import('../../platform/web-download');
    clickDownload(image.url, image.fileName);
    return;
  }
  const downloaded = await Taro.downloadFile({ url: image.url });
  if (downloaded.statusCode !== 200) throw new Error(`download failed: ${downloaded.statusCode}`);
  const outcome = await saveImageToAlbum(downloaded.tempFilePath);
  if (outcome !== 'ok' && outcome !== 'cancelled') await Taro.previewImage({ urls: [downloaded.tempFilePath], current: downloaded.tempFilePath });
};

/** 每月一通报: the district's bulletins (cached, then refreshed), opening one's PDF or workbook, showing and saving its share image. */
export const useBulletins = () => {
  const resource = useResource({ key: 'report.bulletins', fetch: () => call(bulletinsContract, {}), cacheSchema: bulletinsContract.response });
  const [opening, setOpening] = useState<string | null>(null);
  const [image, setImage] = useState<ShownImage | null>(null);
  const open = useAction(async (bulletinId: string, format: 'pdf' | 'xlsx') => {
    setOpening(`${bulletinId}.${format}`);
    try {
      const file = await call(bulletinFileContract, { bulletinId, format });
      await openStoredFile(file.url, file.fileName);
    } finally {
      setOpening(null);
    }
  });
  const show = useAction(async (bulletinId: string) => {
    if (image?.bulletinId === bulletinId) {
      setImage(null);
      return;
    }
    setOpening(`${bulletinId}.png`);
    try {
      const file = await call(bulletinFileContract, { bulletinId, format: 'png' });
      setImage({ bulletinId, url: file.url, fileName: file.fileName });
    } finally {
      setOpening(null);
    }
  });
  const save = useAction(async () => {
    if (!image) return;
    setOpening(`${image.bulletinId}.save`);
    try {
      await saveShareImage(image);
    } finally {
      setOpening(null);
    }
  });
  return {
    ...resource,
    opening,
    openError: open.error ?? show.error ?? save.error,
    open: (bulletinId: string, format: 'pdf' | 'xlsx') => void open.run(bulletinId, format),
    image,
    /** Shows the bulletin's share image under it (a second tap hides it). */
    showImage: (bulletinId: string) => void show.run(bulletinId),
    saveImage: () => void save.run(),
    /** In WeChat a tap on the image opens the viewer (long press there: save, forward). */
    previewImage: () => (image && process.env.TARO_ENV !== 'h5' ? void Taro.previewImage({ urls: [image.url], current: image.url }) : undefined),
  };
};
