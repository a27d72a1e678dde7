import * as v from 'valibot';
import { httpPathFor } from '../../domain/api/contract';
import { CardViewSchema, type CardView } from '../../domain/api/views.schema';
import { cardCacheKey, type CardRequest } from '../card-model/card-request';
import { CACHE_PREFIX, isCacheEntry } from '../services/cache-entry';
import { renderCardFirstScreen } from './card-first-screen';
import { coreDictionaryFor } from '../i18n/core-dictionaries';
import { cardLocation, movedHashRoute } from './first-screen-route';
import { firstScreenCardRequest, firstScreenLanguage } from './first-screen-language';
import {
  FIRST_SCREEN_ELEMENT_ID,
  FIRST_SCREEN_MARKS,
  FIRST_SCREEN_STYLE_ID,
  publishHandoff,
  sameRequest,
  SERVED_CARD_ELEMENT_ID,
  type AppAssets,
  type FirstScreenHandoff,
  type ServedCard,
} from './first-screen-handoff';

/**
 * Runs inline at the end of index.html, before the app's JavaScript. On a card address it makes sure the card
 * is on screen as plain HTML first — rendered into the page by the web host, or painted here from the device
 * copy and one request — and only then adds the app's files: on a phone, taking in and evaluating ~600 KB
 * of JavaScript would otherwise hold the first paint back by a second. The app reuses the answer (no second
 * request) and takes the first screen down when its own card page shows. Any other address, or any failure
 * here, starts the app at once.
 */

export interface BootOptions {
  /** Base URL of the HTTP backend ('' = same origin), as TARO_APP_API_BASE for the app. */
  apiBase: string;
  /** Once the first screen shows, how long to let its cover image arrive before the app's scripts run. */
  coverWaitMs?: number;
  /** How long to wait for the card at all before the app starts anyway (slow networks). */
  cardWaitMs?: number;
  /** After the app starts, the first screen leaves by itself after this long whatever happens. */
  dismissAfterMs?: number;
}

type BootWindow = Window & typeof globalThis;

const CARD_ACTION = 'card.get';

const mark = (win: BootWindow, name: string) => {
  try {
    win.performance?.mark?.(name);
  } catch {
    // Marks are for measuring only.
  }
};

/** The card the web host rendered into this page, if it answered this very request. */
const readServedCard = (doc: Document, request: CardRequest): ServedCard | null => {
  try {
    const served = JSON.parse(doc.getElementById(SERVED_CARD_ELEMENT_ID)?.textContent || 'null') as ServedCard | null;
    return served && sameRequest(served.input, request) ? served : null;
  } catch {
    return null;
  }
};

/** The card the app cached on this device (Taro's web storage wraps each value as `{data}`). */
const readCachedCard = (win: BootWindow, request: CardRequest): CardView | null => {
  try {
    const raw = win.localStorage.getItem(CACHE_PREFIX + cardCacheKey(request));
    const entry: unknown = raw ? (JSON.parse(raw) as { data?: unknown }).data : null;
    if (!isCacheEntry(entry)) return null;
    const parsed = v.safeParse(CardViewSchema, entry.data);
    return parsed.success ? parsed.output : null;
  } catch {
    return null;
  }
};

const cardFromAnswer = (answer: unknown): CardView | null => {
  if (typeof answer !== 'object' || answer === null || (answer as { ok?: unknown }).ok !== true) return null;
  const parsed = v.safeParse(CardViewSchema, (answer as { data?: unknown }).data);
  return parsed.success ? parsed.output : null;
};

