/** Where a share lands: the card page with the card id and the share code. */
export const CARD_PAGE = 'pages/card/index';

export const shareQuery = (cardId: string, code: string): string => `cardId=${encodeURIComponent(cardId)}&s=${code}`;

export const sharePath = (cardId: string, code: string): string => `/${CARD_PAGE}?${shareQuery(cardId, code)}`;

/**
 * The card's web address names the card in the query string, which reaches the web host (a hash never does):
 * the host renders the card into the page, and the page turns the address into the app's hash route.
 */
export const shareWebUrl = (webBaseUrl: string, cardId: string, code: string): string =>
  `${webBaseUrl.replace(/\/+$/, '')}/?${shareQuery(cardId, code)}`;
