import { useEffect, useState } from 'react';
import { createPosterSurface, type CreatePosterSurface } from '../../share/poster/poster-surface';
import { drawCarrierShareImages } from '../../share/share-image/draw-carrier-share-images';

export const BACKLOG_CANVAS_ID = 'carrier-backlog-canvas';

/**
 * At most this many carriers a visit: each is four images drawn and uploaded from a phone (a district of 60
 * imported carriers would otherwise keep the phone busy for minutes and spend its data).
 */
export const BACKLOG_PER_VISIT = 3;

type BacklogRow = { id: string; shareImagesToDraw: 'outdated' | 'missing' | null };

/** This visit's carriers: outdated images first (their shares show an old vacancy), then never drawn, in list order. */
export const pickShareImageBacklog = (rows: readonly BacklogRow[]): { ids: string[]; waiting: number } => {
  const outdated = rows.filter((r) => r.shareImagesToDraw === 'outdated');
  const missing = rows.filter((r) => r.shareImagesToDraw === 'missing');
  const all = [...outdated, ...missing];
  return { ids: all.slice(0, BACKLOG_PER_VISIT).map((r) => r.id), waiting: all.length };
};

export interface ShareImageBacklog {
  status: 'idle' | 'drawing' | 'done' | 'failed';
  /** Carriers still to draw on this visit. */
  left: number;
}

/**
 * The office's carrier list draws, one carrier after another while it is open, the share images that carriers
 * changed outside the editor still need (a vacancy confirmed by link, an import): the list marks them
 * `shareImagesToDraw`. Leaving the page stops it; what is left is drawn on a later visit (or by the editor).
 * `staleIds` is compared by value, so a reload listing the same carriers does not start over.
 */
export const useShareImageBacklog = (staleIds: readonly string[], createSurface: CreatePosterSurface = createPosterSurface): ShareImageBacklog => {
  const key = staleIds.join(',');
  // Drawing from the first render when there is something to draw: no «待生成» note flashes before it starts.
  const [state, setState] = useState<ShareImageBacklog>({ status: staleIds.length ? 'drawing' : 'idle', left: staleIds.length });

  useEffect(() => {
    const ids = key ? key.split(',') : [];
    if (!ids.length) {
      setState({ status: 'idle', left: 0 });
      return undefined;
    }
    let alive = true;
    const run = async () => {
      for (let i = 0; i < ids.length && alive; i += 1) {
        setState({ status: 'drawing', left: ids.length - i });
        await drawCarrierShareImages({ carrierId: ids[i], createSurface, canvasId: BACKLOG_CANVAS_ID, alive: () => alive });
      }
    };
    run().then(
      () => {
        if (alive) setState({ status: 'done', left: 0 });
      },
      // One that fails (no canvas, a network drop, content changed meanwhile) ends this visit's round; shares
      // of the rest fall back to WeChat's page snapshot until a later visit draws them.
      () => {
        if (alive) setState((s) => ({ ...s, status: 'failed' }));
      },
    );
    return () => {
      alive = false;
    };
  }, [key, createSurface]);

  return state;
};
