import { useState } from 'react';
import { arenaContract } from '../../../domain/api/report.contracts';
import { useResource } from '../../hooks/use-resource';
import { call } from '../../services/api-client';

/** 擂台赛 board: quarterly by default, or monthly; the current period unless a key is chosen. */
export const useArena = () => {
  const [kind, setKindState] = useState<'quarter' | 'month'>('quarter');
  const [key, setKey] = useState<string | undefined>(undefined);
  const input = { kind, ...(key ? { key } : {}) };
  const resource = useResource({ key: `report.arena:${kind}:${key ?? 'now'}`, fetch: () => call(arenaContract, input), cacheSchema: arenaContract.response });
  const setKind = (next: 'quarter' | 'month') => {
    setKindState(next);
    setKey(undefined);
  };
  return { ...resource, kind, setKind, setKey };
};
