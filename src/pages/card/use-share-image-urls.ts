import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { CardView } from '../../../domain/api/views.schema';

export interface ShareImageUrls {
  chat?: string;
  moments?: string;
}

/**
 * The card's drawn share images as WeChat's share menu takes them: a share's imageUrl must be a local path or
 * an https URL, not a `cloud://` file id, so those become temp URLs as the card loads (the menu asks
 * synchronously). Nothing resolved: the share has no imageUrl of its own.
 */
export const useShareImageUrls = (images: CardView['shareImages']): ShareImageUrls => {
  const [urls, setUrls] = useState<ShareImageUrls>({});
  const chat = images?.chat ?? null;
  const moments = images?.moments ?? null;

  useEffect(() => {
    let alive = true;
    const cloudIds = [chat, moments].filter((ref): ref is string => ref !== null && ref.startsWith('cloud://'));
    const resolve = async (): Promise<ShareImageUrls> => {
      const temp = new Map<string, string>();
      if (cloudIds.length > 0 && process.env.TARO_ENV === 'weapp') {
        const answer = await Taro.cloud.getTempFileURL({ fileList: cloudIds });
        for (const file of answer.fileList) if (file.tempFileURL) temp.set(file.fileID, file.tempFileURL);
      }
      const urlOf = (ref: string | null) => (ref ? (temp.get(ref) ?? (ref.startsWith('https://') ? ref : undefined)) : undefined);
      return { chat: urlOf(chat), moments: urlOf(moments) };
    };
    resolve().then(
      (next) => {
        if (alive) setUrls(next);
      },
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [chat, moments]);

  return urls;
};