export const bootFirstScreen = (win: BootWindow, assets: AppAssets, options: BootOptions): void => {
  const { apiBase, coverWaitMs = 1200, cardWaitMs = 1500, dismissAfterMs = 15_000 } = options;
  const doc = win.document;
  const lang = firstScreenLanguage(win);
  const t = coreDictionaryFor(lang);
  let started = false;
  let dismissed = false;

  const dismiss = () => {
    if (dismissed) return;
    dismissed = true;
    doc.getElementById(FIRST_SCREEN_ELEMENT_ID)?.remove();
    doc.getElementById(FIRST_SCREEN_STYLE_ID)?.remove();
    mark(win, FIRST_SCREEN_MARKS.dismissed);
  };

  /** The card page's files go with the entry's on a card address (see AppAssets.cardPage). */
  let onCard = false;

  /** Adds the app's stylesheets and, once they are in, its scripts in order (downloading meanwhile). */
  const startApp = () => {
    if (started) return;
    started = true;
    mark(win, FIRST_SCREEN_MARKS.appStart);
    // The dictionary before the page, so the page's first frame already speaks the visitor's language.
    const extra = [...(lang === 'en' && assets.english ? [assets.english] : []), ...(onCard && assets.cardPage ? [assets.cardPage] : [])];
    const js = [...assets.js, ...extra.flatMap((f) => f.js)];
    const css = [...assets.css, ...extra.flatMap((f) => f.css)];
    for (const href of js) {
      const preload = doc.createElement('link');
      // Attributes, not properties: older WebViews lack the `as` property.
      preload.setAttribute('rel', 'preload');
      preload.setAttribute('as', 'script');
      preload.setAttribute('href', href);
      doc.head.appendChild(preload);
    }
    let pendingCss = css.length;
    const addScripts = () => {
      for (const src of js) {
        const script = doc.createElement('script');
        script.src = src;
        script.async = false;
        // The card stays readable and callable; the visitor learns why nothing else happens.
        script.onerror = () => {
          const status = doc.querySelector(`#${FIRST_SCREEN_ELEMENT_ID} [role="status"]`);
          if (status) status.textContent = t.firstScreenLoadFailed;
        };
        doc.head.appendChild(script);
      }
    };
    for (const href of css) {
      const link = doc.createElement('link');
      link.rel = 'stylesheet';
      link.href = href;
      // The app never renders unstyled: its scripts (downloading in parallel) run once its stylesheets are in.
      link.onload = link.onerror = () => {
        pendingCss -= 1;
        if (pendingCss === 0) addScripts();
      };
      doc.head.appendChild(link);
    }
    if (pendingCss === 0) addScripts();
    // Should the app show something of its own without taking the first screen down, the first screen still
    // goes; while the app shows nothing (its scripts failed), the card stays: better than an empty page.
    win.setTimeout(() => {
      if (doc.getElementById('app')?.childElementCount) dismiss();
    }, dismissAfterMs);
  };

  /** Lets the cover arrive (bounded), then one frame so it is painted, then the app. */
  const startAppAfterPaint = (screen: HTMLElement) => {
    mark(win, FIRST_SCREEN_MARKS.painted);
    let done = false;
    const go = () => {
      if (done) return;
      done = true;
      win.requestAnimationFrame(() => win.setTimeout(startApp, 0));
    };
    const cover = screen.querySelector<HTMLImageElement>('.district-hero__cover');
    if (cover && !cover.complete) {
      cover.addEventListener('load', go);
      cover.addEventListener('error', go);
      win.setTimeout(go, coverWaitMs);
    } else go();
  };

  let shown: string | null = null;
  const paint = (card: CardView) => {
    if (dismissed) return;
    const html = renderCardFirstScreen(card, lang);
    if (html === shown) return;
    let screen = doc.getElementById(FIRST_SCREEN_ELEMENT_ID);
    if (!screen) {
      screen = doc.createElement('div');
      screen.id = FIRST_SCREEN_ELEMENT_ID;
      screen.setAttribute('aria-busy', 'true');
      doc.body.insertBefore(screen, doc.body.firstChild);
    }
    screen.innerHTML = html;
    if (shown === null) startAppAfterPaint(screen);
    shown = html;
  };

  try {
    // An old address of a page that moved (the router knows only the new one) becomes its new one before the app starts.
    const moved = movedHashRoute(win.location.hash);
    if (moved) win.history.replaceState(win.history.state, '', `${win.location.pathname}${win.location.search}${moved}`);
    const located = cardLocation(win.location.hash, win.location.search);
    if (!located) {
      // The web host cannot see a hash and rendered the default card: not what this address opens.
      dismiss();
      startApp();
      return;
    }
    onCard = true;
    const { hashRoute } = located;
    // An English visitor's card is asked for in English (the app asks the same, so the answer is handed over).
    const request = firstScreenCardRequest(located.request, lang);
    // The app routes by hash: a query-string card address becomes the same card's hash route before it starts.
    if (hashRoute) win.history.replaceState(win.history.state, '', `${win.location.pathname}${hashRoute}`);
    // The address leaving the card (a link, the back button) ends the first screen.
    win.addEventListener('hashchange', () => {
      if (!cardLocation(win.location.hash, '')) dismiss();
    });

    const served = readServedCard(doc, request);
    const screen = doc.getElementById(FIRST_SCREEN_ELEMENT_ID);
    const servedCard = served ? cardFromAnswer(served.answer) : null;
    if (served && screen && servedCard) {
      // The web host rendered the card into the page: it is being painted already (in this visitor's language,
      // unless only the device knows their choice — then it is drawn again at once, before the first paint).
      publishHandoff({ action: CARD_ACTION, input: request, response: Promise.resolve(served.answer), answer: served.answer, dismiss });
      if (screen.querySelector('[data-lang]')?.getAttribute('data-lang') !== lang) screen.innerHTML = renderCardFirstScreen(servedCard, lang);
      shown = 'served';
      startAppAfterPaint(screen);
      return;
    }
    screen?.remove();
    if (typeof win.fetch !== 'function') {
      startApp();
      return;
    }
    const response = win
      .fetch(`${apiBase}${httpPathFor(CARD_ACTION)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ input: request }),
        credentials: 'same-origin',
      })
      .then((r) => r.json() as Promise<unknown>);
    const handoff: FirstScreenHandoff = { action: CARD_ACTION, input: request, response, dismiss };
    publishHandoff(handoff);

    const cached = readCachedCard(win, request);
    if (cached) paint(cached);
    win.setTimeout(startApp, cardWaitMs);
    response.then(
      (answer) => {
        handoff.answer = answer;
        const card = cardFromAnswer(answer);
        if (card) paint(card);
        // Not found, refused, or unreadable: the app has the words for that.
        else startApp();
      },
      // The app asks again itself and says what went wrong.
      () => startApp(),
    );
  } catch {
    startApp();
  }
};
