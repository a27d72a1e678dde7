/** Addresses for the web build (H5 hash routing), where the mini-program would share a page path instead. */

/** The web address of an app page, for 复制链接 on the web. */
export const webPageUrl = (pathWithQuery: string): string => {
  if (typeof window === 'undefined') return pathWithQuery;
  const { origin, pathname } = window.location;
  return `${origin}${pathname}#${pathWithQuery}`;
};

/**
 * The web address of a card (query `cardId`, `s`): the form web links take, so the web host can render the
 * card into the page (see src/first-screen); the page turns it into the card's hash route.
 */
export const webCardUrl = (query: string): string => {
  if (typeof window === 'undefined') return `/?${query}`;
  const { origin, pathname } = window.location;
  return `${origin}${pathname}?${query}`;
};

/** A map pin on the web (AMap's URI API: no key, opens the AMap app when installed). Coordinates are GCJ-02. */
export const webMapUrl = (place: { lat: number; lng: number; name: string }): string =>
  `https://uri.amap.com/marker?position=${place.lng},${place.lat}&name=${encodeURIComponent(place.name)}&coordinate=gaode&callnative=1`;
