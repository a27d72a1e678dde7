import { useCallback, useEffect, useRef } from 'react';
import { webChallengeContract } from '../../../domain/api/lead.contracts';
import { call } from '../../services/api-client';
import { solveInSlices, type WebProof } from './solve-in-slices';

/**
 * On the web (H5), where a visitor may have no WeChat identity, the form earns its proof of work while the
 * visitor types: a challenge is fetched and solved in slices as soon as the form opens, so pressing 提交 rarely
 * waits. In the mini-program no proof is needed and nothing runs. `take()` hands the proof over once; the
 * next inquiry (or a refused one) starts a fresh challenge.
 */
export const useWebProof = (enabled: boolean) => {
  const pending = useRef<Promise<WebProof> | null>(null);

  const start = useCallback(() => {
    const solving = call(webChallengeContract, {}).then((c) => solveInSlices(c.challenge, c.bits));
    // A failure shows when the proof is taken (at 提交), not while the visitor is still typing.
    solving.catch(() => undefined);
    pending.current = solving;
  }, []);

  useEffect(() => {
    if (enabled && !pending.current) start();
  }, [enabled, start]);

  const take = useCallback(async (): Promise<WebProof | undefined> => {
    if (!enabled) return undefined;
    if (!pending.current) start();
    const current = pending.current as Promise<WebProof>;
    pending.current = null;
    try {
      return await current;
    } finally {
      // Every proof is single use: the next submission gets its own.
      start();
    }
  }, [enabled, start]);

  return { take };
};
