import { useEffect, useState } from 'react';
import type { CardView } from '../../../domain/api/views.schema';
import { useShareImageUrls } from '../../platform/share-image-urls';
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
 * drawn share images become temp URLs (useShareImageUrls).
 */
export const useCardShare = (cardId: string | null, parentCode: string | null, enabled: boolean, images?: CardView['shareImages']): CardShareLinks => {
  const [links, setLinks] = useState<Pick<CardShareLinks, 'chat' | 'moments'>>({ chat: null, moments: null });
  const urls = useShareImageUrls(images, enabled && Boolean(cardId));

  useEffect(() => {
    if (!enabled || !cardId) return undefined;
    let alive = true;
    void Promise.all([createCardShare({ cardId, channel: 'chat', parentCode }), createCardShare({ cardId, channel: 'moments', parentCode })]).then(([chat, moments]) => {
      if (alive) setLinks({ chat, moments });
    });
    return () => {
      alive = false;
    };
  }, [cardId, parentCode, enabled]);

  return { ...links, ...urls };
};
