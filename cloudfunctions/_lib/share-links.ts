/** Where a share lands: the card page with the card id and the share code. */
export const CARD_PAGE = 'pages/card/index';

export const shareQuery = (cardId: string, code: string): string => `cardId=${encodeURIComponent(cardId)}&s=${code}`;

export const sharePath = (cardId: string, code: string): string => `/${CARD_PAGE}?${shareQuery(cardId, code)}`;

/** The H5 build uses hash routing, so deep links need no server rewrites. */
export const shareWebUrl = (webBaseUrl: string, cardId: string, code: string): string =>
  `${webBaseUrl.replace(/\/+$/, '')}/#/${CARD_PAGE}?${shareQuery(cardId, code)}`;
