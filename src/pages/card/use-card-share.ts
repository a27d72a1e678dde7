import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { CardView } from '../../../domain/api/views.schema';
import { createCardShare, type ShareLink } from '../../services/share-service';

export interface CardShareLinks {
  chat: ShareLink | null;
  moments: ShareLink | null;
  /** https URLs of the images drawn from the card (5:4 for chats, 1:1 for Moments), when it has them. */
  chatImage?: string;
  momentsImage?: string;
}

/**
 * Share hops for 转发 and 分享到朋友圈, created as the page loads (WeChat asks for the path synchronously when
 * the menu is tapped). `parentCode` is the share this visit came through, so the chain of who passed the card
 * on is kept. Disabled where the visitor cannot be signed in (Moments single-page mode, the web). The card's
 * drawn share images are `cloud://` ids, which a share's imageUrl does not take: they become temp URLs here.
 */
export const useCardShare = (cardId: string | null, parentCode: string | null, enabled: boolean, images?: CardView['shareImages']): CardShareLinks => {
  const [links, setLinks] = useState<CardShareLinks>({ chat: null, moments: null });
  const chatRef = images?.chat;
  const momentsRef = images?.moments;

  useEffect(() => {
    if (!enabled || !cardId) return undefined;
    let alive = true;
    const ids = [chatRef, momentsRef].filter((ref): ref is string => Boolean(ref));
    void Promise.all([
      createCardShare({ cardId, channel: 'chat', parentCode }),
      createCardShare({ cardId, channel: 'moments', parentCode }),
      // Without the images the share falls back to the cover or WeChat's snapshot.
      ids.length ? Taro.cloud.getTempFileURL({ fileList: ids }).then((r) => r.fileList, () => []) : [],
    ]).then(([chat, moments, files]) => {
      const url = (ref?: string | null) => files.find((f) => f.fileID === ref)?.tempFileURL || undefined;
      if (alive) setLinks({ chat, moments, chatImage: url(chatRef), momentsImage: url(momentsRef) });
    });
    return () => {
      alive = false;
    };
  }, [cardId, parentCode, enabled, chatRef, momentsRef]);

  return links;
};
