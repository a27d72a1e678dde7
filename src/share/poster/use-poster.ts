import { useCallback, useEffect, useRef, useState } from 'react';
import { getCardContract } from '../../../domain/api/public-read.contracts';
import { createShareContract, shareQrContract } from '../../../domain/api/sharing.contracts';
import type { CardView } from '../../../domain/api/views.schema';
import { isId } from '../../../domain/common/text';
import { isShareCode } from '../../../domain/share/share-code.rules';
import { ApiError, call, isApiError, toApiError } from '../../services/api-client';
import { webCardUrl } from '../../platform/web-links';
import { pageUrl, ROUTES } from '../../routes';
import { isSinglePageMode } from '../../platform/launch-mode';
import { fallbackCodeImage } from './fallback-code';
import { canvasMeasure, drawPoster } from './poster-draw';
import { posterContentFromCard, posterPersonOf } from './poster-content';
import { computePosterLayout, POSTER_HEIGHT, POSTER_WIDTH } from './poster-layout';
import { createPosterSurface, type CreatePosterSurface } from './poster-surface';

export const POSTER_CANVAS_ID = 'poster-canvas';

export interface PosterEntry {
  cardId?: string;
  /** The share this visitor came through: the poster's share becomes its child, so the chain goes on. */
  s?: string;
  /** `en`: the card was shown in English, so is its poster (content and the poster's own words). */
  lang?: string;
}

export type PosterStatus = 'unavailable' | 'loading' | 'ready' | 'error';

export interface PosterResult {
  /** Data URL (web) or temp file path (mini-program) of the finished poster. */
  image: string;
  card: CardView;
  codeKind: 'wxacode' | 'url';
  /** The recorded share; null when none could be recorded (a web visitor without an identity). */
  shareCode: string | null;
}

export interface PosterState {
  status: PosterStatus;
  result: PosterResult | null;
  error: ApiError | null;
  retry: () => void;
}

const CODE_FAILED = new ApiError('INTERNAL.UNEXPECTED', '二维码生成失败，请稍后重试');

const cardLinkForWeb = (cardId: string, parentCode: string | undefined): string =>
  webCardUrl(pageUrl(ROUTES.card, { cardId, s: parentCode }).split('?')[1] ?? '');

interface Code {
  kind: 'wxacode' | 'url';
  image: string;
  shareCode: string | null;
}

/**
 * Poster codes already made in this app session, by card and parent share: reopening the poster page reuses its
 * share instead of recording a new one (which would inflate the owner's share count).
 */
const sessionCodes = new Map<string, Promise<Code>>();

/** Forgets the session's poster codes (identity change; tests). */
export const forgetPosterCodes = (): void => sessionCodes.clear();

/** Records a poster share and fetches its code; on the web without an identity, draws a QR of the card link. */
const codeFor = (cardId: string, parentCode: string | undefined): Promise<Code> => {
  const key = `${cardId}|${parentCode ?? ''}`;
  const existing = sessionCodes.get(key);
  if (existing) return existing;
  const pending = makeCode(cardId, parentCode);
  sessionCodes.set(key, pending);
  // A failure is not remembered: 重新生成 tries again.
  pending.catch(() => sessionCodes.delete(key));
  return pending;
};

const makeCode = async (cardId: string, parentCode: string | undefined): Promise<Code> => {
  try {
    const share = await call(createShareContract, { cardId, channel: 'poster', ...(parentCode ? { parentCode } : {}) });
    const qr = await call(shareQrContract, { code: share.code });
    return { kind: qr.kind, image: qr.image, shareCode: share.code };
  } catch (e) {
    if (!(process.env.TARO_ENV === 'h5' && isApiError(e) && e.code === 'AUTH.SIGN_IN_REQUIRED')) throw e;
    const image = await fallbackCodeImage(cardLinkForWeb(cardId, parentCode));
    if (!image) throw CODE_FAILED;
    return { kind: 'url', image, shareCode: null };
  }
};

/** Frees a web poster's `blob:` URL (data URLs and the mini-program's temp files need nothing). */
const releaseImageUrl = (url: string | null): void => {
  if (url?.startsWith('blob:') && typeof URL !== 'undefined' && typeof URL.revokeObjectURL === 'function') URL.revokeObjectURL(url);
};

/**
 * Makes the poster of a card: loads the card, records a `poster` share, fetches its code, lays the poster
 * out with the pure layout functions and draws it on the platform's surface. Not offered in Moments
 * single-page mode (no identity, no saving images there).
 */
export const usePoster = (entry: PosterEntry, createSurface: CreatePosterSurface = createPosterSurface): PosterState => {
  const cardId = isId(entry.cardId) ? entry.cardId : undefined;
  const parentCode = isShareCode(entry.s) ? entry.s : undefined;
  const lang = entry.lang === 'en' ? 'en' : 'zh';
  const unavailable = isSinglePageMode();
  const [state, setState] = useState<Omit<PosterState, 'retry'>>({ status: unavailable ? 'unavailable' : 'loading', result: null, error: null });
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(0);

  const make = useCallback(async (): Promise<PosterResult> => {
    const card = await call(getCardContract, { ...(cardId ? { cardId } : {}), ...(parentCode ? { shareCode: parentCode } : {}), ...(lang === 'en' ? { lang } : {}) });
    const code = await codeFor(card.cardId, parentCode);
    const surface = await createSurface({ width: POSTER_WIDTH, height: POSTER_HEIGHT, canvasId: POSTER_CANVAS_ID });
    // The person the poster names (the successor once the owner left), with their photo.
    const person = posterPersonOf(card);
    const [photo, codeImage] = await Promise.all([person.photo ? surface.loadImage(person.photo) : Promise.resolve(null), surface.loadImage(code.image)]);
    if (!codeImage) throw CODE_FAILED;
    const layout = computePosterLayout(posterContentFromCard(card, code.kind, lang), { photo: photo?.size ?? null, code: codeImage.size }, canvasMeasure(surface.ctx));
    drawPoster(surface.ctx, layout, { photo: photo?.image, code: codeImage.image });
    const image = await surface.exportImage();
    return { image, card, codeKind: code.kind, shareCode: code.shareCode };
  }, [cardId, parentCode, lang, createSurface]);

  useEffect(() => {
    if (unavailable) return undefined;
    const ticket = ++latest.current;
    // This run's web poster (an object URL): released when a new one is drawn or the page closes.
    let shown: string | null = null;
    setState({ status: 'loading', result: null, error: null });
    make().then(
      (result) => {
        if (ticket !== latest.current) {
          releaseImageUrl(result.image);
          return;
        }
        shown = result.image;
        setState({ status: 'ready', result, error: null });
      },
      (e: unknown) => {
        if (ticket !== latest.current) return;
        setState({ status: 'error', result: null, error: toApiError(e, { unexpected: '海报生成失败，请稍后重试' }) });
      },
    );
    return () => {
      latest.current += 1;
      releaseImageUrl(shown);
    };
  }, [make, attempt, unavailable]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
};
