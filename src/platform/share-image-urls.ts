import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';

export interface ShareImageUrls {
  chatImage?: string;
  momentsImage?: string;
}

/**
 * A share's `imageUrl` takes https, not the `cloud://` ids the drawn share images are stored under: they become
 * temp URLs here, as the page loads (WeChat asks for the share synchronously when the menu is tapped). Without
 * them (none drawn, the call failed, not the mini-program) the share falls back to the cover or WeChat's snapshot.
 */
export const useShareImageUrls = (images: { chat: string | null; moments: string | null } | undefined, enabled: boolean): ShareImageUrls => {
  const [urls, setUrls] = useState<ShareImageUrls>({});
  const chatRef = images?.chat;
  const momentsRef = images?.moments;

  useEffect(() => {
    setUrls({});
    const ids = [chatRef, momentsRef].filter((ref): ref is string => Boolean(ref));
    if (!enabled || !ids.length) return undefined;
    let alive = true;
    Taro.cloud.getTempFileURL({ fileList: ids }).then(
      (r) => {
        const url = (ref?: string | null) => r.fileList.find((f) => f.fileID === ref)?.tempFileURL || undefined;
        if (alive) setUrls({ chatImage: url(chatRef), momentsImage: url(momentsRef) });
      },
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [chatRef, momentsRef, enabled]);

  return urls;
};
