import { useCallback, useEffect, useRef, useState } from 'react';
import { cardStatsContract } from '../../../domain/api/sharing.contracts';
import { isId } from '../../../domain/common/text';
import { ApiError, call, toApiError } from '../../services/api-client';
import type { CardStats } from './stats-view';

export interface CardStatsState {
  status: 'loading' | 'ready' | 'error';
  stats: CardStats | null;
  error: ApiError | null;
  reload: () => Promise<void>;
}

const STATS_MESSAGES = {
  'AUTH.FORBIDDEN': '名片数据仅对名片主人开放',
  'CARD.NOT_FOUND': '你还没有名片：先在「编辑名片」中保存一次，即可开始统计',
} as const;

/** 我的名片数据 (card.stats): the caller's own card, or `cardId` for an admin looking at a colleague's. */
export const useCardStats = (cardId?: string): CardStatsState => {
  const [state, setState] = useState<Omit<CardStatsState, 'reload'>>({ status: 'loading', stats: null, error: null });
  const latest = useRef(0);
  const id = isId(cardId) ? cardId : undefined;

  const reload = useCallback(async (): Promise<void> => {
    const ticket = ++latest.current;
    setState((s) => (s.stats ? { ...s, error: null } : { status: 'loading', stats: null, error: null }));
    try {
      const stats = await call(cardStatsContract, id ? { cardId: id } : {});
      if (ticket === latest.current) setState({ status: 'ready', stats, error: null });
    } catch (e) {
      if (ticket !== latest.current) return;
      const error = toApiError(e, { codes: STATS_MESSAGES });
      setState((s) => (s.stats ? { status: 'ready', stats: s.stats, error } : { status: 'error', stats: null, error }));
    }
  }, [id]);

  useEffect(() => {
    void reload();
    return () => {
      latest.current += 1;
    };
  }, [reload]);

  return { ...state, reload };
};
