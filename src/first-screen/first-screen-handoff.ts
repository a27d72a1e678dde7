/**
 * What the H5 first screen (index.html's boot script, running before the app's JavaScript) leaves for the app:
 * the `card.get` answer it already has, and a way to take the first screen down once the app shows. The boot
 * script, the app and the web host that renders the first screen into the page all import this file.
 */
export const FIRST_SCREEN_GLOBAL = '__investcardFirstScreen';
export const FIRST_SCREEN_ELEMENT_ID = 'investcard-first-screen';
export const FIRST_SCREEN_STYLE_ID = 'investcard-first-screen-style';
/** Where index.html puts the app's entry files before the boot script runs. */
export const APP_ASSETS_GLOBAL = '__investcardAssets';
/** A JSON script in index.html (`null` as built) where a web host puts the card it rendered into the page. */
export const SERVED_CARD_ELEMENT_ID = 'investcard-served-card';

/** What a web host rendered into the page: the request it answered and the backend's raw answer. */
export interface ServedCard {
  input: unknown;
  answer: unknown;
}

/** JSON that can sit inside a <script> element: nothing in it can close the element or start markup. */
export const servedCardJson = (served: ServedCard): string =>
  JSON.stringify(served).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Performance marks, read by the LCP bench and the e2e tests. */
export const FIRST_SCREEN_MARKS = {
  painted: 'investcard:first-screen-painted',
  appStart: 'investcard:app-start',
  dismissed: 'investcard:first-screen-dismissed',
} as const;

export interface FirstScreenHandoff {
  /** The call the first screen made, exactly as the app sends it. */
  action: string;
  input: unknown;
  /** The backend's raw answer (`{ok, data | error}`); rejects when the request failed. Handed out once. */
  response: Promise<unknown> | null;
  /**
   * The same answer once it has arrived — from the start when the web host rendered it into the page — so the
   * app's page can render the card in its very first frame instead of a loading state first.
   */
  answer?: unknown;
  /** Takes the first screen down (idempotent). */
  dismiss(): void;
}

export interface AppFiles {
  js: string[];
  css: string[];
}

export interface AppAssets extends AppFiles {
  /**
   * The card page's own chunk files (config/h5-card-page-files.ts): on the card they load with the entry, so the
   * router finds the page there instead of asking for it after the entry has run.
   */
  cardPage?: AppFiles;
  /** The English dictionary's chunk: loaded with the entry for an English visitor only (Chinese ones never fetch it). */
  english?: AppFiles;
}

type HandoffHost = { [FIRST_SCREEN_GLOBAL]?: FirstScreenHandoff };

const host = (): HandoffHost | null => (typeof window === 'undefined' ? null : (window as unknown as HandoffHost));

export const publishHandoff = (handoff: FirstScreenHandoff): void => {
  const h = host();
  if (h) h[FIRST_SCREEN_GLOBAL] = handoff;
};

/**
 * Whether two requests are the same call. Compared as JSON: every side (boot script, web host, app) builds them
 * with `cardRequestFromEntry`, so equal requests serialise equally.
 */
export const sameRequest = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});

/**
 * The first screen's answer for this exact call, at most once; null when there is none (mini-program, other
 * pages, a different card, already taken).
 */
export const takePrefetchedResponse = (action: string, input: unknown): Promise<unknown> | null => {
  const handoff = host()?.[FIRST_SCREEN_GLOBAL];
  if (!handoff?.response || handoff.action !== action || !sameRequest(handoff.input, input)) return null;
  const { response } = handoff;
  handoff.response = null;
  return response;
};

/**
 * The first screen's answer for this exact call if it has arrived and the app has not asked for it yet; does not
 * take it (the app's request still gets it, with no second request).
 */
export const peekPrefetchedAnswer = (action: string, input: unknown): unknown => {
  const handoff = host()?.[FIRST_SCREEN_GLOBAL];
  if (!handoff?.response || handoff.action !== action || !sameRequest(handoff.input, input)) return undefined;
  return handoff.answer;
};

/** Takes the first screen down, if this page load has one. */
export const dismissFirstScreen = (): void => {
  host()?.[FIRST_SCREEN_GLOBAL]?.dismiss();
};
