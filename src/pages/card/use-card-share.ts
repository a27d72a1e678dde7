import { useEffect, useState } from 'react';
import { createCardShare, type ShareLink } from '../../services/share-service';

export interface CardShareLinks {
  chat: ShareLink | null;
  moments: ShareLink | null;
}

/**
 * Share hops for 转发 and 分享到朋友圈, created as the page loads (WeChat asks for the path synchronously when
 * the menu is tapped). `parentCode` is the share this visit came through, so the chain of who passed the card
 * on is kept. Disabled where the visitor cannot be signed in (Moments single-page mode, the web).
 */
export const useCardShare = (cardId: string | null, parentCode: string | null, enabled: boolean): CardShareLinks => {
  const [links, setLinks] = useState<CardShareLinks>({ chat: null, moments: null });

  useEffect(() => {
    if (!enabled || !cardId) return undefined;
    let alive = true;
    void Promise.all([
      createCardShare({ cardId, channel: 'chat', parentCode }),
      createCardShare({ cardId, channel: 'moments', parentCode }),
    ]).then(([chat, moments]) => {
      if (alive) setLinks({ chat, moments });
    });
    return () => {
      alive = false;
    };
  }, [cardId, parentCode, enabled]);

  return links;
};
